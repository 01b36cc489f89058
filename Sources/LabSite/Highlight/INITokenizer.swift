/// Finds the tokens of INI files such as `~/.aws/config` and `credentials`: `[section]` headers,
/// `key = value` (or `key: value`) settings with numbers, booleans and quoted values, and `;` or
/// `#` comments, on their own line or after a value.
enum INITokenizer {
    private static let literals = KeywordSet(["true", "false", "yes", "no", "on", "off"], ignoringCase: true)

    /// Adds the tokens of the INI text in `start..<end` of the list's code.
    static func tokenize(_ list: inout TokenList, from start: Int, to end: Int) {
        var lineStart = start
        while lineStart < end {
            let lineEnd = list.lineEnd(from: lineStart, before: end)
            line(&list, from: lineStart, to: lineEnd)
            lineStart = lineEnd + 1
        }
    }

    private static func line(_ list: inout TokenList, from lineStart: Int, to lineEnd: Int) {
        let code = list.code
        var start = lineStart
        while start < lineEnd, code[start].isCodeWhitespace { start += 1 }
        guard start < lineEnd else { return }
        switch code[start] {
        case UInt8(ascii: ";"), UInt8(ascii: "#"):
            list.add(.comment, start, lineEnd)
        case UInt8(ascii: "["):
            var close = start + 1
            while close < lineEnd, code[close] != UInt8(ascii: "]") { close += 1 }
            let sectionEnd = Swift.min(close + 1, lineEnd)
            list.add(.section, start, sectionEnd)
            if let comment = commentStart(code, from: sectionEnd, to: lineEnd) { list.add(.comment, comment, lineEnd) }
        default:
            setting(&list, from: start, to: lineEnd)
        }
    }

    /// `key = value` or `key: value` (the first `=`, else the first `:`); a line with neither
    /// (a continuation) stays plain.
    private static func setting(_ list: inout TokenList, from start: Int, to lineEnd: Int) {
        let code = list.code
        guard
            let separator = (start..<lineEnd).first(where: { code[$0] == UInt8(ascii: "=") })
                ?? (start..<lineEnd).first(where: { code[$0] == UInt8(ascii: ":") })
        else { return }
        var keyEnd = separator
        while keyEnd > start, code[keyEnd - 1].isCodeWhitespace { keyEnd -= 1 }
        list.add(.key, start, keyEnd)
        list.add(.operator, separator, separator + 1)
        var valueStart = separator + 1
        while valueStart < lineEnd, code[valueStart].isCodeWhitespace { valueStart += 1 }
        let comment = commentStart(code, from: valueStart, to: lineEnd)
        var valueEnd = comment ?? lineEnd
        while valueEnd > valueStart, code[valueEnd - 1].isCodeWhitespace { valueEnd -= 1 }
        if valueEnd > valueStart {
            let first = code[valueStart]
            if valueEnd - valueStart >= 2, first == UInt8(ascii: "\"") || first == UInt8(ascii: "'"),
                code[valueEnd - 1] == first
            {
                list.add(.string, valueStart, valueEnd)
            } else if isNumber(code, valueStart, valueEnd) {
                list.add(.number, valueStart, valueEnd)
            } else if literals.contains(code, valueStart, valueEnd) {
                list.add(.literal, valueStart, valueEnd)
            }
        }
        if let comment { list.add(.comment, comment, lineEnd) }
    }

    /// Where a comment starts after `start` on the line: a `;` or `#` at `start` or after a
    /// blank (`a#b` is a value).
    private static func commentStart(_ code: UnsafeBufferPointer<UInt8>, from start: Int, to lineEnd: Int) -> Int? {
        var offset = start
        while offset < lineEnd {
            let current = code[offset]
            if current == UInt8(ascii: ";") || current == UInt8(ascii: "#"), offset == start || code[offset - 1].isBlank
            {
                return offset
            }
            offset += 1
        }
        return nil
    }

    /// An integer or decimal, signed or not.
    private static func isNumber(_ code: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var offset = start
        if code[offset] == UInt8(ascii: "-") || code[offset] == UInt8(ascii: "+") { offset += 1 }
        var digits = 0
        var dots = 0
        while offset < end {
            if code[offset].isDigit {
                digits += 1
            } else if code[offset] == UInt8(ascii: "."), dots == 0 {
                dots += 1
            } else {
                return false
            }
            offset += 1
        }
        return digits > 0
    }
}
