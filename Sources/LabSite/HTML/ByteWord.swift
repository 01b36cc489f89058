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

    /// The eight bytes at `pointer` as a word.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
    }
}
