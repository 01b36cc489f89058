/// Finds the tokens of Python: keywords, `True`/`False`/`None`, strings with their prefixes
/// (`r`, `b`, `f`, …) including triple-quoted ones over several lines, numbers, `#` comments and
/// decorators.
enum PythonTokenizer {
    private static let keywords = KeywordSet([
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
        "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ])
    private static let literals = KeywordSet(["True", "False", "None"])
    private static let stringPrefixes = KeywordSet(
        ["r", "u", "b", "f", "br", "rb", "fr", "rf"], ignoringCase: true)

    /// Adds the tokens of the Python code in `start..<end` of the list's code.
    static func tokenize(_ list: inout TokenList, from start: Int, to end: Int) {
        let code = list.code
        var position = start
        // Only blanks since the line began: a `@` here is a decorator.
        var atLineStart = true
        while position < end {
            let current = code[position]
            switch current {
            case 0x0A:
                position += 1
                atLineStart = true
                continue
            case 0x20, 0x09, 0x0D, 0x0C:
                position += 1
                continue
            case UInt8(ascii: "#"):
                let lineEnd = list.lineEnd(from: position, before: end)
                list.add(.comment, position, lineEnd)
                position = lineEnd
            case UInt8(ascii: "@") where atLineStart:
                var nameEnd = position + 1
                while nameEnd < end, code[nameEnd].isNameBody || code[nameEnd] == UInt8(ascii: ".") { nameEnd += 1 }
                list.add(.meta, position, nameEnd)
                position = nameEnd
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                position = string(&list, from: position, quoteAt: position, before: end)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                position = number(&list, from: position, before: end)
            case UInt8(ascii: ".") where list.byte(position + 1, before: end).isDigit:
                position = number(&list, from: position, before: end)
            default:
                guard current.isNameHead else {
                    position = list.afterCharacter(position, before: end)
                    break
                }
                var nameEnd = position + 1
                while nameEnd < end, code[nameEnd].isNameBody { nameEnd += 1 }
                let next = list.byte(nameEnd, before: end)
                if next == UInt8(ascii: "'") || next == UInt8(ascii: "\""),
                    stringPrefixes.contains(code, position, nameEnd)
                {
                    position = string(&list, from: position, quoteAt: nameEnd, before: end)
                } else {
                    if keywords.contains(code, position, nameEnd) {
                        list.add(.keyword, position, nameEnd)
                    } else if literals.contains(code, position, nameEnd) {
                        list.add(.literal, position, nameEnd)
                    }
                    position = nameEnd
                }
            }
            atLineStart = false
        }
    }

    /// Adds the string whose prefix starts at `start` and whose quote is at `quote`, and returns
    /// the offset after it. A triple-quoted string runs over lines; a one-quote string ends at
    /// its line's end when not closed before. A backslash keeps the next character in the string
    /// even in a raw string (`r"\""` is one string).
    private static func string(
        _ list: inout TokenList, from start: Int, quoteAt quote: Int, before end: Int
    ) -> Int {
        let code = list.code
        let quoteByte = code[quote]
        let triple = list.byte(quote + 1, before: end) == quoteByte && list.byte(quote + 2, before: end) == quoteByte
        var offset = quote + (triple ? 3 : 1)
        while offset < end {
            let current = code[offset]
            if current == UInt8(ascii: "\\") {
                offset = list.afterCharacter(offset + 1, before: end)
                continue
            }
            if current == quoteByte {
                if !triple {
                    offset += 1
                    break
                }
                if list.byte(offset + 1, before: end) == quoteByte, list.byte(offset + 2, before: end) == quoteByte {
                    offset += 3
                    break
                }
            } else if current == 0x0A, !triple {
                break
            }
            offset += 1
        }
        let stringEnd = Swift.min(offset, end)
        list.add(.string, start, stringEnd)
        return stringEnd
    }

    /// Adds the number at `start` (`42`, `3.14`, `1_000`, `1e-3`, `0xFF`, `2j`) and returns the
    /// offset after it.
    private static func number(_ list: inout TokenList, from start: Int, before end: Int) -> Int {
        let code = list.code
        var offset = start + 1
        while offset < end {
            let current = code[offset]
            if current.isASCIIAlphanumeric || current == UInt8(ascii: "_") || current == UInt8(ascii: ".") {
                offset += 1
            } else if current == UInt8(ascii: "+") || current == UInt8(ascii: "-"),
                code[offset - 1] | 0x20 == UInt8(ascii: "e"), !isHex(code, start, offset)
            {
                offset += 1  // the sign of an exponent
            } else {
                break
            }
        }
        list.add(.number, start, offset)
        return offset
    }

    private static func isHex(_ code: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        end - start > 1 && code[start] == UInt8(ascii: "0") && code[start + 1] | 0x20 == UInt8(ascii: "x")
    }
}
