import FuzzSupport
import LabSite

/// The YAML labsite reads through Yams: a page's front matter (`FrontMatter.split`) and `site.yml`
/// (`SiteSettings.parse`). Every input is read as both; errors must name the file and a line of it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let text = FuzzInput.text(bytes)
    let lines = FuzzInput.lineCount(text)
    do {
        let (_, body, bodyFirstLine) = try FrontMatter.split(text, path: "content/page.md")
        precondition((1...lines + 1).contains(bodyFirstLine), "the body starts at line \(bodyFirstLine) of \(lines)")
        precondition(FuzzInput.unifiedLineEndings(text).hasSuffix(body), "the body is not the end of the page")
    } catch {
        check(error, path: "content/page.md", lines: lines)
    }
    do {
        _ = try SiteSettings.parse(text, path: "content/site.yml")
    } catch {
        check(error, path: "content/site.yml", lines: lines)
    }
    return 0
}

/// An error about bad input names the file and, when it gives a line, one the file has.
private func check(_ error: any Error, path: String, lines: Int) {
    guard let located = error as? any LocatedError else {
        preconditionFailure("an error that names no file: \(error)")
    }
    precondition(located.path == path, "the error names \(located.path), not \(path)")
    if let line = located.line {
        precondition((1...lines).contains(line), "the error is at line \(line) of a \(lines)-line file")
    }
}
