/// A token a tokenizer found: what it is and the bytes of the code it covers, within one line.
struct TokenSpan: Equatable {
    /// What the bytes are.
    var kind: TokenKind
    /// The offset of the first byte.
    var start: Int
    /// The offset after the last byte.
    var end: Int
}

/// The tokens of one code block in order, and the block's bytes the tokenizers read.
///
/// Tokenizers add tokens of any length; the list cuts them at line feeds, which no token holds,
/// so a string or comment over several lines becomes one token per line and every line of the
/// HTML can be wrapped in a span of its own.
struct TokenList {
    /// The code's UTF-8 bytes, valid while the list is in use.
    let code: UnsafeBufferPointer<UInt8>
    /// The tokens so far, in order, none overlapping another or holding a line feed.
    private(set) var spans: [TokenSpan] = []

    /// An empty list over `code`.
    init(code: UnsafeBufferPointer<UInt8>) {
        self.code = code
    }

    /// Adds a token of `kind` over the bytes `start..<end`, cut at each line feed.
    mutating func add(_ kind: TokenKind, _ start: Int, _ end: Int) {
        // A tokenizer never goes back; if one did, the overlap is dropped rather than written twice.
        assert(start >= (spans.last?.end ?? 0), "a token starts before the one added before it")
        var start = Swift.max(start, spans.last?.end ?? 0)
        let end = Swift.min(end, code.count)
        var position = start
        while position < end {
            if code[position] == 0x0A {
                if position > start { spans.append(TokenSpan(kind: kind, start: start, end: position)) }
                start = position + 1
            }
            position += 1
        }
        if end > start { spans.append(TokenSpan(kind: kind, start: start, end: end)) }
    }

    /// The byte at `position`, or 0 at and after `end`: lookahead that needs no bounds check.
    @inline(__always)
    func byte(_ position: Int, before end: Int) -> UInt8 {
        position < end ? code[position] : 0
    }

    /// The offset of the line feed ending the line `position` is on, or `end` when none does.
    func lineEnd(from position: Int, before end: Int) -> Int {
        var position = position
        while position < end, code[position] != 0x0A { position += 1 }
        return position
    }

    /// The offset after the character starting at `position`: one byte, plus the continuation
    /// bytes of a multi-byte character, so an escape never splits a character.
    func afterCharacter(_ position: Int, before end: Int) -> Int {
        var position = position + 1
        while position < end, code[position] & 0xC0 == 0x80 { position += 1 }
        return Swift.min(position, end)
    }

    /// Whether the bytes `start..<end` spell `word`, compared as they are.
    func bytes(_ start: Int, _ end: Int, equal word: StaticString) -> Bool {
        guard end - start == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for offset in 0..<(end - start) where code[start + offset] != letters[offset] { return false }
        return true
    }

    /// Moves the list out of `list`, leaving an empty one, so a tokenizer can own it while it
    /// works without copying the tokens.
    static func take(_ list: inout TokenList) -> TokenList {
        var taken = TokenList(code: list.code)
        swap(&taken, &list)
        return taken
    }
}
