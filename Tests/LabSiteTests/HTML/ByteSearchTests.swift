import Testing

@testable import LabSite

@Suite("Byte search")
struct ByteSearchTests {
    static let haystack = Array("가*나 **다 *\r\n<b>*</b> 끝*".utf8)

    /// Where `needle` first starts in `bytes[start..<end]`, found the slow, obvious way.
    static func naive(_ needle: [UInt8], in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        guard !needle.isEmpty, start + needle.count <= end else { return nil }
        return (start...(end - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }
    }

    @Test("bytes, a slice and a buffer find every needle where a byte-by-byte search does, within bounds")
    func agreesWithNaive() {
        let needles = ["*", "**", "<b>", "\r\n", "끝*", "없음", "가*나 **다 *\r\n<b>*</b> 끝*!"].map { Array($0.utf8) }
        let bytes = Self.haystack
        for needle in needles {
            for start in 0...bytes.count {
                for end in start...bytes.count {
                    let expected = Self.naive(needle, in: bytes, from: start, to: end)
                    #expect(bytes.firstIndex(ofBytes: needle, from: start, to: end) == expected)
                    // A slice keeps the array's indices.
                    let slice = bytes[2...]
                    if start >= 2 {
                        #expect(slice.firstIndex(ofBytes: needle, from: start, to: end) == expected)
                    }
                    bytes.withUnsafeBufferPointer { buffer in
                        #expect(buffer.firstIndex(ofBytes: needle, from: start, to: end) == expected)
                    }
                }
            }
        }
    }

    @Test("an empty needle or an empty range finds nothing")
    func emptyNeedle() {
        #expect(Self.haystack.firstIndex(ofBytes: [], from: 0) == nil)
        #expect([UInt8]().firstIndex(ofBytes: [1], from: 0) == nil)
        #expect(Self.haystack.firstIndex(ofBytes: [UInt8(ascii: "*")], from: 5, to: 4) == nil)
    }
}
