/// How the writers write the bytes of a string inside a JSON string literal, as `jq -c` does.
enum JSONStringEscapes {
    /// `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, `\u00XX` for the other control characters and DEL,
    /// at the index of the byte; `nil` for a byte written as it is.
    static let byByte: [String?] = (0...255).map { byte -> String? in
        switch byte {
        case 0x22: #"\""#
        case 0x5C: #"\\"#
        case 0x0A: #"\n"#
        case 0x0D: #"\r"#
        case 0x09: #"\t"#
        case 0x08: #"\b"#
        case 0x0C: #"\f"#
        case 0..<0x20, 0x7F: #"\u00"# + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
        default: nil
        }
    }

    /// Whether ``JSONHTMLWriter`` escapes the byte: JSON's escapes, and `&`, `<`, `>` for HTML text.
    static let inHTMLText: [Bool] = (0...255).map { byte in
        byByte[byte] != nil || [0x26, 0x3C, 0x3E].contains(byte)
    }
}
