/// Splits a console block (`console`, `shell-session`) into command and output lines and finds
/// the tokens of the commands.
///
/// A line starting with a prompt (`$ `, `# `, `PS> `, or `PS ` and a path up to `> `) is a
/// command line; the rest of it is read as bash, or as PowerShell after a `PS` prompt. A command
/// line ending in `\` (bash) or a backtick (PowerShell) continues on the next line, which is a
/// command line without a prompt. Every other line is output, left plain.
enum ConsoleTokenizer {
    /// One line of a console block.
    struct Line: Equatable {
        /// Whether the line is part of a command (else it is output).
        var isCommand: Bool
        /// The offset at which the line starts.
        var start: Int
        /// The offset after the line's prompt; `start` on lines without one.
        var promptEnd: Int
    }

    /// Adds the tokens of the commands in `start..<end` of the list's code and returns its lines.
    static func tokenize(_ list: inout TokenList, from start: Int, to end: Int) -> [Line] {
        let code = list.code
        var lines: [Line] = []
        var lineStart = start
        while lineStart < end {
            var lineEnd = list.lineEnd(from: lineStart, before: end)
            guard let (promptEnd, isPowerShell) = prompt(list, from: lineStart, to: lineEnd) else {
                lines.append(Line(isCommand: false, start: lineStart, promptEnd: lineStart))
                lineStart = lineEnd + 1
                continue
            }
            lines.append(Line(isCommand: true, start: lineStart, promptEnd: promptEnd))
            let continuation = isPowerShell ? UInt8(ascii: "`") : UInt8(ascii: "\\")
            while lineEnd + 1 < end, continues(code, lineStart: lineStart, lineEnd: lineEnd, with: continuation) {
                lineStart = lineEnd + 1
                lineEnd = list.lineEnd(from: lineStart, before: end)
                lines.append(Line(isCommand: true, start: lineStart, promptEnd: lineStart))
            }
            if isPowerShell {
                PowerShellTokenizer.tokenize(&list, from: promptEnd, to: lineEnd)
            } else {
                BashTokenizer.tokenize(&list, from: promptEnd, to: lineEnd)
            }
            lineStart = lineEnd + 1
        }
        return lines
    }

    /// The end of the prompt the line starts with, and whether it is PowerShell's; nil for a
    /// line without one.
    private static func prompt(_ list: TokenList, from start: Int, to lineEnd: Int) -> (Int, Bool)? {
        let code = list.code
        guard lineEnd - start >= 2 else { return nil }
        let first = code[start]
        if first == UInt8(ascii: "$") || first == UInt8(ascii: "#"), code[start + 1] == 0x20 {
            return (start + 2, false)
        }
        guard lineEnd - start >= 4, first == UInt8(ascii: "P"), code[start + 1] == UInt8(ascii: "S") else { return nil }
        if code[start + 2] == UInt8(ascii: ">"), code[start + 3] == 0x20 { return (start + 4, true) }
        guard code[start + 2] == 0x20 else { return nil }
        // `PS C:\Users\lab> `: the prompt ends at the first `> ` (a path may hold spaces).
        var offset = start + 3
        while offset + 1 < lineEnd {
            if code[offset] == UInt8(ascii: ">"), code[offset + 1] == 0x20 { return (offset + 2, true) }
            offset += 1
        }
        return nil
    }

    /// Whether the line ends in the continuation character: for bash an odd number of
    /// backslashes (`\\` is an escaped backslash), for PowerShell a backtick.
    private static func continues(
        _ code: UnsafeBufferPointer<UInt8>, lineStart: Int, lineEnd: Int, with continuation: UInt8
    ) -> Bool {
        var count = 0
        var offset = lineEnd
        while offset > lineStart, code[offset - 1] == continuation {
            count += 1
            offset -= 1
            if continuation == UInt8(ascii: "`") { break }
        }
        return count % 2 == 1
    }
}
