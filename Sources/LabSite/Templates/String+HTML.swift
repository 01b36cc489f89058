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
        Self.appendEscapedForHTML(utf8, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` with the same five characters replaced, for HTML built as bytes.
    static func appendEscapedForHTML(_ text: some Sequence<UInt8>, to bytes: inout [UInt8]) {
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
