import Foundation

/// HTML built as UTF-8 bytes, for pages made by the hundred thousand (one per CloudTrail event):
/// appending a few hundred pieces to raw memory costs a fraction of building a `String` from them,
/// and less than `Array`'s generic `append(contentsOf:)`.
package struct HTMLBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes.
    package init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    /// Appends markup written in the code.
    package mutating func append(_ markup: StaticString) {
        append(markup.utf8Start, count: markup.utf8CodeUnitCount)
    }

    /// Appends markup made elsewhere (already escaped where it holds values).
    package mutating func append(markup: String) {
        var markup = markup
        markup.withUTF8 { append($0) }
    }

    /// Appends markup made elsewhere as UTF-8 bytes.
    package mutating func append(markup: Data) {
        markup.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress { append(base.assumingMemoryBound(to: UInt8.self), count: bytes.count) }
        }
    }

    /// Appends bytes of markup.
    package mutating func append(_ markup: UnsafeBufferPointer<UInt8>) {
        guard let base = markup.baseAddress else { return }
        append(base, count: markup.count)
    }

    /// Appends the bytes of another buffer.
    package mutating func append(_ other: borrowing HTMLBuffer) {
        append(UnsafePointer(other.start), count: other.count)
    }

    /// Appends `text` escaped for HTML text and quoted attribute values, as
    /// ``Swift/String/escapedForHTML`` escapes it.
    package mutating func append(text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            // Runs without any of the five characters (usually the whole text) are copied at once.
            var runStart = 0
            var position = ByteWord.firstIndex(
                in: utf8, from: 0, wordsWith: Self.mayEscape(word:), where: Self.mayEscape)
            while position < utf8.count {
                if let escape = Self.textEscape(base[position]) {
                    append(base + runStart, count: position - runStart)
                    runStart = position + 1
                    append(escape)
                }
                position = ByteWord.firstIndex(
                    in: utf8, from: position + 1, wordsWith: Self.mayEscape(word:), where: Self.mayEscape)
            }
            append(base + runStart, count: utf8.count - runStart)
        }
    }

    /// Whether any of the eight bytes of `word` is one of the five ``textEscape(_:)`` escapes.
    @inline(__always)
    static func mayEscape(word: UInt64) -> Bool {
        // No byte below `?` (letters, Korean): none of the five. Otherwise each of the five is
        // compared with every byte at once.
        guard ByteWord.holdsByte(below: 0x3F, in: word) else { return false }
        return ByteWord.holds(0x22, in: word) || ByteWord.holds(0x26, in: word) || ByteWord.holds(0x27, in: word)
            || ByteWord.holds(0x3C, in: word) || ByteWord.holds(0x3E, in: word)
    }

    /// Whether `byte` is one of the five ``textEscape(_:)`` escapes, by one comparison and one bit
    /// test: all five are below `?`, and most bytes of a text (letters, Korean) are above it.
    @inline(__always)
    static func mayEscape(_ byte: UInt8) -> Bool {
        byte < 64 && (1 << UInt64(byte)) & escapedBytes != 0
    }

    /// A bit for each of `"`, `&`, `'`, `<` and `>`.
    private static let escapedBytes: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    /// How ``append(text:)`` writes `byte`: the entity for `&`, `<`, `>`, `"` and `'`, `nil` for
    /// every other byte, which goes as it is.
    static func textEscape(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }

    /// Appends one byte of markup.
    package mutating func append(byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        start[count] = byte
        count += 1
    }

    /// Appends `count` spaces.
    package mutating func append(spaces: Int) {
        if count + spaces > capacity { grow(toHold: count + spaces) }
        (start + count).initialize(repeating: UInt8(ascii: " "), count: spaces)
        count += spaces
    }

    /// The HTML as text.
    package var string: String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    /// The HTML as `Data`, which takes over the buffer's memory rather than copying it.
    package consuming func data() -> Data {
        let (start, count) = (self.start, self.count)
        discard self
        return Data(bytesNoCopy: start, count: count, deallocator: .custom { pointer, _ in pointer.deallocate() })
    }

    private mutating func append(_ bytes: UnsafePointer<UInt8>, count added: Int) {
        if count + added > capacity { grow(toHold: count + added) }
        (start + count).initialize(from: bytes, count: added)
        count += added
    }

    private mutating func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: start, count: count)
        start.deallocate()
        start = grown
        capacity = newCapacity
    }
}
