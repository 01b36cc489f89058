/// An image file's bytes with reads that can never go past the end: every accessor returns `nil`
/// where the file has too few bytes, so the header readers check each read instead of trusting a
/// length the file claims.
struct ImageHeaderBytes: Sendable {
    /// The bytes, indexed from 0.
    let bytes: [UInt8]

    init(_ bytes: some Collection<UInt8>) {
        self.bytes = Array(bytes)
    }

    var count: Int { bytes.count }

    /// The byte at `offset`, or `nil` outside the file.
    subscript(offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    /// Whether the file has `length` bytes from `offset` on.
    func has(_ length: Int, at offset: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= bytes.count && bytes.count - offset >= length
    }

    /// Whether the file starts with `prefix`.
    func starts(with prefix: [UInt8]) -> Bool {
        matches(prefix, at: 0)
    }

    /// Whether the bytes from `offset` on are `expected`.
    func matches(_ expected: [UInt8], at offset: Int) -> Bool {
        guard has(expected.count, at: offset) else { return false }
        for index in expected.indices where bytes[offset + index] != expected[index] { return false }
        return true
    }

    /// The bytes from `offset` to `offset + length`, or `nil` when the file ends before.
    func slice(_ offset: Int, _ length: Int) -> ArraySlice<UInt8>? {
        has(length, at: offset) ? bytes[offset..<offset + length] : nil
    }

    /// A big-endian unsigned number of `length` bytes (at most 4) at `offset`.
    func bigEndian(_ length: Int, at offset: Int) -> Int? {
        guard length <= 4, let slice = slice(offset, length) else { return nil }
        return slice.reduce(0) { $0 << 8 | Int($1) }
    }

    /// A little-endian unsigned number of `length` bytes (at most 4) at `offset`.
    func littleEndian(_ length: Int, at offset: Int) -> Int? {
        guard length <= 4, let slice = slice(offset, length) else { return nil }
        return slice.reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// The four bytes at `offset` as text, for chunk names (`IHDR`, `VP8X`), or `nil` past the end.
    /// A byte that is not printable ASCII is written `\xNN`, so a message can quote any name.
    func fourCC(at offset: Int) -> String? {
        slice(offset, 4).map { name in
            name.map { byte in
                (0x20...0x7E).contains(byte)
                    ? String(UnicodeScalar(byte))
                    : "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
            .joined()
        }
    }
}
