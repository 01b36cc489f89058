/// Finds the tokens of shell code (bash, sh, zsh) and of the commands in console blocks.
///
/// It follows the shell's own reading closely enough for handouts: the first word of each
/// command is a `command` (after the start of a line, `|`, `&&`, `||`, `;`, `$(`, a backtick,
/// `(` and prefixes such as `sudo`), `-f` and `--flag` are options, quotes are strings (with the
/// expansions inside a double-quoted one), `$NAME`, `${…}` and `$((…))` are variables, `$(…)` is
/// read as commands again, heredoc bodies are strings, and a `\` before a line feed continues
/// the command on the next line.
struct BashTokenizer {
    private var list: TokenList
    private let end: Int
    private var position: Int
    /// Heredocs opened on the current line, whose bodies start after it: the delimiter's bytes
    /// and whether leading tabs are stripped (`<<-`).
    private var heredocs: [(delimiter: Range<Int>, stripsTabs: Bool)] = []

    /// How deep `$(…)` and backticks nest before they are no longer read as commands: deeper
    /// nesting is read on at the same level, which keeps the recursion off small thread stacks.
    private static let deepestNesting = 16

    private static let keywords = KeywordSet([
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac",
        "in", "function", "select", "time", "[[", "]]", "!", "coproc", "{", "}",
    ])
    /// Keywords after which a command follows.
    private static let commandKeywords = KeywordSet([
        "if", "then", "else", "elif", "while", "until", "do", "time", "!", "{",
    ])
    /// Keywords followed by a name and then `in`.
    private static let loopKeywords = KeywordSet(["for", "select", "case"])
    /// Commands whose first argument is a command again.
    private static let prefixCommands = KeywordSet(["sudo", "nohup", "exec", "env", "command", "builtin"])
    /// Commands whose `NAME=value` arguments assign variables.
    private static let declarations = KeywordSet(["export", "local", "declare", "readonly", "typeset"])

    /// Adds the tokens of the shell code in `start..<end` of the list's code.
    static func tokenize(_ list: inout TokenList, from start: Int, to end: Int) {
        var tokenizer = BashTokenizer(list: TokenList.take(&list), end: end, position: start)
        tokenizer.commands(until: nil, depth: 0)
        list = tokenizer.list
    }

    private init(list: TokenList, end: Int, position: Int) {
        self.list = list
        self.end = end
        self.position = position
    }

    private var code: UnsafeBufferPointer<UInt8> { list.code }

    private func byte(_ offset: Int) -> UInt8 { list.byte(offset, before: end) }

