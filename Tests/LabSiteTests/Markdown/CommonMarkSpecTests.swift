import Foundation
import Testing

@testable import LabSite

/// One example of the CommonMark spec: Markdown in, the exact HTML cmark must write out.
struct SpecExample: Sendable, CustomTestStringConvertible {
    var number: Int
    var section: String
    var markdown: String
    var html: String

    var testDescription: String { "example \(number) (\(section))" }

    /// Reads every example of `spec-0.30.txt`; the spec writes tabs as `→`.
    static func all() throws -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var markdown: [String]?
        var html: [String]?
        for line in try Fixtures.text("commonmark/spec-0.30.txt").components(separatedBy: "\n") {
            if line == fence + " example" {
                markdown = []
            } else if line == fence, let input = markdown, let output = html {
                examples.append(
                    SpecExample(
                        number: examples.count + 1, section: section,
                        markdown: input.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t"),
                        html: output.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")))
                markdown = nil
                html = nil
            } else if html != nil {
                html?.append(line)
            } else if markdown != nil {
                if line == "." { html = [] } else { markdown?.append(line) }
            } else if line.hasPrefix("#") {
                section = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            }
        }
        return examples
    }
}

@Suite("CommonMark 0.30 spec")
struct CommonMarkSpecTests {
    static let examples = (try? SpecExample.all()) ?? []

    @Test("the spec file holds all 652 examples")
    func exampleCount() {
        #expect(Self.examples.count == 652)
    }

    /// labsite adds `id` (and `class="step"`) to headings; everything else must be cmark's output.
    /// Examples where labsite differs on purpose: an image with a title is a figure, so the
    /// paragraph around it is split (``FigureTests`` checks that output exactly).
    static let figureExamples: Set<Int> = [578, 586]

    @Test("every example renders as the spec says", arguments: examples.filter { !figureExamples.contains($0.number) })
    func example(_ example: SpecExample) throws {
        let renderer = MarkdownRenderer(options: MarkdownOptions(allowsRawHTML: true))
        let html = try renderer.render(example.markdown).html
        #expect(Self.asCommonMark(html) == example.html)
    }

    /// labsite's additions taken out again: heading ids, and images' size, lazy loading and figures.
    static func asCommonMark(_ html: String) -> String {
        unfiguringImages(removingHeadingAttributes(html))
    }

    /// A figure back to a paragraph holding its image, the caption as the image's title when it is
    /// not the alt text (no spec example has a title equal to its alt text); `loading` dropped.
    static func unfiguringImages(_ html: String) -> String {
        let figure =
            /<figure class="figure">\n<a class="figure-zoom" href="[^"]*"><img src="([^"]*)" alt="([^"]*)" loading="lazy"><\/a>\n(?:<figcaption>([^<]*)<\/figcaption>\n)?<\/figure>/
        let unfigured = html.replacing(figure) { match in
            let (_, source, alt, caption) = match.output
            let title = caption.flatMap { $0 == alt ? nil : " title=\"\($0)\"" } ?? ""
            return "<p><img src=\"\(source)\" alt=\"\(alt)\"\(title) /></p>"
        }
        return unfigured.replacing(/<img src="([^"]*)" alt="([^"]*)" loading="lazy"( title="[^"]*")?>/) { match in
            "<img src=\"\(match.output.1)\" alt=\"\(match.output.2)\"\(match.output.3 ?? "") />"
        }
    }

    static func removingHeadingAttributes(_ html: String) -> String {
        html.replacingOccurrences(
            of: #"<h([1-6]) id="[^"]*"( class="step")?>"#, with: "<h$1>", options: .regularExpression)
    }
}
