/// Finds the tokens of unified diffs: added and removed lines, hunk headers and the file
/// headers (`diff --git`, `index`, `---`, `+++`).
///
/// Inside a hunk it counts the lines its `@@ -a,b +c,d @@` header announces, so a removed line
/// that reads `--- x` is not taken for a file header.
enum DiffTokenizer {
    /// Adds the tokens of the diff in `start..<end` of the list's code.
    static func tokenize(_ list: inout TokenList, from start: Int, to end: Int) {
        let code = list.code
        // The old and new lines the current hunk still has; both 0 outside hunks.
        var oldLines = 0
        var newLines = 0
        var lineStart = start
        while lineStart < end {
            let lineEnd = list.lineEnd(from: lineStart, before: end)
            let first = code[lineStart]
            if oldLines > 0 || newLines > 0 {
                switch first {
                case UInt8(ascii: "-") where oldLines > 0:
                    list.add(.deleted, lineStart, lineEnd)
                    oldLines -= 1
                    lineStart = lineEnd + 1
                    continue
                case UInt8(ascii: "+") where newLines > 0:
                    list.add(.inserted, lineStart, lineEnd)
                    newLines -= 1
                    lineStart = lineEnd + 1
                    continue
                case UInt8(ascii: " "), 0x0A, 0x0D:
                    // Context (some tools drop the space of an empty context line).
                    oldLines = Swift.max(oldLines - 1, 0)
                    newLines = Swift.max(newLines - 1, 0)
                    lineStart = lineEnd + 1
                    continue
                case UInt8(ascii: "\\"):
                    list.add(.comment, lineStart, lineEnd)  // "\ No newline at end of file"
                    lineStart = lineEnd + 1
                    continue
                default:
                    // Not what the header announced: the hunk is over, the line is read afresh.
                    oldLines = 0
                    newLines = 0
                }
            }
            if starts(list, lineStart, lineEnd, with: "@@") {
                list.add(.meta, lineStart, lineEnd)
                (oldLines, newLines) = hunkLengths(list, from: lineStart + 2, to: lineEnd)
            } else if isFileHeader(list, lineStart, lineEnd) {
                list.add(.meta, lineStart, lineEnd)
            } else if first == UInt8(ascii: "+") {
                list.add(.inserted, lineStart, lineEnd)
            } else if first == UInt8(ascii: "-") {
                list.add(.deleted, lineStart, lineEnd)
            } else if first == UInt8(ascii: "\\") {
                list.add(.comment, lineStart, lineEnd)
            }
            lineStart = lineEnd + 1
        }
    }

    private static func starts(_ list: TokenList, _ start: Int, _ end: Int, with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        return end - start >= count && list.bytes(start, start + count, equal: prefix)
    }

    private static func isFileHeader(_ list: TokenList, _ start: Int, _ end: Int) -> Bool {
        starts(list, start, end, with: "--- ") || starts(list, start, end, with: "+++ ")
            || starts(list, start, end, with: "diff ") || starts(list, start, end, with: "index ")
            || starts(list, start, end, with: "Index: ") || starts(list, start, end, with: "===")
            || starts(list, start, end, with: "new file mode") || starts(list, start, end, with: "deleted file mode")
            || starts(list, start, end, with: "old mode") || starts(list, start, end, with: "new mode")
            || starts(list, start, end, with: "similarity index") || starts(list, start, end, with: "rename from")
            || starts(list, start, end, with: "rename to") || starts(list, start, end, with: "Binary files")
    }

    /// The line counts of a hunk header ` -a,b +c,d @@` read from `start` (a count left out is 1);
    /// (0, 0) when the header is not one.
    private static func hunkLengths(_ list: TokenList, from start: Int, to end: Int) -> (Int, Int) {
        var offset = start
        func skipBlanks() { while offset < end, list.code[offset].isBlank { offset += 1 } }
        func readNumber() -> Int? {
            var value = 0
            let digitsStart = offset
            while offset < end, list.code[offset].isDigit {
                // A hunk longer than a block can hold is capped rather than overflowing.
                value = Swift.min(value * 10 + Int(list.code[offset] - 0x30), 1_000_000_000)
                offset += 1
            }
            return offset > digitsStart ? value : nil
        }
        func range(after sign: UInt8) -> Int? {
            skipBlanks()
            guard offset < end, list.code[offset] == sign else { return nil }
            offset += 1
            guard readNumber() != nil else { return nil }
            guard offset < end, list.code[offset] == UInt8(ascii: ",") else { return 1 }
            offset += 1
            return readNumber()
        }
        guard let old = range(after: UInt8(ascii: "-")), let new = range(after: UInt8(ascii: "+")) else {
            return (0, 0)
        }
        return (old, new)
    }
}
