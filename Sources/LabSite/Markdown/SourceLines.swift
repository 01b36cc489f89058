/// A Markdown document's lines as UTF-8 bytes, for finding the line of an inline node: cmark
/// keeps positions for blocks only.
///
/// The bytes are searched in place: making a `Substring` of every line of every page, and
/// Foundation's substring search in them, showed in profiles of large builds.
struct SourceLines: Sendable {
    private let bytes: [UInt8]
    /// Where each line starts in ``bytes``; lines end at `\n`.
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        self.starts = starts
    }

    /// Whether line `number` (from 1) exists and holds `text`.
    func line(_ number: Int, contains text: String) -> Bool {
        guard number >= 1, number <= starts.count else { return false }
        let start = starts[number - 1]
        let end = number < starts.count ? starts[number] - 1 : bytes.count
        let needle = Array(text.utf8)
        return needle.isEmpty || bytes.firstIndex(ofBytes: needle, from: start, to: end) != nil
    }
}
