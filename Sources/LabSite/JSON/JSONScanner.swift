/// The one reader of JSON text (RFC 8259): a walk of the grammar over UTF-8 bytes that tells a
/// ``JSONSink`` what it reads, with errors that give the line, the column and the cause.
///
/// Foundation's decoders bridge every value through Objective-C-style objects, which made them the
/// slowest part of reading a large trail; this walk reads the bytes in place. A UTF-8 byte order
/// mark before the value is skipped, as real logs have one.
///
/// Besides reading a whole value into a sink (``read(into:)``), a caller can walk an object's
/// members and an array's elements itself (``readMembers(_:)``, ``readElements(_:)``) and choose a
/// sink for each: CloudTrail writes each record of a log file as its event page's JSON this way.
package struct JSONScanner {
    /// Objects and arrays nested deeper than this are refused, so hostile input cannot overflow the stack.
    package static let maximumDepth = 512

    /// The text.
    package let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    package private(set) var index = 0
    /// How many objects and arrays the scanner is inside.
    private var depth = 0
    /// The text of the string being read, when it has escapes.
    private var scratch: [UInt8] = []

    /// A scanner at the start of `bytes`.
    package init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads the one value that fills `bytes` (whitespace around it allowed) with `body`, which gets
    /// the scanner at the value's first byte and must read exactly that value.
    package static func scan<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (inout JSONScanner) throws(JSONSyntaxError) -> Result
    ) throws(JSONSyntaxError) -> Result {
        var scanner = JSONScanner(bytes: bytes)
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { scanner.index = 3 }
        scanner.skipWhitespace()
        guard scanner.index < bytes.count else {
            throw scanner.syntaxError("the file holds no JSON value (it is empty)")
        }
        let result = try body(&scanner)
        scanner.skipWhitespace()
        guard scanner.index == bytes.count else {
            throw scanner.syntaxError("unexpected \(scanner.describe(scanner.index)) after the JSON value")
        }
        return result
    }

    /// Reads the values that fill `bytes` one after another, separated by whitespace or nothing
    /// (`{…}{…}`), into `sink`: what a shell loop appending the pages of a paginated AWS CLI command
    /// to one file writes. At least one value; each keeps its offset in the whole text.
    package static func readSequence<Sink: JSONSink & ~Copyable>(
        _ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink
    ) throws(JSONSyntaxError) -> [Sink.Value] {
        var values: [Sink.Value] = []
        try scanSequence(bytes) { scanner throws(JSONSyntaxError) in values.append(try scanner.read(into: &sink)) }
        return values
    }

    /// Calls `body` with the scanner at the first byte of each of the values that fill `bytes` one
    /// after another (at least one); `body` must read exactly that value.
    package static func scanSequence(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (inout JSONScanner) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        var scanner = JSONScanner(bytes: bytes)
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { scanner.index = 3 }
        scanner.skipWhitespace()
        guard scanner.index < bytes.count else {
            throw scanner.syntaxError("the file holds no JSON value (it is empty)")
        }
        while scanner.index < bytes.count {
            try body(&scanner)
            scanner.skipWhitespace()
        }
    }

    /// The keys of the object that `bytes` start with (after a byte order mark and white space), up
    /// to and including the first for which `stops` is true, the values skipped; empty when the
    /// first value is not an object. Reads no further than that key's value.
    package static func scan(
        firstKeysOf bytes: UnsafeBufferPointer<UInt8>, until stops: (String) -> Bool
    ) throws(JSONSyntaxError) -> [String] {
        var scanner = JSONScanner(bytes: bytes)
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { scanner.index = 3 }
        guard scanner.nextByte() == UInt8(ascii: "{") else { return [] }
        try scanner.enter()
        scanner.index += 1
        var keys: [String] = []
        while scanner.nextByte() == quote {
            let keyOffset = scanner.index
            let key = try scanner.readString(\.string)
            keys.append(key)
            if stops(key) { return keys }
            try scanner.skipColon(afterKeyAt: keyOffset)
            try scanner.skipValue()
            guard scanner.nextByte() == UInt8(ascii: ",") else { break }
            scanner.index += 1
        }
        return keys
    }

    /// Reads the one value that fills `bytes` into `sink`.
    package static func read<Sink: JSONSink & ~Copyable>(
        _ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink
    ) throws(JSONSyntaxError) -> Sink.Value {
        try scan(bytes) { scanner throws(JSONSyntaxError) in try scanner.read(into: &sink) }
    }

    // MARK: - Values

    /// Reads the value at ``index`` into `sink`.
    package mutating func read<Sink: JSONSink & ~Copyable>(into sink: inout Sink) throws(JSONSyntaxError) -> Sink.Value
    {
        guard index < bytes.count else { throw syntaxError("the JSON ends where a value was expected") }
        let offset = index
        switch bytes[index] {
        case quote:
            return try readString { sink.string($0, at: offset) }
        case UInt8(ascii: "{"):
            var object = sink.beginObject(at: offset)
            try walkObject { scanner throws(JSONSyntaxError) in
                let keyOffset = scanner.index
                let key = try scanner.readString { sink.key($0, in: &object) }
                try scanner.skipColon(afterKeyAt: keyOffset)
                if let key {
                    let value = try scanner.read(into: &sink)
                    sink.member(key, value, in: &object)
                } else {
                    try scanner.skipValue()
                }
            }
            return sink.endObject(object)
        case UInt8(ascii: "["):
            var array = sink.beginArray(at: offset)
            try walkArray { scanner throws(JSONSyntaxError) in
                sink.beginElement(in: &array)
                let value = try scanner.read(into: &sink)
                sink.element(value, in: &array)
            }
            return sink.endArray(array)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return sink.bool(true, at: offset)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return sink.bool(false, at: offset)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return sink.null(at: offset)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            return sink.number(UnsafeBufferPointer(rebasing: bytes[offset..<index]), at: offset)
        default:
            throw syntaxError("unexpected \(describe(index)) where a value was expected")
        }
    }

    /// Checks the value at ``index`` as ``read(into:)`` does, with the same errors, keeping nothing.
    package mutating func skipValue() throws(JSONSyntaxError) {
        var skipper = JSONSkipper()
        try read(into: &skipper)
    }

    /// The first byte of the value at ``index`` after any whitespace, or `nil` at the end of the text.
    package mutating func nextByte() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// Reads the object at ``index``, calling `body` with each member's key and the scanner at the
    /// member's value, which `body` must read.
    package mutating func readMembers(
        _ body: (_ key: String, _ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            throw syntaxError("expected an object, found \(describe(index))")
        }
        try walkObject { scanner throws(JSONSyntaxError) in
            let keyOffset = scanner.index
            let key = try scanner.readString(\.string)
            try scanner.skipColon(afterKeyAt: keyOffset)
            try body(key, &scanner)
        }
    }

    /// Reads the array at ``index``, calling `body` with the scanner at each element, which `body` must read.
    package mutating func readElements(
        _ body: (_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else {
            throw syntaxError("expected an array, found \(describe(index))")
        }
        try walkArray(body)
    }

    // MARK: - Objects and arrays

    /// Moves into an object or array, refusing one nested deeper than ``maximumDepth``.
    private mutating func enter() throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else {
            throw syntaxError("the JSON nests deeper than \(Self.maximumDepth) levels")
        }
        depth += 1
    }

    /// Walks the object at ``index``, calling `member` at each key's opening quote; `member` reads
    /// the key, the colon (``skipColon(afterKeyAt:)``) and the value.
    @inline(__always)
    private mutating func walkObject(
        _ member: (inout JSONScanner) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try enter()
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == quote else {
                throw syntaxError("expected a quoted key in an object, found \(describe(index))")
            }
            try member(&self)
            skipWhitespace()
            guard index < bytes.count else { throw syntaxError("the JSON ends inside an object") }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return
            default:
                throw syntaxError("expected ',' or '}' after an object member, found \(describe(index))")
            }
        }
    }

    /// Walks the array at ``index``, calling `element` at each element's first byte.
    @inline(__always)
    private mutating func walkArray(
        _ element: (inout JSONScanner) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try enter()
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            guard index < bytes.count else { throw syntaxError("the JSON ends inside an array") }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return
            default:
                throw syntaxError("expected ',' or ']' after an array element, found \(describe(index))")
            }
        }
    }

    /// Moves past the ':' that must follow the key that starts at `keyStart`, and the whitespace around it.
    private mutating func skipColon(afterKeyAt keyStart: Int) throws(JSONSyntaxError) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            // The message quotes the key, which only an error needs as text.
            let keyEnd = index
            index = keyStart
            let key = try readString(\.string)
            index = keyEnd
            throw syntaxError("expected ':' after the key \"\(key)\", found \(describe(index))")
        }
        index += 1
        skipWhitespace()
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    // MARK: - Strings

    /// Reads the string whose opening quote is at ``index`` and hands its text to `body`.
    @inline(__always)
    private mutating func readString<Result>(
        _ body: (JSONStringBytes) -> Result
    ) throws(JSONSyntaxError) -> Result {
        index += 1
        let start = index
        // Every byte or'ed together: below 0x80 means plain ASCII, which is valid UTF-8; and every
        // byte plus one, which is below 0x80 too when there is no DEL either.
        var (seen, seenNext) = skipStringWords()
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return body(
                    JSONStringBytes(bytes: text, isValidUTF8: seen < 0x80, isPlain: seen | seenNext < 0x80))
            }
            if byte == backslash { return try readEscapedString(from: start, seen: seen, body) }
            if byte < 0x20 { throw unescapedControlCharacter(byte) }
            seen |= byte
            seenNext |= byte &+ 1
            index += 1
        }
        throw syntaxError("the JSON ends inside a string")
    }

    /// Moves past the string bytes at ``index`` eight at a time, as long as a word of them holds no
    /// quote, backslash or control character, and tells what the bytes passed hold as
    /// ``readString(_:)`` keeps it: bytes or'ed together, and bytes plus one or'ed together (each
    /// as 0x80 when some byte had its high bit set).
    ///
    /// Strings are most of a document's bytes, and most of a string's bytes need no look of their
    /// own; a word is tested with a few arithmetic steps instead of a comparison per byte.
    @inline(__always)
    private mutating func skipStringWords() -> (seen: UInt8, seenNext: UInt8) {
        guard let base = bytes.baseAddress else { return (0, 0) }
        let text = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var seen: UInt64 = 0
        var seenNext: UInt64 = 0
        while index &+ 8 <= bytes.count {
            let word = text.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // A byte's high bit is set in `stops` when the byte is a quote (it xors to zero), a
            // backslash, or below 0x20; a byte can be marked only when it or a byte before it is one.
            let quotes = word ^ (ones &* UInt64(quote))
            let backslashes = word ^ (ones &* UInt64(backslash))
            let stops =
                ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
                | ((word &- ones &* 0x20) & ~word)
            if stops & highs != 0 { break }
            seen |= word
            // A byte 0xFF carries into the next one, which only matters when `seen` is marked anyway.
            seenNext |= word &+ ones
            index &+= 8
        }
        return (seen & highs == 0 ? 0 : 0x80, seenNext & highs == 0 ? 0 : 0x80)
    }

    /// Reads on from the first backslash at ``index`` of the string whose text starts at `start`,
    /// resolving escapes into ``scratch``.
    private mutating func readEscapedString<Result>(
        from start: Int, seen: UInt8, _ body: (JSONStringBytes) -> Result
    ) throws(JSONSyntaxError) -> Result {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        var seen = seen
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                index += 1
                return scratch.withUnsafeBufferPointer { body(JSONStringBytes(bytes: $0, isValidUTF8: seen < 0x80)) }
            }
            if byte < 0x20 { throw unescapedControlCharacter(byte) }
            guard byte == backslash else {
                scratch.append(byte)
                seen |= byte
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { throw syntaxError("the JSON ends inside a string") }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case quote: scratch.append(quote)
            case backslash: scratch.append(backslash)
            case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                // The scalar's encoding is valid UTF-8 whatever its bytes.
                UTF8.encode(try readUnicodeEscape()) { scratch.append($0) }
            default:
                index -= 1
                throw syntaxError("\(describe(index)) is not a valid escape after a backslash")
            }
        }
        throw syntaxError("the JSON ends inside a string")
    }

    /// Reads the hex digits after `\u` (and a low surrogate's escape after a high one); a lone
    /// surrogate becomes U+FFFD.
    private mutating func readUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try readHex4()
        let replacement: Unicode.Scalar = "\u{FFFD}"
        if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == backslash, bytes[index + 1] == UInt8(ascii: "u") else {
                return replacement
            }
            let saved = index
            index += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                index = saved
                return replacement
            }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? replacement
        }
        return Unicode.Scalar(high) ?? replacement
    }

    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw syntaxError("the JSON ends inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntaxError("\(describe(index)) is not a hex digit in a \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func unescapedControlCharacter(_ byte: UInt8) -> JSONSyntaxError {
        syntaxError("a control character (\(Self.hex(byte))) appears unescaped inside a string")
    }

    // MARK: - Numbers and literals

    /// Moves past the number at ``index``, checking it.
    private mutating func scanNumber() throws(JSONSyntaxError) {
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw syntaxError("a number needs a digit after '-'")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw syntaxError("a number needs a digit after the decimal point")
            }
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw syntaxError("a number needs exponent digits")
            }
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Moves past `literal` (`true`, `false`, `null`), which must be at ``index``.
    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let expected = literal.utf8Start
        guard index + count <= bytes.count else {
            throw syntaxError("unexpected \(describe(index)) where a value was expected")
        }
        for position in 0..<count where bytes[index + position] != expected[position] {
            throw syntaxError("unexpected \(describe(index)) where a value was expected")
        }
        index += count
    }

    // MARK: - Errors

    /// An error at ``index`` saying `message`.
    package func syntaxError(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: Swift.min(index, bytes.count), in: bytes, message: message)
    }

    /// The byte at `position` for a message: `'x'`, `the byte 0x0A`, `the end of the file`.
    package func describe(_ position: Int) -> String {
        guard position < bytes.count else { return "the end of the file" }
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "the byte \(Self.hex(byte))"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}

private let quote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")
