/// A set of ASCII words tested against bytes of code without making strings.
///
/// Each word of up to 16 bytes is packed into two integers, so a lookup is two shifts per byte
/// and one hash; tokenizers ask it for every name they read.
struct KeywordSet: Sendable {
    private struct Packed: Hashable, Sendable {
        var low: UInt64
        var high: UInt64
        var count: Int
    }

    private let words: Set<Packed>
    private let ignoresCase: Bool

    /// A set of `words` (ASCII, at most 16 bytes each); with `ignoringCase`, compared without case,
    /// the words being given in lowercase.
    init(_ words: [StaticString], ignoringCase: Bool = false) {
        self.ignoresCase = ignoringCase
        var packed = Set<Packed>()
        for word in words {
            let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            if let key = Self.pack(bytes, 0, bytes.count, lowercasing: false) { packed.insert(key) }
        }
        self.words = packed
    }

    /// Whether the bytes `start..<end` of `code` are one of the words.
    func contains(_ code: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard let key = Self.pack(code, start, end, lowercasing: ignoresCase) else { return false }
        return words.contains(key)
    }

    private static func pack(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lowercasing: Bool
    ) -> Packed? {
        let count = end - start
        guard count > 0, count <= 16 else { return nil }
        var packed = Packed(low: 0, high: 0, count: count)
        for offset in 0..<count {
            var byte = bytes[start + offset]
            guard byte < 0x80 else { return nil }
            if lowercasing { byte = byte.asciiLowercased }
            if offset < 8 {
                packed.low |= UInt64(byte) << (UInt64(offset) * 8)
            } else {
                packed.high |= UInt64(byte) << (UInt64(offset - 8) * 8)
            }
        }
        return packed
    }
}
