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
    @Test("every example renders as the spec says", arguments: examples)
    func example(_ example: SpecExample) throws {
        let renderer = MarkdownRenderer(options: MarkdownOptions(allowsRawHTML: true))
        let html = try renderer.render(example.markdown).html
        #expect(Self.removingHeadingAttributes(html) == example.html)
    }

    static func removingHeadingAttributes(_ html: String) -> String {
        html.replacingOccurrences(
            of: #"<h([1-6]) id="[^"]*"( class="step")?>"#, with: "<h$1>", options: .regularExpression)
    }
}
