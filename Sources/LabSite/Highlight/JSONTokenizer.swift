/// Finds the tokens of JSON: object keys, strings, numbers, `true`/`false`/`null`, and the `//`
/// and `/* */` comments some JSON files (and handouts abbreviating one) carry.
///
/// It reads any text, valid JSON or not: a handout may cut a document short or write `…` in it.
enum JSONTokenizer {
    private static let literals = KeywordSet(["true", "false", "null"])

    /// Adds the tokens of the JSON in `start..<end` of the list's code.
    static func tokenize(_ list: inout TokenList, from start: Int, to end: Int) {
        let code = list.code
        var position = start
        while position < end {
            let current = code[position]
            switch current {
            case UInt8(ascii: "\""):
                let stringEnd = self.stringEnd(code, from: position, before: end)
                // A string followed by `:` (across blanks and line ends) is a key.
                var next = stringEnd
                while next < end, code[next].isCodeWhitespace { next += 1 }
                let isKey = next < end && code[next] == UInt8(ascii: ":")
                list.add(isKey ? .key : .string, position, stringEnd)
                position = stringEnd
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                var numberEnd = position + 1
                while numberEnd < end, isNumberByte(code[numberEnd]) { numberEnd += 1 }
                if current == UInt8(ascii: "-"), numberEnd == position + 1 {
                    position += 1
                } else {
                    list.add(.number, position, numberEnd)
                    position = numberEnd
                }
            case UInt8(ascii: "/") where list.byte(position + 1, before: end) == UInt8(ascii: "/"):
                let lineEnd = list.lineEnd(from: position, before: end)
                list.add(.comment, position, lineEnd)
                position = lineEnd
            case UInt8(ascii: "/") where list.byte(position + 1, before: end) == UInt8(ascii: "*"):
                var commentEnd = position + 2
                while commentEnd < end,
                    !(code[commentEnd] == UInt8(ascii: "*")
                        && list.byte(commentEnd + 1, before: end) == UInt8(ascii: "/"))
                {
                    commentEnd += 1
                }
                commentEnd = Swift.min(commentEnd + 2, end)
                list.add(.comment, position, commentEnd)
                position = commentEnd
            default:
                guard current.isASCIILetter else {
                    position = list.afterCharacter(position, before: end)
                    continue
                }
                var wordEnd = position + 1
                while wordEnd < end, code[wordEnd].isNameBody { wordEnd += 1 }
                if literals.contains(code, position, wordEnd) { list.add(.literal, position, wordEnd) }
                position = wordEnd
            }
        }
    }

    /// The offset after the string starting at `start`: after its closing quote, or at the end of
    /// its line when it has none (a JSON string holds no line feed).
    private static func stringEnd(_ code: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int {
        var offset = start + 1
        while offset < end {
            switch code[offset] {
            case UInt8(ascii: "\""): return offset + 1
            case 0x0A: return offset
            case UInt8(ascii: "\\"):
                // The escaped byte is ASCII in valid JSON; a line feed still ends the string.
                offset += offset + 1 < end && code[offset + 1] != 0x0A ? 2 : 1
            default: offset += 1
            }
        }
        return end
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        byte.isDigit || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}
