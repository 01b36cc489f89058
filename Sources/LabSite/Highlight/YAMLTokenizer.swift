/// Finds the tokens of YAML: keys, quoted strings (over lines too), block scalars (`|`, `>`
/// and their lines), numbers, booleans and null, anchors and aliases, tags such as
/// CloudFormation's `!Sub`, comments, and the `---` and `%YAML` lines.
///
/// It reads line by line, knowing only what YAML needs to tell those apart: the indentation of
/// the line that opened a block scalar, and whether it is inside `[…]` or `{…}`.
struct YAMLTokenizer {
    private var list: TokenList
    private let end: Int
    private var position: Int

    /// The offset at which the current line starts.
    private var lineStart = 0
    /// The column of the current line's last key or `-`, or its indentation: a block scalar's lines
    /// are indented further than this.
    private var indentBase = 0
    /// Inside a block scalar: the indentation its lines must exceed.
    private var blockScalarIndent: Int?
    /// How many `[` and `{` are open.
    private var flowDepth = 0

    private static let literals = KeywordSet(
        ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"], ignoringCase: true)
    private static let specialNumbers = KeywordSet(
        [".inf", "-.inf", "+.inf", ".nan"], ignoringCase: true)

    /// Adds the tokens of the YAML in `start..<end` of the list's code.
    static func tokenize(_ list: inout TokenList, from start: Int, to end: Int) {
        var tokenizer = YAMLTokenizer(list: TokenList.take(&list), end: end, position: start)
        tokenizer.run()
        list = tokenizer.list
    }

    private init(list: TokenList, end: Int, position: Int) {
        self.list = list
        self.end = end
        self.position = position
    }

    private var code: UnsafeBufferPointer<UInt8> { list.code }

    private func byte(_ offset: Int) -> UInt8 { list.byte(offset, before: end) }

    /// A byte that ends a plain scalar or an indicator's word: a blank or a line end.
    private func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0 || byte.isCodeWhitespace
    }

    /// `,`, `[`, `]`, `{`, `}`: the flow indicators.
    private func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    private mutating func run() {
        var atLineStart = true
        while position < end {
            if atLineStart {
                atLineStart = false
                // A line of blanks at the end of the code leaves nothing to read.
                if startLine() || position >= end { continue }
            }
            let current = code[position]
            switch current {
            case 0x0A:
                position += 1
                atLineStart = true
            case 0x20, 0x09, 0x0D:
                position += 1
            case UInt8(ascii: "#") where position == lineStart || code[position - 1].isBlank:
                let lineEnd = list.lineEnd(from: position, before: end)
                list.add(.comment, position, lineEnd)
                position = lineEnd
            case UInt8(ascii: "-") where isSeparator(byte(position + 1)),
                UInt8(ascii: "?") where isSeparator(byte(position + 1)),
                UInt8(ascii: ":") where isSeparator(byte(position + 1)):
                // A sequence entry, a complex key or a value indicator.
                if current != UInt8(ascii: ":") { indentBase = position - lineStart }
                position += 1
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                position += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = Swift.max(flowDepth - 1, 0)
                position += 1
            case UInt8(ascii: ",") where flowDepth > 0:
                position += 1
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                blockScalarHeader()
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                quoted(current)
            case UInt8(ascii: "&"), UInt8(ascii: "*"):
                indicatorWord(.variable)
            case UInt8(ascii: "!"):
                indicatorWord(.keyword)
            default:
                plainScalar()
            }
        }
    }

