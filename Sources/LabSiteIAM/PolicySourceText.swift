/// The text a policy was read from, to turn the checker's byte offsets into lines and columns.
///
/// Two ways of counting are kept apart: a compiler-style message gives line and column from 1, as
/// editors count; Access Analyzer's `span` gives line from 1, column from 0 and an offset from 0,
/// counted in characters (Unicode scalars), not bytes, so Korean text before a finding moves it by
/// one per character.
public struct PolicySourceText: Sendable {
    /// A place in the text, in Access Analyzer's counting.
    public struct Position: Sendable, Equatable {
        /// The line, from 1.
        public var line: Int
        /// The column, from 0, in characters.
        public var column: Int
        /// The offset from the start of the text, from 0, in characters.
        public var offset: Int
    }

    /// The text's bytes.
    public let bytes: [UInt8]
    /// The byte offset each line starts at.
    private let lineStarts: [Int]
    /// The character offset each line starts at.
    private let lineCharacterStarts: [Int]

    /// Creates the text of `bytes`.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var characterStarts = [0]
        var characters = 0
        for (index, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80 { characters += 1 }
            if byte == 0x0A {
                starts.append(index + 1)
                characterStarts.append(characters)
            }
        }
        self.lineStarts = starts
        self.lineCharacterStarts = characterStarts
    }

    /// The position of the byte at `offset` (clamped to the text).
    public func position(ofByte offset: Int) -> Position {
        let offset = min(max(offset, 0), bytes.count)
        // The last line starting at or before `offset`.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = characters(from: lineStarts[low], to: offset)
        return Position(line: low + 1, column: column, offset: lineCharacterStarts[low] + column)
    }

    /// The text of line `line` (from 1), without its line break.
    public func line(_ line: Int) -> String {
        guard line >= 1 && line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// Characters (UTF-8 lead bytes) in `start..<end`.
    private func characters(from start: Int, to end: Int) -> Int {
        var count = 0
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
