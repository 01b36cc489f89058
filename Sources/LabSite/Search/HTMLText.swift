import Foundation

/// Plain text out of the HTML labsite itself writes (cmark's output and generated pages), for
/// the search index: tags dropped, the character references labsite writes decoded.
///
/// It works on UTF-8 bytes: the index covers every page of the site, and walking `Character`s
/// (grapheme clusters) costs several times more for the same result on this markup.
enum HTMLText {
    /// The text of `html` with runs of whitespace collapsed to one space.
    static func plainText(_ html: Substring) -> String {
        var html = String(html)
        return html.withUTF8 { plainText($0) }
    }

    /// The text of the UTF-8 HTML `bytes` with runs of whitespace collapsed to one space.
    static func plainText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: plainTextBytes(bytes), as: UTF8.self)
    }

    /// The plain text of the UTF-8 HTML `bytes` as UTF-8 bytes, for the search index, which
    /// writes it as bytes.
    static func plainTextBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = bytes.baseAddress else { return [] }
        var text = Text(capacity: bytes.count)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = base[index]
            switch byte {
            case UInt8(ascii: "<"):
                if let end = endOfScriptOrStyle(bytes, at: index) {
                    index = end
                    text.pendingSpace = true
                    continue
                }
                guard let close = bytes.firstIndex(ofBytes: tagClosing, from: index) else {
                    index = count
                    continue
                }
                // Block-level tags separate words; inline ones (strong, code, a) do not.
                if breaksWords(bytes[(index + 1)..<close]) { text.pendingSpace = true }
                index = close + 1
            case UInt8(ascii: "&"):
                if let semicolon = bytes.firstIndex(ofBytes: referenceEnd, from: index, to: min(count, index + 12)),
                    let decoded = decode(bytes[(index + 1)..<semicolon])
                {
                    if decoded == " " {
                        text.pendingSpace = true
                    } else {
                        var decoded = String(decoded)
                        decoded.withUTF8 { text.append($0) }
                    }
                    index = semicolon + 1
                } else {
                    text.append(UnsafeBufferPointer(start: base + index, count: 1))
                    index += 1
                }
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                text.pendingSpace = true
                index += 1
            default:
                // A run of text is copied at once: appending byte by byte, then testing byte by
                // byte, showed in profiles.
                let end = ByteWord.firstIndex(
                    in: bytes, from: index + 1, wordsWith: maySpecial(word:), where: isSpecial)
                text.append(UnsafeBufferPointer(start: base + index, count: end - index))
                index = end
            }
        }
        return text.bytes
    }

    /// The text being made, and whether a space is due before its next word.
    ///
    /// A type rather than a function nested in ``plainText(_:)``: a nested function that changes
    /// the caller's variables made every append check exclusive access at run time.
    private struct Text {
        var bytes: [UInt8] = []
        var pendingSpace = false

        init(capacity: Int) {
            bytes.reserveCapacity(capacity)
        }

        mutating func append(_ scalarBytes: UnsafeBufferPointer<UInt8>) {
            if pendingSpace, !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
            pendingSpace = false
            bytes.append(contentsOf: scalarBytes)
        }
    }

    private static let tagClosing = [UInt8(ascii: ">")]
    private static let referenceEnd = [UInt8(ascii: ";")]

    /// Whether `byte` starts a tag, a character reference or whitespace.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"),
            UInt8(ascii: "\r"):
            true
        default: false
        }
    }

    /// Whether any of the eight bytes of `word` may be ``isSpecial(_:)``: `<`, `&`, or a byte up to
    /// the space (which takes in the four whitespace bytes).
    @inline(__always)
    private static func maySpecial(word: UInt64) -> Bool {
        ByteWord.holdsByte(below: 0x21, in: word) || ByteWord.holds(0x3C, in: word) || ByteWord.holds(0x26, in: word)
    }

    /// The names of the tags that separate words, as lowercase ASCII bytes.
    private static let wordBreakingTags: [[UInt8]] = [
        "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "br", "td", "th", "tr", "table",
        "div", "section", "aside", "blockquote", "dt", "dd", "summary", "details", "figure", "figcaption", "hr",
    ].map { Array($0.utf8) }

    private static let scriptClosing = Array("</script>".utf8)
    private static let styleClosing = Array("</style>".utf8)

    /// Scripts and styles hold no readable text; returns the index after their closing tag.
    private static func endOfScriptOrStyle(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        // Most tags are neither, `<strong>` and `<span>` among them: they are told apart in place,
        // without the lists of tags (making those for every such tag showed in profiles).
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "s") else { return nil }
        let closing: [UInt8]
        if has("<script", in: bytes, at: index) {
            closing = scriptClosing
        } else if has("<style", in: bytes, at: index) {
            closing = styleClosing
        } else {
            return nil
        }
        return bytes.firstIndex(ofBytes: closing, from: index + 1).map { $0 + closing.count } ?? bytes.count
    }

    /// Whether `bytes` hold `text` at `index`.
    private static func has(_ text: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count, let base = bytes.baseAddress else { return false }
        return memcmp(base + index, text.utf8Start, count) == 0
    }

    /// Whether the tag (the bytes between `<` and `>`) is one of ``wordBreakingTags``; compared as
    /// bytes, since making a string of every tag's name showed in profiles.
    private static func breaksWords(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let name = tag.drop { $0 == UInt8(ascii: "/") }.prefix {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
        return wordBreakingTags.contains { candidate in
            candidate.count == name.count && zip(candidate, name).allSatisfy { $0 == ($1 | 0x20) }
        }
    }

    private static func decode(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Character? {
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
