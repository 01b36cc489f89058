/// A 128-bit digest of a sequence of texts and numbers, the same on every run and machine
/// (unlike `Hasher`), for ``BuildCache``.
///
/// Two 64-bit FNV-1a lanes with different offsets and multipliers; every text is prefixed with
/// its length, so `["ab", "c"]` and `["a", "bc"]` differ. Not a cryptographic hash: it tells
/// a page's inputs apart from their previous state, it does not resist someone forging them.
struct ContentDigest: Sendable {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func add(_ text: String) {
        add(text.utf8.count)
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
                second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_0233
            }
        }
    }

    mutating func add(_ number: Int) {
        var value = UInt64(bitPattern: Int64(number))
        for _ in 0..<8 {
            let byte = value & 0xFF
            first = (first ^ byte) &* 0x100_0000_01b3
            second = (second ^ byte) &* 0x0000_0100_0000_0233
            value >>= 8
        }
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