    /// At the start of a line: the lines of an open block scalar, `---`, `...` and directives.
    /// Returns true when the line (up to its line feed) has been read.
    private mutating func startLine() -> Bool {
        lineStart = position
        var textStart = position
        while textStart < end, code[textStart] == 0x20 { textStart += 1 }
        let lineEnd = list.lineEnd(from: textStart, before: end)
        let indentation = textStart - lineStart
        if let blockIndent = blockScalarIndent {
            let blank = (textStart..<lineEnd).allSatisfy { code[$0].isCodeWhitespace }
            if blank || indentation > blockIndent {
                list.add(.string, textStart, lineEnd)
                position = lineEnd
                return true
            }
            blockScalarIndent = nil
        }
        indentBase = indentation
        position = textStart
        guard indentation == 0, flowDepth == 0, textStart < end else { return false }
        if code[textStart] == UInt8(ascii: "%") {
            list.add(.meta, textStart, lineEnd)
            position = lineEnd
            return true
        }
        let first = code[textStart]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "."), byte(textStart + 1) == first,
            byte(textStart + 2) == first, isSeparator(byte(textStart + 3))
        {
            list.add(.meta, textStart, textStart + 3)
            position = textStart + 3
        }
        return false
    }

    /// `|` or `>` with its indentation and chomping indicators, starting a block scalar whose
    /// lines follow; anywhere else, plain text.
    private mutating func blockScalarHeader() {
        var headerEnd = position + 1
        while byte(headerEnd).isDigit || byte(headerEnd) == UInt8(ascii: "+") || byte(headerEnd) == UInt8(ascii: "-") {
            headerEnd += 1
        }
        guard isSeparator(byte(headerEnd)) else {
            plainScalar()
            return
        }
        list.add(.operator, position, headerEnd)
        position = headerEnd
        blockScalarIndent = indentBase
    }

    /// A double-quoted (backslash escapes) or single-quoted (`''` escapes) string, over lines if
    /// it is not closed on its own; a key when a `:` follows it.
    private mutating func quoted(_ quote: UInt8) {
        let start = position
        var offset = start + 1
        while offset < end {
            let current = code[offset]
            if current == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                offset = list.afterCharacter(offset + 1, before: end)
                continue
            }
            if current == quote {
                if quote == UInt8(ascii: "'"), byte(offset + 1) == quote {
                    offset += 2
                    continue
                }
                offset += 1
                break
            }
            offset += 1
        }
        let stringEnd = Swift.min(offset, end)
        var next = stringEnd
        while byte(next).isBlank { next += 1 }
        let isKey =
            byte(next) == UInt8(ascii: ":")
            && (isSeparator(byte(next + 1)) || flowDepth > 0 || quote == UInt8(ascii: "\""))
        if isKey { indentBase = start - lineStart }
        list.add(isKey ? .key : .string, start, stringEnd)
        position = stringEnd
        // Lines the string ran over begin no new line of YAML.
        if let lastLineFeed = (start..<stringEnd).last(where: { code[$0] == 0x0A }) { lineStart = lastLineFeed + 1 }
    }

    /// An anchor (`&name`), an alias (`*name`) or a tag (`!Ref`, `!!str`) as `kind`, up to a blank
    /// or a flow indicator; a lone indicator is plain text.
    private mutating func indicatorWord(_ kind: TokenKind) {
        var wordEnd = position + 1
        while wordEnd < end, !isSeparator(code[wordEnd]), !(flowDepth > 0 && isFlowIndicator(code[wordEnd])) {
            wordEnd += 1
        }
        if wordEnd > position + 1 {
            list.add(kind, position, wordEnd)
            position = wordEnd
        } else {
            plainScalar()
        }
    }

    /// A plain scalar up to ` #`, `: `, a flow indicator inside `[…]` or `{…}`, or the line's end:
    /// a key when `:` ends it, else a number, a literal or plain text.
    private mutating func plainScalar() {
        let start = position
        var offset = position
        var isKey = false
        while offset < end {
            let current = code[offset]
            if current == 0x0A { break }
            if current == UInt8(ascii: "#"), offset > start, code[offset - 1].isBlank { break }
            if current == UInt8(ascii: ":"), offset > start {
                let next = byte(offset + 1)
                if isSeparator(next) || (flowDepth > 0 && isFlowIndicator(next)) {
                    isKey = true
                    break
                }
            }
            if flowDepth > 0, isFlowIndicator(current), offset > start { break }
            offset += 1
        }
        if offset == start { offset = list.afterCharacter(start, before: end) }
        var valueEnd = offset
        while valueEnd > start, code[valueEnd - 1].isCodeWhitespace { valueEnd -= 1 }
        if isKey {
            indentBase = start - lineStart
            list.add(.key, start, valueEnd)
        } else if Self.literals.contains(code, start, valueEnd) {
            list.add(.literal, start, valueEnd)
        } else if isNumber(start, valueEnd) {
            list.add(.number, start, valueEnd)
        }
        position = offset
    }

    /// `12`, `-3`, `1_000`, `3.14`, `6.02e23`, `0x1F`, `0o17`, `.inf`, `.nan`.
    private func isNumber(_ start: Int, _ valueEnd: Int) -> Bool {
        guard valueEnd > start else { return false }
        if Self.specialNumbers.contains(code, start, valueEnd) { return true }
        var offset = start
        if code[offset] == UInt8(ascii: "-") || code[offset] == UInt8(ascii: "+") { offset += 1 }
        if offset + 2 < valueEnd, code[offset] == UInt8(ascii: "0"),
            code[offset + 1] == UInt8(ascii: "x") || code[offset + 1] == UInt8(ascii: "o")
        {
            let hex = code[offset + 1] == UInt8(ascii: "x")
            return (offset + 2..<valueEnd).allSatisfy {
                hex ? code[$0].isHexDigit : (code[$0] >= 0x30 && code[$0] <= 0x37)
            }
        }
        var digits = 0
        while offset < valueEnd, code[offset].isDigit || code[offset] == UInt8(ascii: "_") {
            digits += 1
            offset += 1
        }
        if offset < valueEnd, code[offset] == UInt8(ascii: ".") {
            offset += 1
            while offset < valueEnd, code[offset].isDigit {
                digits += 1
                offset += 1
            }
        }
        guard digits > 0 else { return false }
        if offset < valueEnd, code[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < valueEnd, code[offset] == UInt8(ascii: "-") || code[offset] == UInt8(ascii: "+") { offset += 1 }
            guard offset < valueEnd else { return false }
            while offset < valueEnd, code[offset].isDigit { offset += 1 }
        }
        return offset == valueEnd
    }
}
