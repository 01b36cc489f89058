/// The sink that tells whether a value's text is already exactly what ``JSONCompactWriter`` writes
/// for it, so that the text can be copied as it stands instead of written token by token.
///
/// CloudTrail delivers its log files as compact JSON, so copying a record's bytes gives the writer's
/// output at a fraction of the cost. The check follows where each token must start when the text
/// is compact (``cursor``): any whitespace, or a string the writer would escape differently (`\/`,
/// `\u00e9`, a DEL, text that is not valid UTF-8), moves a token away from there or differs from
/// the writer's quoted text, and the value is then written instead.
package struct JSONCompactCheck: JSONSink {
    /// The text the scanner reads.
    private let text: UnsafeBufferPointer<UInt8>
    /// Whether the writer escapes `<` (``JSONCompactWriter/escapesForScript``).
    private let escapesForScript: Bool
    /// Where the next token starts when the text read so far is compact.
    private var cursor: Int
    /// Whether every token so far was where and as the writer would write it.
    private var matches = true
    /// The writer's quoted text of a string that is not plain, compared with the document's.
    private var quoted: [UInt8] = []

    /// A check of the value that starts at `start` in `text`.
    package init(text: UnsafeBufferPointer<UInt8>, at start: Int, escapesForScript: Bool = false) {
        self.text = text
        self.escapesForScript = escapesForScript
        cursor = start
    }

    /// Whether the text up to `end`, where the scanner stopped after the value, is the writer's output.
    package func isCompact(endingAt end: Int) -> Bool {
        matches && cursor == end
    }

    /// Moves past a token of `length` bytes that must start at `offset`.
    @inline(__always)
    private mutating func token(at offset: Int, length: Int) {
        matches = matches && offset == cursor
        cursor = offset + length
    }

    /// Moves past a string, quotes included, whose opening quote must be at ``cursor``.
    @inline(__always)
    private mutating func quotedText(_ string: JSONStringBytes) {
        guard matches else { return }
        // Plain text at its place in the document is copied unchanged between the quotes.
        if string.isPlain && !escapesForScript, string.bytes.baseAddress == text.baseAddress.map({ $0 + cursor + 1 }) {
            cursor += string.bytes.count + 2
            return
        }
        quoted.removeAll(keepingCapacity: true)
        let escapesForScript = escapesForScript
        string.withValidUTF8 {
            JSONCompactWriter.appendQuoted($0, escapingForScript: escapesForScript, to: &quoted)
        }
        let end = cursor + quoted.count
        matches = end <= text.count && quoted.elementsEqual(UnsafeBufferPointer(rebasing: text[cursor..<end]))
        cursor = end
    }

    package mutating func null(at offset: Int) {
        token(at: offset, length: 4)
    }

    package mutating func bool(_ value: Bool, at offset: Int) {
        token(at: offset, length: value ? 4 : 5)
    }

    package mutating func number(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) {
        token(at: offset, length: text.count)
    }

    package mutating func string(_ text: JSONStringBytes, at offset: Int) {
        matches = matches && offset == cursor
        quotedText(text)
    }

    /// Whether the object or array has had a member or element yet.
    package typealias Container = Bool

    package mutating func beginObject(at offset: Int) -> Bool {
        token(at: offset, length: 1)
        return false
    }

    package mutating func key(_ text: JSONStringBytes, in object: inout Bool) -> Void? {
        // The comma before the key, and the colon after it, are where the next token's place says.
        if object { cursor += 1 }
        object = true
        quotedText(text)
        cursor += 1
        return ()
    }

    package mutating func endObject(_ object: Bool) {
        cursor += 1
    }

    package mutating func beginArray(at offset: Int) -> Bool {
        token(at: offset, length: 1)
        return false
    }

    package mutating func beginElement(in array: inout Bool) {
        if array { cursor += 1 }
        array = true
    }

    package mutating func endArray(_ array: Bool) {
        cursor += 1
    }
}
