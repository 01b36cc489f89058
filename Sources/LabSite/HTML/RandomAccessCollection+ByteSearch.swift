import Foundation

/// Finding a run of bytes in UTF-8 text, for the passes over a page's bytes that look for
/// markup, markers and link destinations without making strings.
extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// Where `needle` first starts in the bytes from `start` up to `end` (the last byte when `nil`);
    /// `nil` when it does not, or when `needle` is empty.
    package func firstIndex(ofBytes needle: [UInt8], from start: Int, to end: Int? = nil) -> Int? {
        guard let first = needle.first else { return nil }
        let start = Swift.max(start, startIndex)
        let end = Swift.min(end ?? endIndex, endIndex)
        guard start + needle.count <= end else { return nil }
        // `memchr` where the bytes are contiguous, as every caller's are: these passes run over all
        // of a course's text and HTML, and a loop over the bytes was several times slower.
        if let found = withContiguousStorageIfAvailable({
            Self.search(needle, in: $0, from: start - startIndex, to: end - startIndex)
        }) {
            return found.map { $0 + startIndex }
        }
        var position = start
        while position + needle.count <= end {
            if self[position] == first, hasBytes(needle, at: position) { return position }
            position += 1
        }
        return nil
    }

    /// Where `needle` first starts in `bytes[start..<end]`, as an offset from the start of `bytes`:
    /// `memchr` finds each place its first byte is, `memcmp` compares the rest.
    private static func search(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
        -> Int?
    {
        guard let base = bytes.baseAddress, let first = needle.first else { return nil }
        let last = end - needle.count
        var position = start
        return needle.withUnsafeBufferPointer { needleBytes -> Int? in
            guard let needleBase = needleBytes.baseAddress else { return nil }
            while position <= last {
                guard let found = memchr(base + position, Int32(first), last - position + 1) else { return nil }
                position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if memcmp(base + position + 1, needleBase + 1, needle.count - 1) == 0 { return position }
                position += 1
            }
            return nil
        }
    }

    /// Whether the bytes at `start` are `prefix`.
    package func hasBytes(_ prefix: [UInt8], at start: Int) -> Bool {
        start >= startIndex && start + prefix.count <= endIndex
            && prefix.indices.allSatisfy { self[start + $0] == prefix[$0] }
    }
}
