/// Finding a run of bytes in UTF-8 text, for the passes over a page's bytes that look for
/// markup, markers and link destinations without making strings.
extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// Where `needle` first starts in the bytes from `start` up to `end` (the last byte when `nil`);
    /// `nil` when it does not, or when `needle` is empty.
    package func firstIndex(ofBytes needle: [UInt8], from start: Int, to end: Int? = nil) -> Int? {
        guard let first = needle.first else { return nil }
        let end = end ?? endIndex
        var position = Swift.max(start, startIndex)
        while position + needle.count <= end {
            if self[position] == first, hasBytes(needle, at: position) { return position }
            position += 1
        }
        return nil
    }

    /// Whether the bytes at `start` are `prefix`.
    package func hasBytes(_ prefix: [UInt8], at start: Int) -> Bool {
        start >= startIndex && start + prefix.count <= endIndex
            && prefix.indices.allSatisfy { self[start + $0] == prefix[$0] }
    }
}
