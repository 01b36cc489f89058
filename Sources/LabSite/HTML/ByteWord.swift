/// Tests on eight bytes at once, read as one word: the passes over a page's text and a log's
/// strings move past the bytes that need no look of their own a word at a time.
///
/// Each test is exact about whether some byte of the word qualifies; the bits it computes on the
/// way do not tell reliably which byte it is (a borrow runs on past a byte that matched).
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether a byte of `word` is `byte` (a byte of `word ^ byte…` is zero where the two are equal).
    @inline(__always)
    static func holds(_ byte: UInt8, in word: UInt64) -> Bool {
        let masked = word ^ (ones &* UInt64(byte))
        return (masked &- ones) & ~masked & highs != 0
    }

    /// Whether a byte of `word` is below `limit`, which is at most 0x80.
    @inline(__always)
    static func holdsByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// The first place at or after `start` in `bytes` whose byte `isSpecial` holds for, or
    /// `bytes.count` when there is none: words in which `mayHold` finds no such byte are passed
    /// eight bytes at a time. `mayHold` must not miss a word that holds one.
    ///
    /// The one loop of every pass that copies runs of ordinary bytes at once and looks only at
    /// the others (HTML escaping, JSON quoting, plain text for search).
    @inline(__always)
    static func firstIndex(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, wordsWith mayHold: (UInt64) -> Bool,
        where isSpecial: (UInt8) -> Bool
    ) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var position = start
        while position < bytes.count {
            if position + 8 <= bytes.count, !mayHold(load(base + position)) {
                position += 8
            } else if isSpecial(base[position]) {
                return position
            } else {
                position += 1
            }
        }
        return bytes.count
    }

    /// The eight bytes at `pointer` as a word.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
    }
}
