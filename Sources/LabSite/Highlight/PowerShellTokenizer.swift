/// Finds the tokens of PowerShell code and of the commands after `PS>` prompts in console blocks.
///
/// The first word of a pipeline element is a `command` (at the start of a line and after `|`,
/// `;`, `&&`, `||`, `&`, `=`, `(`, `{` and `$(`); `-Name` parameters are options and `-eq`-style
/// operators operators; `$name`, `$env:NAME` and `${…}` are variables (`$true`, `$false` and
/// `$null` literals); quotes and here-strings are strings with their variables highlighted;
/// `#` and `<# … #>` are comments; the keys of `@{…}` hash tables are keys; a backtick before a
/// line feed continues the line.
struct PowerShellTokenizer {
    private var list: TokenList
    private let end: Int
    private var position: Int
    /// The brackets open around the current position: whether each is `$(`, `@(` or `@{`
    /// (highlighted with its closing bracket), and whether it is a hash table.
    private var brackets: [(isOperator: Bool, isHashTable: Bool)] = []

    /// How deep `$(…)` inside strings nests before it is no longer read as code (recursion bound).
    private static let deepestNesting = 16

    private static let keywords = KeywordSet(
        [
            "begin", "break", "catch", "class", "continue", "data", "do", "dynamicparam", "else", "elseif", "end",
            "enum", "exit", "filter", "finally", "for", "foreach", "function", "if", "in", "param", "process",
            "return", "switch", "throw", "trap", "try", "until", "using", "while",
        ], ignoringCase: true)
    /// Keywords followed by a name rather than a command.
    private static let namingKeywords = KeywordSet(["function", "filter", "class", "enum"], ignoringCase: true)
    private static let operators = KeywordSet(
        [
            "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "contains", "notcontains",
            "in", "notin", "replace", "split", "join", "is", "isnot", "as", "and", "or", "xor", "not", "band", "bor",
            "bxor", "bnot", "shl", "shr", "f", "ieq", "ine", "igt", "ige", "ilt", "ile", "ilike", "inotlike",
            "imatch", "inotmatch", "ireplace", "ceq", "cne", "cgt", "cge", "clt", "cle", "clike", "cnotlike",
            "cmatch", "cnotmatch", "creplace", "csplit", "isplit",
        ], ignoringCase: true)
    private static let literals = KeywordSet(["true", "false", "null"], ignoringCase: true)
    private static let loops = KeywordSet(["foreach"], ignoringCase: true)
    private static let numberSuffixes = KeywordSet(["kb", "mb", "gb", "tb", "pb"], ignoringCase: true)

    /// Adds the tokens of the PowerShell code in `start..<end` of the list's code.
    static func tokenize(_ list: inout TokenList, from start: Int, to end: Int) {
        var tokenizer = PowerShellTokenizer(list: TokenList.take(&list), end: end, position: start)
        tokenizer.statements(untilLevel: nil, depth: 0)
        list = tokenizer.list
    }

    private init(list: TokenList, end: Int, position: Int) {
        self.list = list
        self.end = end
        self.position = position
    }

    private var code: UnsafeBufferPointer<UInt8> { list.code }

    private func byte(_ offset: Int) -> UInt8 { list.byte(offset, before: end) }

