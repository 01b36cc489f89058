import Foundation
import FuzzSupport
import LabSite
import LabSiteCloudTrail
import LabSiteCloudWatch
import LabSiteIAM

/// A page as `labsite build` renders it: front matter split off, then cmark with the Korean
/// emphasis pass, headings and steps, callouts, tabs, figures (images found under the course's
/// `content/`), highlighted code, the course's `{{value}}`s and the directives of its own sections
/// (`cloudtrail-event`, `cloudtrail-events`, `alarm`, `iam-matrix`), whose bodies are parsed too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let path = "content/fuzz.md"
    // A page without front matter is an error before Markdown; its text is still rendered as a
    // body, so inputs need not learn the front matter to reach cmark.
    let (body, firstLine) = (try? FrontMatter.split(text, path: path)).map { ($0.body, $0.bodyFirstLine) } ?? (text, 1)
    // Half the inputs with raw HTML allowed, as a course's site.yml may ask; the choice costs no byte.
    let renderer = size % 2 == 0 ? renderers.safe : renderers.rawHTML
    do {
        let rendered = try renderer.render(body, path: path, firstLine: firstLine)
        let lastLine = firstLine + FuzzInput.lineCount(body) - 1
        for heading in rendered.headings {
            precondition(
                (firstLine...lastLine).contains(heading.line), "heading at line \(heading.line), outside the page")
        }
        for link in rendered.links {
            precondition((firstLine...lastLine).contains(link.line), "link at line \(link.line), outside the page")
        }
        for warning in rendered.warnings {
            precondition(warning.path == path, "a warning names \(warning.path), not \(path)")
            let line = warning.line ?? firstLine
            precondition((firstLine...lastLine).contains(line), "warning at line \(line), outside the page")
        }
        // A value's marker never reaches the page: every one became a span or its default.
        precondition(
            !rendered.html.unicodeScalars.contains { $0 == "\u{E000}" || $0 == "\u{E001}" },
            "a value marker is left in the HTML")
    } catch let error as any LocatedError {
        precondition(error.path == path, "the error names \(error.path), not \(path)")
    } catch {
        preconditionFailure("an error that names no file: \(error)")
    }
    return 0
}

/// Loads the course before the first input: libFuzzer's one-second timeout counts the first
/// input's run, and loading every section of the course under AddressSanitizer takes about that long.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzMarkdownInitialize(
    _ argc: UnsafeMutablePointer<CInt>?,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
    _ = renderers
    return 0
}

/// Renderers with the directives of the sections the repository's own course (`content/`) loads,
/// made once: loading reads the course's trail, alarm and IAM files.
private let renderers: (safe: MarkdownRenderer, rawHTML: MarkdownRenderer) = {
    do {
        let loader = ContentLoader(sourceDirectory: FuzzInput.repositoryRoot)
        let content = try loader.load()
        let input = SectionInput(content: content, contentDirectory: loader.contentDirectory, options: BuildOptions())
        let directives =
            try TrailSection.load(from: input).directives + CloudWatchSection.load(from: input).directives
            + IAMSection.load(from: input).directives
        func renderer(allowsRawHTML: Bool) -> MarkdownRenderer {
            var options = MarkdownOptions.site(allowsRawHTML: allowsRawHTML)
            options.values = content.settings.values
            options.imageFile = SiteBuilder.imageFile(in: loader.contentDirectory)
            return MarkdownRenderer(options: options, directives: directives)
        }
        return (renderer(allowsRawHTML: false), renderer(allowsRawHTML: true))
    } catch {
        fatalError("the course in \(FuzzInput.repositoryRoot.path) does not load: \(error)")
    }
}()
