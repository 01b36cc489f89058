/// Plain text out of the HTML labsite itself writes (cmark's output and generated pages), for
/// the search index: tags dropped, the character references labsite writes decoded.
enum HTMLText {
    /// The text of `html` with runs of whitespace collapsed to one space.
    static func plainText(_ html: Substring) -> String {
        var text = ""
        text.reserveCapacity(html.utf8.count)
        var index = html.startIndex
        var pendingSpace = false
        func append(_ character: Character) {
            if character.isWhitespace {
                pendingSpace = !text.isEmpty
                return
            }
            if pendingSpace {
                text.append(" ")
                pendingSpace = false
            }
            text.append(character)
        }
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                let rest = html[index...]
                if let end = Self.endOfScriptOrStyle(rest) {
                    index = end
                    pendingSpace = !text.isEmpty
                    continue
                }
                guard let close = rest.firstIndex(of: ">") else { break }
                // Block-level tags separate words; inline ones (strong, code, a) do not.
                let tag = rest[rest.index(after: rest.startIndex)..<close]
                if Self.breaksWords(tag) { pendingSpace = !text.isEmpty }
                index = html.index(after: close)
            } else if character == "&", let semicolon = html[index...].prefix(10).firstIndex(of: ";") {
                let name = html[html.index(after: index)..<semicolon]
                if let decoded = Self.decode(name) {
                    append(decoded)
                    index = html.index(after: semicolon)
                } else {
                    append(character)
                    index = html.index(after: index)
                }
            } else {
                append(character)
                index = html.index(after: index)
            }
        }
        return text
    }

    private static let wordBreakingTags: Set<String> = [
        "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "br", "td", "th", "tr", "table",
        "div", "section", "aside", "blockquote", "dt", "dd", "summary", "details", "figure", "figcaption", "hr",
    ]

    /// Scripts and styles hold no readable text; returns the index after their closing tag.
    private static func endOfScriptOrStyle(_ rest: Substring) -> Substring.Index? {
        for name in ["script", "style"] where rest.hasPrefix("<\(name)") {
            return rest.range(of: "</\(name)>")?.upperBound
        }
        return nil
    }

    private static func breaksWords(_ tag: Substring) -> Bool {
        let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
        return wordBreakingTags.contains(name.lowercased())
    }

    private static func decode(_ name: Substring) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value =
                digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