    /// Whether `byte` can be part of a bare word (a command name, an argument, a member name).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "|"), UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: "'"),
            UInt8(ascii: "`"), UInt8(ascii: ","), UInt8(ascii: "$"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            false
        default:
            true
        }
    }

    private struct Context {
        /// The next bare word is a command name (or a hash table key).
        var atCommand = true
        /// The next byte starts a token (a `#` there starts a comment).
        var atTokenStart = true
        /// After `foreach`: the word `in` is a keyword.
        var expectsIn = false
        /// After `=`: a bare word is a command even in a hash table, where it is otherwise a key.
        var isValue = false
    }

    /// Reads statements until the `)` that leaves `level` brackets open, when given (the end of a
    /// string's `$(…)`), or the end.
    private mutating func statements(untilLevel level: Int?, depth: Int) {
        var context = Context()
        while position < end {
            let current = code[position]
            switch current {
            case 0x20, 0x09, 0x0D:
                position += 1
                context.atTokenStart = true
            case 0x0A:
                position += 1
                context = Context()
            case UInt8(ascii: "#") where context.atTokenStart:
                let lineEnd = list.lineEnd(from: position, before: end)
                list.add(.comment, position, lineEnd)
                position = lineEnd
            case UInt8(ascii: "<") where byte(position + 1) == UInt8(ascii: "#"):
                blockComment()
                context.atTokenStart = true
            case UInt8(ascii: "`"):
                if byte(position + 1) == 0x0A {
                    position += 2  // a continuation: the statement goes on on the next line
                    context.atTokenStart = true
                } else {
                    // An escaped character is part of a bare word.
                    position = list.afterCharacter(position + 1, before: end)
                    context.atTokenStart = false
                    context.atCommand = false
                }
            case UInt8(ascii: "'"):
                quoted(from: position, contentFrom: position + 1, quote: current, depth: depth)
                context.atTokenStart = false
                context.atCommand = false
            case UInt8(ascii: "\""):
                quoted(from: position, contentFrom: position + 1, quote: current, depth: depth)
                context.atTokenStart = false
                context.atCommand = false
            case UInt8(ascii: "@"):
                at(&context, depth: depth)
            case UInt8(ascii: "$"):
                dollar(&context, depth: depth)
            case UInt8(ascii: "|"), UInt8(ascii: "&"):
                operatorToken(byte(position + 1) == current ? 2 : 1)
                context = Context()
            case UInt8(ascii: ";"):
                operatorToken(1)
                context = Context()
            case UInt8(ascii: "="):
                operatorToken(byte(position + 1) == UInt8(ascii: "=") ? 2 : 1)
                context = Context(isValue: true)
            case UInt8(ascii: "("), UInt8(ascii: "{"):
                brackets.append((false, false))
                position += 1
                context = Context(expectsIn: context.expectsIn)
            case UInt8(ascii: ")"), UInt8(ascii: "}"):
                if current == UInt8(ascii: ")"), let level, brackets.count == level { return }
                // Inside a string's `$(…)`, the brackets opened outside it are not closed here.
                let bracket = brackets.count > (level ?? 0) ? brackets.popLast() : nil
                if bracket?.isOperator == true {
                    operatorToken(1)
                } else {
                    position += 1
                }
                context.atTokenStart = true
                // After a script block come `catch`, `finally`, `else`, `while`: keywords.
                context.atCommand = current == UInt8(ascii: "}")
            case UInt8(ascii: ">"), UInt8(ascii: "<"):
                operatorToken(byte(position + 1) == current ? 2 : 1)
                context.atTokenStart = true
            case UInt8(ascii: ","):
                position += 1
                context.atTokenStart = true
            case UInt8(ascii: "-") where context.atTokenStart:
                dash(&context)
            case UInt8(ascii: "[") where context.atTokenStart:
                // A type such as `[string]` or `[System.IO.File]`: plain, read as one piece so
                // that what follows it is not taken for a command.
                let closing = matchingBracket(from: position)
                position = closing
                context.atTokenStart = false
            default:
                if context.atTokenStart, current.isDigit, byte(position + 1) == UInt8(ascii: ">") {
                    redirection()
                    context.atTokenStart = true
                } else if context.atTokenStart, current.isDigit, let numberEnd = number(from: position) {
                    list.add(.number, position, numberEnd)
                    position = numberEnd
                    context.atTokenStart = false
                    context.atCommand = false
                } else {
                    word(&context)
                }
            }
        }
    }

    /// `2>`, `2>>`, `2>&1`, `3>$null`: a stream number and its redirection, one operator.
    private mutating func redirection() {
        var operatorEnd = position + 2
        if byte(operatorEnd) == UInt8(ascii: ">") {
            operatorEnd += 1
        } else if byte(operatorEnd) == UInt8(ascii: "&"), byte(operatorEnd + 1).isDigit {
            operatorEnd += 2
        }
        operatorToken(operatorEnd - position)
    }

    private mutating func operatorToken(_ length: Int) {
        let tokenEnd = Swift.min(position + length, end)
        list.add(.operator, position, tokenEnd)
        position = tokenEnd
    }

    /// `<# … #>`: a comment up to the closing `#>` or the end.
    private mutating func blockComment() {
        let start = position
        var offset = start + 2
        while offset < end {
            if code[offset] == UInt8(ascii: "#"), byte(offset + 1) == UInt8(ascii: ">") {
                offset += 2
                list.add(.comment, start, offset)
                position = offset
                return
            }
            offset += 1
        }
        list.add(.comment, start, end)
        position = end
    }

    /// The offset after the `]` matching the `[` at `start`, on the same line, or the line's end.
    private func matchingBracket(from start: Int) -> Int {
        var nesting = 0
        var offset = start
        while offset < end, code[offset] != 0x0A {
            if code[offset] == UInt8(ascii: "[") {
                nesting += 1
            } else if code[offset] == UInt8(ascii: "]") {
                nesting -= 1
                if nesting == 0 { return offset + 1 }
            }
            offset += 1
        }
        return offset
    }

    /// A string in single or double quotes. Single quotes double to escape; in double quotes a
    /// backtick escapes and variables and `$(…)` are highlighted.
    private mutating func quoted(from start: Int, contentFrom contentStart: Int, quote: UInt8, depth: Int) {
        var pieceStart = start
        var offset = contentStart
        let expands = quote == UInt8(ascii: "\"")
        while offset < end {
            let current = code[offset]
            if current == quote {
                if byte(offset + 1) == quote {
                    offset += 2
                    continue
                }
                offset += 1
                list.add(.string, pieceStart, offset)
                position = offset
                return
            }
            if expands, current == UInt8(ascii: "`") {
                offset = list.afterCharacter(offset + 1, before: end)
                continue
            }
            if expands, current == UInt8(ascii: "$"), isVariableStart(byte(offset + 1)) {
                list.add(.string, pieceStart, offset)
                position = offset
                variableInString(depth: depth)
                offset = position
                pieceStart = offset
                continue
            }
            offset += 1
        }
        list.add(.string, pieceStart, end)
        position = end
    }

    private func isVariableStart(_ byte: UInt8) -> Bool {
        byte.isNameHead || byte.isDigit || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "(")
            || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "^") || byte == UInt8(ascii: "$")
    }

    /// A variable or `$(…)` inside a double-quoted string.
    private mutating func variableInString(depth: Int) {
        if byte(position + 1) == UInt8(ascii: "(") {
            subexpression(depth: depth)
        } else {
            variable()
        }
    }

    /// `$(…)` inside a string: read as statements up to its `)`, unless nested too deep.
    private mutating func subexpression(depth: Int) {
        operatorToken(2)
        // Nested deeper, the rest of the subexpression is read as part of the string.
        guard depth < Self.deepestNesting else { return }
        let level = brackets.count
        statements(untilLevel: level, depth: depth + 1)
        // Brackets left open inside belong to the subexpression, which ends here.
        if brackets.count > level { brackets.removeLast(brackets.count - level) }
        if position < end, code[position] == UInt8(ascii: ")") { operatorToken(1) }
    }

    /// `$name`, `$env:NAME`, `$script:name`, `${any name}`, `$_`, `$?`, `$$`, `$^`, or the literals
    /// `$true`, `$false`, `$null`. The caller has seen a byte that can start one after `$`.
    private mutating func variable() {
        let start = position
        let next = byte(start + 1)
        if next == UInt8(ascii: "{") {
            var offset = start + 2
            while offset < end, code[offset] != UInt8(ascii: "}") {
                offset = code[offset] == UInt8(ascii: "`") ? list.afterCharacter(offset + 1, before: end) : offset + 1
            }
            let closing = Swift.min(offset + 1, end)
            list.add(.variable, start, closing)
            position = closing
            return
        }
        guard next.isNameBody else {
            list.add(.variable, start, Swift.min(start + 2, end))
            position = Swift.min(start + 2, end)
            return
        }
        var nameEnd = start + 1
        while nameEnd < end, code[nameEnd].isNameBody { nameEnd += 1 }
        // A scope or drive: `$env:PATH`, `$script:count` (but not `$a::b`, a static member).
        if byte(nameEnd) == UInt8(ascii: ":"), byte(nameEnd + 1).isNameHead {
            nameEnd += 1
            while nameEnd < end, code[nameEnd].isNameBody { nameEnd += 1 }
        }
        let kind: TokenKind = Self.literals.contains(code, start + 1, nameEnd) ? .literal : .variable
        list.add(kind, start, nameEnd)
        position = nameEnd
    }

    /// `$…` in code: a variable, or `$(` opening a subexpression.
    private mutating func dollar(_ context: inout Context, depth: Int) {
        let next = byte(position + 1)
        if next == UInt8(ascii: "(") {
            brackets.append((true, false))
            operatorToken(2)
            context = Context()
        } else if isVariableStart(next) {
            variable()
            context.atTokenStart = false
            context.atCommand = false
        } else {
            position += 1  // a lone `$` is text
            context.atTokenStart = false
        }
    }

    /// `@(`, `@{` (a hash table), a here-string `@"…"@` or `@'…'@`, or splatting `@name`.
    private mutating func at(_ context: inout Context, depth: Int) {
        let next = byte(position + 1)
        switch next {
        case UInt8(ascii: "("), UInt8(ascii: "{"):
            brackets.append((true, next == UInt8(ascii: "{")))
            operatorToken(2)
            context = Context()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            hereString(quote: next)
            context.atTokenStart = false
            context.atCommand = false
        default:
            if next.isNameHead {
                var nameEnd = position + 2
                while nameEnd < end, code[nameEnd].isNameBody { nameEnd += 1 }
                list.add(.variable, position, nameEnd)
                position = nameEnd
            } else {
                position += 1
            }
            context.atTokenStart = false
            context.atCommand = false
        }
    }

    /// A here-string: `@"` or `@'` at the end of a line, up to a line starting with `"@` or `'@`.
    /// Without the line end after the opening it is an ordinary string after an `@`.
    private mutating func hereString(quote: UInt8) {
        let start = position
        var offset = start + 2
        while byte(offset).isBlank || byte(offset) == 0x0D { offset += 1 }
        guard offset >= end || code[offset] == 0x0A else {
            position += 1
            quoted(from: position, contentFrom: position + 1, quote: quote, depth: Self.deepestNesting)
            return
        }
        while offset < end {
            // `offset` is at a line feed: does the next line close the string?
            if byte(offset + 1) == quote, byte(offset + 2) == UInt8(ascii: "@") {
                list.add(.string, start, offset + 3)
                position = offset + 3
                return
            }
            offset = list.lineEnd(from: offset + 1, before: end)
        }
        list.add(.string, start, end)
        position = end
    }

    /// `-Name` (an option; `--name` too, for native commands such as `aws`), `-eq` (an operator),
    /// `-5` (a number), or a lone `-`.
    private mutating func dash(_ context: inout Context) {
        let start = position
        let next = byte(start + 1)
        let doubled = next == UInt8(ascii: "-") && byte(start + 2).isASCIILetter
        if next.isDigit, let numberEnd = number(from: start + 1) {
            list.add(.number, start, numberEnd)
            position = numberEnd
        } else if next.isASCIILetter || doubled {
            var nameEnd = doubled ? start + 2 : start + 1
            while nameEnd < end,
                code[nameEnd].isASCIIAlphanumeric || code[nameEnd] == UInt8(ascii: "_")
                    || code[nameEnd] == UInt8(ascii: "-")
            {
                nameEnd += 1
            }
            let isOperator = !doubled && Self.operators.contains(code, start + 1, nameEnd)
            list.add(isOperator ? .operator : .option, start, nameEnd)
            position = nameEnd
            if isOperator {
                context = Context(atCommand: false)
                return
            }
        } else {
            position += 1
        }
        context.atTokenStart = false
        context.atCommand = false
    }

    /// The end of the number at `start` (`42`, `1.5`, `1e3`, `0x1F`, `10MB`, `5d`), when the bytes
    /// there are one and end where a word would.
    private func number(from start: Int) -> Int? {
        var offset = start
        if code[offset] == UInt8(ascii: "0"), byte(offset + 1) | 0x20 == UInt8(ascii: "x"), byte(offset + 2).isHexDigit
        {
            offset += 2
            while byte(offset).isHexDigit { offset += 1 }
        } else {
            while byte(offset).isDigit { offset += 1 }
            if byte(offset) == UInt8(ascii: "."), byte(offset + 1).isDigit {
                offset += 1
                while byte(offset).isDigit { offset += 1 }
            }
            if byte(offset) | 0x20 == UInt8(ascii: "e") {
                var exponent = offset + 1
                if byte(exponent) == UInt8(ascii: "+") || byte(exponent) == UInt8(ascii: "-") { exponent += 1 }
                if byte(exponent).isDigit {
                    offset = exponent
                    while byte(offset).isDigit { offset += 1 }
                }
            }
        }
        if Self.numberSuffixes.contains(code, offset, Swift.min(offset + 2, end)) { offset += 2 }
        let type = byte(offset) | 0x20
        if type == UInt8(ascii: "d") || type == UInt8(ascii: "l") { offset += 1 }
        let following = byte(offset)
        guard offset > start, following == 0 || !(following.isNameBody || following == UInt8(ascii: "-")) else {
            return nil
        }
        return offset
    }

    /// A bare word: a command name, a keyword, a hash table key, or plain text.
    private mutating func word(_ context: inout Context) {
        let start = position
        let inHashTable = brackets.last?.isHashTable == true
        var wordEnd = position
        while wordEnd < end, Self.isWordByte(code[wordEnd]) {
            // A key is followed by `=` (`@{Name='x'}`), which elsewhere belongs to the word.
            if inHashTable, context.atCommand, !context.isValue, code[wordEnd] == UInt8(ascii: "=") { break }
            wordEnd += 1
        }
        guard wordEnd > start else {
            position = list.afterCharacter(position, before: end)
            context.atTokenStart = false
            return
        }
        position = wordEnd
        guard context.atTokenStart else { return }
        context.atTokenStart = false
        if context.atCommand {
            context.atCommand = false
            if inHashTable, !context.isValue {
                list.add(.key, start, wordEnd)
            } else if Self.keywords.contains(code, start, wordEnd) {
                list.add(.keyword, start, wordEnd)
                context.atCommand = !Self.namingKeywords.contains(code, start, wordEnd)
                context.expectsIn = Self.loops.contains(code, start, wordEnd)
            } else {
                list.add(.command, start, wordEnd)
            }
            return
        }
        if context.expectsIn, wordEnd - start == 2, code[start] | 0x20 == UInt8(ascii: "i"),
            code[start + 1] | 0x20 == UInt8(ascii: "n")
        {
            list.add(.keyword, start, wordEnd)
            context.expectsIn = false
        }
    }
}
