import Foundation

/// A 128-bit digest of a sequence of texts and numbers, the same on every run and machine
/// (unlike `Hasher`), for ``BuildCache``.
///
/// Two 64-bit lanes in the manner of FNV-1a, with different offsets and multipliers, taking eight
/// bytes (little-endian) a step and rotating after each multiply; every text is prefixed with its
/// length, so `["ab", "c"]` and `["a", "bc"]` differ. Not a cryptographic hash: it tells
/// a page's inputs apart from their previous state, it does not resist someone forging them.
struct ContentDigest: Sendable {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: $0) }
    }

    /// Adds bytes as a text's UTF-8 bytes are added: a page's HTML digests the same whether it is
    /// held as text or as the bytes written.
    mutating func add(_ data: Data) {
        data.withUnsafeBytes { add(bytes: $0.assumingMemoryBound(to: UInt8.self)) }
    }

    private mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
        add(bytes.count)
        guard let base = bytes.baseAddress else { return }
        // Eight bytes a step: every page's HTML passes here, and a byte a step showed in profiles.
        var index = 0
        while index + 8 <= bytes.count {
            mix(UInt64(littleEndian: ByteWord.load(base + index)))
            index += 8
        }
        guard index < bytes.count else { return }
        var last: UInt64 = 0
        for (shift, byte) in zip(stride(from: 0, to: 64, by: 8), bytes[index...]) {
            last |= UInt64(byte) << UInt64(shift)
        }
        mix(last)
    }

    mutating func add(_ number: Int) {
        mix(UInt64(bitPattern: Int64(number)))
    }

    /// Mixes one word into both halves: a multiply, and a rotation that carries the high bits the
    /// multiply leaves alone back into the low ones.
    private mutating func mix(_ word: UInt64) {
        let one = (first ^ word) &* 0x100_0000_01b3
        first = one << 29 | one >> 35
        let other = (second ^ word) &* 0x9E37_79B9_7F4A_7C15
        second = other << 31 | other >> 33
    }

    mutating func add(_ text: String?) {
        if let text {
            add(1)
            add(text)
        } else {
            add(0)
        }
    }

    /// 32 hexadecimal digits.
    var hex: String {
        func padded(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return padded(first) + padded(second)
    }
}
