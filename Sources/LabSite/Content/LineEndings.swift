/// One line ending for the text of a page, so every reader counts the same lines.
///
/// cmark and libyaml end a line at `\r\n`, `\r` or `\n`; labsite's own line counts (the body's
/// first line, the line of a link found in the source) look for `\n` alone. Unifying first keeps
/// them agreeing, so an error names the line an editor shows.
enum LineEndings {
    private static let carriageReturn = [UInt8(ascii: "\r")]

    /// `text` with every `\r\n` and lone `\r` turned into `\n`; the same string when it has no `\r`.
    static func unified(_ text: String) -> String {
        var probe = text
        // Searched with `memchr`: every page passes here twice, and hardly any holds a `\r`.
        guard probe.withUTF8({ $0.firstIndex(ofBytes: carriageReturn, from: 0) }) != nil else { return text }
        // One pass over the bytes: `\r` and `\n` are ASCII, so no multi-byte character is split.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCarriageReturn = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n"), afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = byte == UInt8(ascii: "\r")
            bytes.append(afterCarriageReturn ? UInt8(ascii: "\n") : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
