import Foundation
import Testing

@testable import LabSite

/// What must hold for every sample of every language: the HTML, read as text, is the code it was
/// made from; spans nest and none crosses a line; personal values are all wrapped.
@Suite("Highlighting keeps the code")
struct HighlightRoundTripTests {
    static let snippets =
        BashHighlightTests.snippets + ConsoleHighlightTests.snippets + JSONHighlightTests.snippets
        + YAMLHighlightTests.snippets + PythonHighlightTests.snippets + PowerShellHighlightTests.snippets
        + INIHighlightTests.snippets + SQLHighlightTests.snippets + DiffHighlightTests.snippets

    /// Defaults of the course's personal values, marked wherever a sample holds them.
    static let defaults = ["123456789012", "ap-northeast-2", "us-east-1", "lab-user", "amzn-s3-demo-bucket", "lab"]

    @Test("every language has at least 20 samples")
    func sampleCounts() {
        let counts = Dictionary(grouping: Self.snippets, by: { CodeLanguage(name: $0.language) })
            .mapValues(\.count)
        for language in CodeLanguage.allCases {
            #expect((counts[language] ?? 0) >= 20, "\(language) has \(counts[language] ?? 0) samples")
        }
    }

    @Test("the HTML's text is the code, plain and with numbered and marked lines", arguments: snippets)
    func roundTrip(_ snippet: Snippet) {
        for info in [snippet.language, "\(snippet.language) {1,3-4} showLineNumbers"] {
            let html = CodeBlockHTML.render(snippet.code, info: CodeInfo(parsing: info), values: [])
            #expect(HighlightCheck.plainText(HighlightCheck.codeText(html)) == snippet.code, "\(info)")
            #expect(HighlightCheck.spansAreBalanced(html), "\(info)")
        }
    }

    @Test("the tokens of each line, plain text included, are the line", arguments: snippets)
    func tokensCoverLines(_ snippet: Snippet) throws {
        let language = try #require(CodeLanguage(name: snippet.language))
        let lines = language.tokenizedLines(snippet.code).map { $0.map(\.text).joined() }
        var expected = snippet.code.components(separatedBy: "\n")
        if snippet.code.hasSuffix("\n") { expected.removeLast() }
        #expect(lines == expected)
    }

    @Test("personal values are wrapped wherever they fall, and the text stays the code", arguments: snippets)
    func values(_ snippet: Snippet) {
        let values = Self.marks(in: snippet.code)
        for info in [snippet.language, "\(snippet.language) {2} showLineNumbers"] {
            let html = CodeBlockHTML.render(snippet.code, info: CodeInfo(parsing: info), values: values)
            #expect(HighlightCheck.plainText(HighlightCheck.codeText(html)) == snippet.code, "\(info)")
            #expect(HighlightCheck.spansAreBalanced(html), "\(info)")
            #expect(html.components(separatedBy: "<span class=\"param\"").count - 1 == values.count, "\(info)")
        }
    }

    /// Every occurrence of a default in `code`, left to right, none overlapping.
    static func marks(in code: String) -> [ValueMark] {
        let bytes = Array(code.utf8)
        var marks: [ValueMark] = []
        var position = 0
        while position < bytes.count {
            let found = defaults.first { value in
                let value = Array(value.utf8)
                return position + value.count <= bytes.count && Array(bytes[position..<position + value.count]) == value
            }
            if let found {
                marks.append(ValueMark(range: position..<position + found.utf8.count, name: "v\(marks.count)"))
                position += found.utf8.count
            } else {
                position += 1
            }
        }
        return marks
    }
}
