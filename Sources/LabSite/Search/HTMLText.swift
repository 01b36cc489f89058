/// Plain text out of the HTML labsite itself writes (cmark's output and generated pages), for
/// the search index: tags dropped, the character references labsite writes decoded.
///
/// It works on UTF-8 bytes: the index covers every page of the site, and walking `Character`s
/// (grapheme clusters) costs several times more for the same result on this markup.
enum HTMLText {
    /// The text of `html` with runs of whitespace collapsed to one space.
    static func plainText(_ html: Substring) -> String {
        plainText(Array(html.utf8)[...])
    }

    /// The text of the UTF-8 HTML `slice` with runs of whitespace collapsed to one space.
    static func plainText(_ slice: ArraySlice<UInt8>) -> String {
        let bytes = Array(slice)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        func append(_ scalarBytes: some Collection<UInt8>) {
            if pendingSpace, !text.isEmpty { text.append(UInt8(ascii: " ")) }
            pendingSpace = false
            text.append(contentsOf: scalarBytes)
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"):
                if let end = endOfScriptOrStyle(bytes, at: index) {
                    index = end
                    pendingSpace = true
                    continue
                }
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else {
                    index = bytes.count
                    continue
                }
                // Block-level tags separate words; inline ones (strong, code, a) do not.
                if breaksWords(bytes[(index + 1)..<close]) { pendingSpace = true }
                index = close + 1
            case UInt8(ascii: "&"):
                let limit = min(bytes.count, index + 12)
                if let semicolon = bytes[index..<limit].firstIndex(of: UInt8(ascii: ";")),
                    let decoded = decode(bytes[(index + 1)..<semicolon])
                {
                    if decoded == " " {
                        pendingSpace = true
                    } else {
                        append(String(decoded).utf8)
                    }
                    index = semicolon + 1
                } else {
                    append(CollectionOfOne(byte))
                    index += 1
                }
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                pendingSpace = true
                index += 1
            default:
                // A run of text is copied at once: appending byte by byte showed in profiles.
                var end = index + 1
                while end < bytes.count, !isSpecial(bytes[end]) { end += 1 }
                append(bytes[index..<end])
                index = end
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether `byte` starts a tag, a character reference or whitespace.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"),
            UInt8(ascii: "\r"):
            true
        default: false
        }
    }

    /// The names of the tags that separate words, as lowercase ASCII bytes.
    private static let wordBreakingTags: [[UInt8]] = [
        "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "br", "td", "th", "tr", "table",
        "div", "section", "aside", "blockquote", "dt", "dd", "summary", "details", "figure", "figcaption", "hr",
    ].map { Array($0.utf8) }

    private static let scriptOpening = Array("<script".utf8)
    private static let scriptClosing = Array("</script>".utf8)
    private static let styleOpening = Array("<style".utf8)
    private static let styleClosing = Array("</style>".utf8)

    /// Scripts and styles hold no readable text; returns the index after their closing tag.
    private static func endOfScriptOrStyle(_ bytes: [UInt8], at index: Int) -> Int? {
        // Most tags are neither; looking at one byte first spares making the list below for them.
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "s") else { return nil }
        for (opening, closing) in [(scriptOpening, scriptClosing), (styleOpening, styleClosing)]
        where bytes.hasBytes(opening, at: index) {
            var position = index + opening.count
            while position + closing.count <= bytes.count {
                if bytes.hasBytes(closing, at: position) { return position + closing.count }
                position += 1
            }
            return bytes.count
        }
        return nil
    }

    /// Whether the tag (the bytes between `<` and `>`) is one of ``wordBreakingTags``; compared as
    /// bytes, since making a string of every tag's name showed in profiles.
    private static func breaksWords(_ tag: ArraySlice<UInt8>) -> Bool {
        let name = tag.drop { $0 == UInt8(ascii: "/") }.prefix {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
        return wordBreakingTags.contains { candidate in
            candidate.count == name.count && zip(candidate, name).allSatisfy { $0 == ($1 | 0x20) }
        }
    }

    private static func decode(_ name: ArraySlice<UInt8>) -> Character? {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        case let other:
            guard other.hasPrefix("#") else { return nil }
            let digits = other.dropFirst()
            let value =
                digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
