import Foundation

/// The sink that writes JSON indented by two spaces as HTML text, as CloudTrail event pages show a
/// record: every string JSON-escaped, then `&`, `<` and `>` escaped for HTML, with no markup.
///
/// The theme's script colours the text in the browser (keys, strings, numbers, literals), as
/// mdBook colours code: the JSON is most of an event page, a trail has a page per event, and
/// highlighting spans made every page much larger. Without scripts the JSON reads the same, in one
/// colour.
package struct JSONHTMLWriter: JSONSink, ~Copyable {
    /// The HTML written so far.
    package var html: HTMLBuffer
    /// How many objects and arrays the writer is inside.
    private var level = 0

    /// A writer with room for `capacity` bytes before it grows.
    package init(capacity: Int) {
        html = HTMLBuffer(capacity: capacity)
    }

    /// The HTML, taking over the buffer's memory.
    package consuming func data() -> Data {
        html.data()
    }

    /// Appends `value`.
    package mutating func write(_ value: JSONValue) {
        value.write(to: &self)
    }

    /// Appends the value at `scanner`, reading it.
    package mutating func write(_ scanner: inout JSONScanner) throws(JSONSyntaxError) {
        try scanner.read(into: &self)
    }

    package mutating func null(at offset: Int) {
        html.append("null")
    }

    package mutating func bool(_ value: Bool, at offset: Int) {
        html.append(value ? "true" : "false")
    }

    package mutating func number(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) {
        // A number's characters never need escaping.
        html.append(text)
    }

    package mutating func string(_ text: JSONStringBytes, at offset: Int) {
        text.withValidUTF8 { appendQuoted($0) }
    }

    /// Whether the object or array has had a member or element yet.
    package typealias Container = Bool

    package mutating func beginObject(at offset: Int) -> Bool {
        html.append("{")
        level += 1
        return false
    }

    package mutating func key(_ text: JSONStringBytes, in object: inout Bool) -> Void? {
        if object { html.append(",") }
        object = true
        newline()
        text.withValidUTF8 { appendQuoted($0) }
        html.append(": ")
        return ()
    }

    package mutating func endObject(_ object: Bool) {
        level -= 1
        if object { newline() }
        html.append("}")
    }

    package mutating func beginArray(at offset: Int) -> Bool {
        html.append("[")
        level += 1
        return false
    }

    package mutating func beginElement(in array: inout Bool) {
        if array { html.append(",") }
        array = true
        newline()
    }

    package mutating func endArray(_ array: Bool) {
        level -= 1
        if array { newline() }
        html.append("]")
    }

    private mutating func newline() {
        html.append(byte: 0x0A)
        html.append(spaces: 2 * level)
    }

    /// Appends the text whose UTF-8 bytes are `bytes` as a JSON string literal escaped for HTML
    /// text, in one pass over its bytes.
    private mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        html.append(byte: UInt8(ascii: "\""))
        // Runs of bytes that need no escaping (most of every string) are copied at once, found
        // eight bytes at a time: every record of every event page goes through here.
        var runStart = 0
        var position = ByteWord.firstIndex(
            in: bytes, from: 0, wordsWith: Self.mayNeedEscape(word:), where: Self.isEscaped)
        while position < bytes.count {
            let byte = bytes[position]
            html.append(UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            switch byte {
            // HTML escapes: the text sits in an element, where quotes need none.
            case UInt8(ascii: "&"): html.append("&amp;")
            case UInt8(ascii: "<"): html.append("&lt;")
            case UInt8(ascii: ">"): html.append("&gt;")
            default: html.append(markup: JSONStringEscapes.escape(byte))
            }
            runStart = position + 1
            position = ByteWord.firstIndex(
                in: bytes, from: runStart, wordsWith: Self.mayNeedEscape(word:), where: Self.isEscaped)
        }
        html.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        html.append(byte: UInt8(ascii: "\""))
    }

    /// Whether ``appendQuoted(_:)`` escapes `byte`.
    @inline(__always)
    static func isEscaped(_ byte: UInt8) -> Bool {
        JSONStringEscapes.isEscaped(byte) || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">")
    }

    /// Whether any of the eight bytes of `word` is one that ``appendQuoted(_:)`` escapes: a
    /// control character, `"`, `\\`, `&`, `<`, `>` or DEL.
    @inline(__always)
    static func mayNeedEscape(word: UInt64) -> Bool {
        ByteWord.holdsByte(below: 0x20, in: word) || ByteWord.holds(0x22, in: word) || ByteWord.holds(0x5C, in: word)
            || ByteWord.holds(0x26, in: word) || ByteWord.holds(0x3C, in: word) || ByteWord.holds(0x3E, in: word)
            || ByteWord.holds(0x7F, in: word)
    }
}
