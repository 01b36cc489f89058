extension String {
    /// The string with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in text and
    /// in quoted attribute values (the same five swift-mustache escapes in `{{value}}`).
    public var escapedForHTML: String {
        // Most values (event names, ids, Korean prose) hold none of the five; scanning bytes keeps
        // them as they are without walking grapheme clusters, which dominated large trail builds.
        let utf8 = self.utf8
        guard utf8.contains(where: Self.needsEscape) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
