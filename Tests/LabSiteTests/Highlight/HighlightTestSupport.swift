import Foundation
import Testing

@testable import LabSite

/// One code sample and what highlighting must find in it.
struct Snippet: Sendable, CustomTestStringConvertible {
    /// The info string's language word.
    var language: String
    /// The code, as cmark hands it over (ending in a line feed).
    var code: String
    /// Every token with a kind, in order (plain text between them is not listed).
    var tokens: [HighlightToken]
    /// The block's whole HTML, when the test pins it down.
    var expectedHTML: String?

    init(_ language: String, _ code: String, _ tokens: [HighlightToken], html: String? = nil) {
        self.language = language
        self.code = code
        self.tokens = tokens
        self.expectedHTML = html
    }

    var testDescription: String {
        let firstLine = code.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        return "\(language): \(firstLine.prefix(60))"
    }

    /// The block's HTML with the plain info string.
    var html: String { CodeBlockHTML.render(code, info: CodeInfo(parsing: language), values: []) }

    /// The tokens with a kind that highlighting finds, in order.
    var foundTokens: [HighlightToken] {
        guard let language = CodeLanguage(name: language) else { return [] }
        return language.tokenizedLines(code).flatMap { $0 }.filter { $0.kind != nil }
    }
}

// Short names for expected tokens: `.command("aws")`.
extension HighlightToken {
    static func comment(_ text: String) -> Self { Self(.comment, text) }
    static func string(_ text: String) -> Self { Self(.string, text) }
    static func keyword(_ text: String) -> Self { Self(.keyword, text) }
    static func number(_ text: String) -> Self { Self(.number, text) }
    static func literal(_ text: String) -> Self { Self(.literal, text) }
    static func variable(_ text: String) -> Self { Self(.variable, text) }
    static func command(_ text: String) -> Self { Self(.command, text) }
    static func option(_ text: String) -> Self { Self(.option, text) }
    static func op(_ text: String) -> Self { Self(.operator, text) }
    static func key(_ text: String) -> Self { Self(.key, text) }
    static func section(_ text: String) -> Self { Self(.section, text) }
    static func inserted(_ text: String) -> Self { Self(.inserted, text) }
    static func deleted(_ text: String) -> Self { Self(.deleted, text) }
    static func meta(_ text: String) -> Self { Self(.meta, text) }
}

enum HighlightCheck {
    /// The text a reader sees in `html`: tags removed and the entities labsite and cmark write
    /// decoded. Highlighting must give back exactly the code it was handed.
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The inside of `<code …>…</code>` in a rendered block.
    static func codeText(_ html: String) -> String {
        guard let code = html.firstRange(of: "<code")?.upperBound,
            let open = html[code...].firstIndex(of: ">"),
            let close = html.range(of: "</code></pre>", options: .backwards)?.lowerBound
        else { return html }
        return String(html[html.index(after: open)..<close])
    }

    /// Whether every `<span` in `html` is closed in order and no span holds a line feed except
    /// at the end of a `line` span.
    static func spansAreBalanced(_ html: String) -> Bool {
        var open: [Bool] = []  // whether each open span is a line span
        var rest = Substring(html)
        while let next = rest.firstIndex(where: { $0 == "<" || $0 == "\n" }) {
            if rest[next] == "\n" {
                // A line feed may only end a line span: the next thing must close it.
                let after = rest[rest.index(after: next)...]
                if open.contains(where: { !$0 }) { return false }
                if open.last == true, !after.hasPrefix("</span>") { return false }
                rest = after
                continue
            }
            let tail = rest[next...]
            if tail.hasPrefix("</span>") {
                guard open.popLast() != nil else { return false }
                rest = tail.dropFirst(7)
            } else if tail.hasPrefix("<span class=\"line") {
                open.append(true)
                rest = tail.dropFirst(5)
            } else if tail.hasPrefix("<span") {
                open.append(false)
                rest = tail.dropFirst(5)
            } else {
                rest = tail.dropFirst()
            }
        }
        return open.isEmpty
    }
}