    /// Whether `byte` can be part of a word: not a blank, a line end, a shell metacharacter, a
    /// quote, `$` or `\` (each of those starts something else).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: ";"), UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "'"), UInt8(ascii: "\""),
            UInt8(ascii: "`"), UInt8(ascii: "$"), UInt8(ascii: "\\"):
            false
        default:
            true
        }
    }

    /// Whether `byte` ends a word outright: a blank, a line end or a metacharacter (a quote or
    /// an expansion continues the word instead).
    private static func endsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case 0, 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: ";"), UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"):
            true
        default:
            false
        }
    }

    /// The state of one list of commands: top level, or inside `$(…)` or backticks.
    private struct Context {
        /// The next word is a command name.
        var atCommand = true
        /// The next byte starts a word (a `#` there starts a comment).
        var atWordStart = true
        /// The command declares variables (`export`, `local`, …): its `NAME=` arguments are variables.
        var declares = false
        /// After `for`, `select` or `case`: the word `in` is a keyword.
        var expectsIn = false
        /// Open parentheses inside `$(…)`, whose `)` is not the end of it.
        var parentheses = 0
    }

    /// Reads commands until `terminator` (`)` of `$(`, or a backtick) at their level, or the end.
    private mutating func commands(until terminator: UInt8?, depth: Int) {
        var context = Context()
        while position < end {
            let current = code[position]
            if let terminator, current == terminator, terminator != UInt8(ascii: ")") || context.parentheses == 0 {
                return
            }
            switch current {
            case 0x20, 0x09, 0x0D:
                position += 1
                context.atWordStart = true
            case 0x0A:
                position += 1
                context = Context(parentheses: context.parentheses)
                if !heredocs.isEmpty { heredocBodies() }
            case UInt8(ascii: "#") where context.atWordStart:
                let lineEnd = list.lineEnd(from: position, before: end)
                list.add(.comment, position, lineEnd)
                position = lineEnd
            case UInt8(ascii: "\\"):
                if byte(position + 1) == 0x0A {
                    // A continuation: the command goes on, as if the line break were a space.
                    position += 2
                    context.atWordStart = true
                } else {
                    beginWord(&context)
                    position = list.afterCharacter(position + 1, before: end)
                }
            case UInt8(ascii: "'"):
                beginWord(&context)
                singleQuoted(from: position, contentFrom: position + 1)
            case UInt8(ascii: "\""):
                beginWord(&context)
                doubleQuoted(from: position, contentFrom: position + 1, depth: depth)
            case UInt8(ascii: "`"):
                beginWord(&context)
                backticks(depth: depth)
            case UInt8(ascii: "$"):
                beginWord(&context)
                expansion(depth: depth)
            case UInt8(ascii: "|"), UInt8(ascii: ";"):
                let length = byte(position + 1) == current || byte(position + 1) == UInt8(ascii: "&") ? 2 : 1
                operatorToken(length)
                context = Context(parentheses: context.parentheses)
            case UInt8(ascii: "&"):
                if byte(position + 1) == UInt8(ascii: ">") {
                    operatorToken(byte(position + 2) == UInt8(ascii: ">") ? 3 : 2)
                    context.atWordStart = true
                } else {
                    operatorToken(byte(position + 1) == UInt8(ascii: "&") ? 2 : 1)
                    context = Context(parentheses: context.parentheses)
                }
            case UInt8(ascii: "<"):
                lessThan(&context, depth: depth)
            case UInt8(ascii: ">"):
                greaterThan(&context, depth: depth)
            case UInt8(ascii: "("):
                operatorToken(1)
                context = Context(parentheses: context.parentheses + 1)
            case UInt8(ascii: ")"):
                operatorToken(1)
                context = Context(parentheses: Swift.max(context.parentheses - 1, 0))
            default:
                word(&context)
            }
        }
    }

    /// Notes that a word begins with a quote, an expansion or an escape: a command name that
    /// does not start with a letter is not highlighted, but the command has begun.
    private func beginWord(_ context: inout Context) {
        guard context.atWordStart else { return }
        context.atWordStart = false
        context.atCommand = false
    }

    private mutating func operatorToken(_ length: Int) {
        let tokenEnd = Swift.min(position + length, end)
        list.add(.operator, position, tokenEnd)
        position = tokenEnd
    }

    /// A plain run of word bytes: a command name, a keyword, an option, a number, an assignment
    /// or plain text, depending on where it stands.
    private mutating func word(_ context: inout Context) {
        let start = position
        var wordEnd = position
        while wordEnd < end, Self.isWordByte(code[wordEnd]) { wordEnd += 1 }
        guard wordEnd > start else {
            // Not a word byte after all (cannot happen for the bytes `commands` hands over).
            position = list.afterCharacter(position, before: end)
            return
        }
        let complete = Self.endsWord(byte(wordEnd))
        position = wordEnd
        guard context.atWordStart else { return }
        context.atWordStart = false

        if redirection(from: start, digitsEnd: wordEnd) { return }
        if context.atCommand {
            if let equals = assignment(start, wordEnd) {
                list.add(.variable, start, equals)
                return  // still at the command: `NAME=value command`
            }
            if complete, Self.keywords.contains(code, start, wordEnd) {
                list.add(.keyword, start, wordEnd)
                context.atCommand = Self.commandKeywords.contains(code, start, wordEnd)
                context.expectsIn = Self.loopKeywords.contains(code, start, wordEnd)
                return
            }
            list.add(.command, start, wordEnd)
            context.atCommand = complete && Self.prefixCommands.contains(code, start, wordEnd)
            context.declares = complete && Self.declarations.contains(code, start, wordEnd)
            return
        }
        if complete, list.bytes(start, wordEnd, equal: "]]") {
            list.add(.keyword, start, wordEnd)  // the end of a `[[ … ]]` test, which is never a command
            return
        }
        if context.expectsIn, complete, list.bytes(start, wordEnd, equal: "in") {
            list.add(.keyword, start, wordEnd)
            context.expectsIn = false
            return
        }
        if let optionEnd = option(start, wordEnd) {
            list.add(.option, start, optionEnd)
            return
        }
        if complete, isNumber(start, wordEnd) {
            list.add(.number, start, wordEnd)
            return
        }
        if context.declares, let equals = assignment(start, wordEnd) {
            list.add(.variable, start, equals)
        }
    }

    /// `2>`, `2>>`, `2>&1`, `0<`: a file descriptor number right before a redirection is part of
    /// the operator. Adds it and returns true when `start..<digitsEnd` is such a number.
    private mutating func redirection(from start: Int, digitsEnd: Int) -> Bool {
        let next = byte(digitsEnd)
        guard next == UInt8(ascii: ">") || next == UInt8(ascii: "<") else { return false }
        for offset in start..<digitsEnd where !code[offset].isDigit { return false }
        position = digitsEnd
        var operatorEnd = redirectionEnd(from: digitsEnd)
        if operatorEnd == digitsEnd { operatorEnd += 1 }
        list.add(.operator, start, operatorEnd)
        position = operatorEnd
        return true
    }

    /// The end of the redirection operator at `start` (`>`, `>>`, `>|`, `>&2`, `>&-`, `<`, `<&0`,
    /// `<>`), or `start` when there is none.
    private func redirectionEnd(from start: Int) -> Int {
        let first = byte(start)
        guard first == UInt8(ascii: ">") || first == UInt8(ascii: "<") else { return start }
        var operatorEnd = start + 1
        let second = byte(operatorEnd)
        if second == first || second == UInt8(ascii: "|") || (first == UInt8(ascii: "<") && second == UInt8(ascii: ">"))
        {
            operatorEnd += 1
        } else if second == UInt8(ascii: "&") {
            operatorEnd += 1
            if byte(operatorEnd) == UInt8(ascii: "-") {
                operatorEnd += 1
            } else {
                while byte(operatorEnd).isDigit { operatorEnd += 1 }
            }
        }
        return operatorEnd
    }

    /// The offset of `=` when `start..<wordEnd` begins `NAME=` or `NAME+=` (an assignment).
    private func assignment(_ start: Int, _ wordEnd: Int) -> Int? {
        guard code[start].isASCIILetter || code[start] == UInt8(ascii: "_") else { return nil }
        var offset = start + 1
        while offset < wordEnd, code[offset].isASCIIAlphanumeric || code[offset] == UInt8(ascii: "_") {
            offset += 1
        }
        if offset + 1 < wordEnd, code[offset] == UInt8(ascii: "+"), code[offset + 1] == UInt8(ascii: "=") {
            return offset
        }
        guard offset < wordEnd, code[offset] == UInt8(ascii: "=") else { return nil }
        return offset
    }

    /// The end of the option at `start` (`-f`, `--flag`, up to an `=`), or nil when the word is
    /// not one.
    private func option(_ start: Int, _ wordEnd: Int) -> Int? {
        guard code[start] == UInt8(ascii: "-") else { return nil }
        var nameStart = start + 1
        if nameStart < wordEnd, code[nameStart] == UInt8(ascii: "-") { nameStart += 1 }
        guard nameStart < wordEnd, code[nameStart].isASCIIAlphanumeric else { return nil }
        var optionEnd = nameStart
        while optionEnd < wordEnd, code[optionEnd] != UInt8(ascii: "=") { optionEnd += 1 }
        return optionEnd
    }

    /// Digits, with at most one `.` between digits.
    private func isNumber(_ start: Int, _ wordEnd: Int) -> Bool {
        var dots = 0
        for offset in start..<wordEnd {
            let current = code[offset]
            if current == UInt8(ascii: ".") {
                dots += 1
                guard dots == 1, offset > start, offset + 1 < wordEnd else { return false }
            } else if !current.isDigit {
                return false
            }
        }
        return true
    }

    /// `'…'`, or `$'…'` whose backslashes escape: a string up to the closing quote or the end.
    private mutating func singleQuoted(from start: Int, contentFrom contentStart: Int, escapes: Bool = false) {
        var offset = contentStart
        while offset < end {
            let current = code[offset]
            if current == UInt8(ascii: "'") {
                offset += 1
                list.add(.string, start, offset)
                position = offset
                return
            }
            offset =
                escapes && current == UInt8(ascii: "\\") ? list.afterCharacter(offset + 1, before: end) : offset + 1
        }
        list.add(.string, start, end)
        position = end
    }

    /// `"…"` (or `$"…"`): a string, with the variables and command substitutions inside it
    /// highlighted as they are outside.
    private mutating func doubleQuoted(from start: Int, contentFrom contentStart: Int, depth: Int) {
        var pieceStart = start
        var offset = contentStart
        while offset < end {
            let current = code[offset]
            if current == UInt8(ascii: "\"") {
                offset += 1
                list.add(.string, pieceStart, offset)
                position = offset
                return
            }
            if current == UInt8(ascii: "\\") {
                offset = list.afterCharacter(offset + 1, before: end)
                continue
            }
            let next = byte(offset + 1)
            let expands =
                current == UInt8(ascii: "$")
                && (next.isASCIILetter || next.isDigit || next == UInt8(ascii: "_") || next == UInt8(ascii: "{")
                    || next == UInt8(ascii: "(") || Self.isSpecialParameter(next))
            if expands || current == UInt8(ascii: "`") {
                list.add(.string, pieceStart, offset)
                position = offset
                if expands { expansion(depth: depth) } else { backticks(depth: depth) }
                offset = position
                pieceStart = offset
                continue
            }
            offset += 1
        }
        list.add(.string, pieceStart, end)
        position = end
    }

    /// `$@ $* $# $? $$ $! $-`: parameters named by one character.
    private static func isSpecialParameter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "@"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "$"),
            UInt8(ascii: "!"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    /// An expansion starting at `$`.
    private mutating func expansion(depth: Int) {
        let start = position
        let next = byte(start + 1)
        switch next {
        case UInt8(ascii: "("):
            if byte(start + 2) == UInt8(ascii: "(") {
                // Arithmetic: one variable token up to the matching `))`.
                let closing = matching(from: start + 1, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
                list.add(.variable, start, closing)
                position = closing
            } else {
                substitution(opening: 2, closing: UInt8(ascii: ")"), depth: depth)
            }
        case UInt8(ascii: "{"):
            let closing = matching(from: start + 1, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
            list.add(.variable, start, closing)
            position = closing
        case UInt8(ascii: "'"):
            singleQuoted(from: start, contentFrom: start + 2, escapes: true)
        case UInt8(ascii: "\""):
            doubleQuoted(from: start, contentFrom: start + 2, depth: depth)
        default:
            if next.isASCIILetter || next == UInt8(ascii: "_") {
                var nameEnd = start + 2
                while nameEnd < end, code[nameEnd].isASCIIAlphanumeric || code[nameEnd] == UInt8(ascii: "_") {
                    nameEnd += 1
                }
                list.add(.variable, start, nameEnd)
                position = nameEnd
            } else if next.isDigit || Self.isSpecialParameter(next) {
                list.add(.variable, start, start + 2)
                position = start + 2
            } else {
                position = start + 1  // a lone `$` is text
            }
        }
    }

    /// The offset after the `close` matching the `open` at `start`, counting nested pairs, or the end.
    private func matching(from start: Int, open: UInt8, close: UInt8) -> Int {
        var nesting = 0
        var offset = start
        while offset < end {
            if code[offset] == open {
                nesting += 1
            } else if code[offset] == close {
                nesting -= 1
                if nesting == 0 { return offset + 1 }
            }
            offset += 1
        }
        return end
    }

    /// `$(…)`, `<(…)` or `>(…)` (opening two bytes long) and backticks (one): the opening and
    /// closing are operators and what is between is read as commands.
    private mutating func substitution(opening: Int, closing: UInt8, depth: Int) {
        operatorToken(opening)
        // Deeper nesting is read on at this level: the closing is then an ordinary operator.
        guard depth < Self.deepestNesting else { return }
        commands(until: closing, depth: depth + 1)
        if position < end, code[position] == closing { operatorToken(1) }
    }

    private mutating func backticks(depth: Int) {
        substitution(opening: 1, closing: UInt8(ascii: "`"), depth: depth)
    }

    /// `<`, `<<<`, a heredoc's `<<EOF`, or a process substitution `<(…)`.
    private mutating func lessThan(_ context: inout Context, depth: Int) {
        context.atWordStart = true
        switch byte(position + 1) {
        case UInt8(ascii: "("):
            substitution(opening: 2, closing: UInt8(ascii: ")"), depth: depth)
        case UInt8(ascii: "<"):
            if byte(position + 2) == UInt8(ascii: "<") {
                operatorToken(3)
            } else {
                heredoc()
            }
        default:
            operatorToken(redirectionEnd(from: position) - position)
        }
    }

    /// `>`, `>>`, `>&2`, `>|`, or a process substitution `>(…)`.
    private mutating func greaterThan(_ context: inout Context, depth: Int) {
        context.atWordStart = true
        if byte(position + 1) == UInt8(ascii: "(") {
            substitution(opening: 2, closing: UInt8(ascii: ")"), depth: depth)
        } else {
            operatorToken(redirectionEnd(from: position) - position)
        }
    }

    /// `<<WORD`, `<<-WORD`, `<<'WORD'`, `<< "WORD"`: the operator, the delimiter as a string,
    /// and the body remembered for after this line.
    private mutating func heredoc() {
        let start = position
        var operatorEnd = start + 2
        let stripsTabs = byte(operatorEnd) == UInt8(ascii: "-")
        if stripsTabs { operatorEnd += 1 }
        var delimiterStart = operatorEnd
        while byte(delimiterStart).isBlank { delimiterStart += 1 }
        var delimiter = delimiterStart..<delimiterStart
        var delimiterEnd = delimiterStart
        let quote = byte(delimiterStart)
        if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") {
            var offset = delimiterStart + 1
            while offset < end, code[offset] != quote, code[offset] != 0x0A { offset += 1 }
            if byte(offset) == quote {
                delimiter = (delimiterStart + 1)..<offset
                delimiterEnd = offset + 1
            }
        } else {
            var wordStart = delimiterStart
            if quote == UInt8(ascii: "\\") { wordStart += 1 }
            var offset = wordStart
            while offset < end, Self.isWordByte(code[offset]) { offset += 1 }
            if offset > wordStart {
                delimiter = wordStart..<offset
                delimiterEnd = offset
            }
        }
        list.add(.operator, start, operatorEnd)
        position = operatorEnd
        guard !delimiter.isEmpty else { return }
        list.add(.string, delimiterStart, delimiterEnd)
        position = delimiterEnd
        heredocs.append((delimiter, stripsTabs))
    }

    /// The bodies of the heredocs opened on the line just ended, each up to and including the
    /// line holding only its delimiter: strings.
    private mutating func heredocBodies() {
        let pending = heredocs
        heredocs.removeAll()
        for heredoc in pending {
            let bodyStart = position
            while true {
                guard position < end else {
                    list.add(.string, bodyStart, end)
                    return
                }
                let lineEnd = list.lineEnd(from: position, before: end)
                var textStart = position
                if heredoc.stripsTabs {
                    while textStart < lineEnd, code[textStart] == 0x09 { textStart += 1 }
                }
                let isDelimiter =
                    lineEnd - textStart == heredoc.delimiter.count
                    && zip(textStart..<lineEnd, heredoc.delimiter).allSatisfy { code[$0] == code[$1] }
                position = Swift.min(lineEnd + 1, end)
                if isDelimiter {
                    list.add(.string, bodyStart, lineEnd)
                    break
                }
            }
        }
    }
}
