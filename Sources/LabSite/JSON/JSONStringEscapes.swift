/// How the writers write the bytes of a string inside a JSON string literal, as `jq -c` does.
enum JSONStringEscapes {
    /// Whether `byte` is written as an escape: `"`, `\`, the control characters and DEL.
    @inline(__always)
    static func isEscaped(_ byte: UInt8) -> Bool {
        // Comparisons rather than a table: a table is a lazily made global, whose every use in a
        // loop over a string's bytes checks that it is made.
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
    }

    /// The escape of a byte ``isEscaped(_:)`` holds: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, and
    /// `\u00XX` for the other control characters and DEL.
    static func escape(_ byte: UInt8) -> String {
        switch byte {
        case 0x22: #"\""#
        case 0x5C: #"\\"#
        case 0x0A: #"\n"#
        case 0x0D: #"\r"#
        case 0x09: #"\t"#
        case 0x08: #"\b"#
        case 0x0C: #"\f"#
        default: #"\u00"# + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
        }
    }
}
