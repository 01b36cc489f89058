import LabSite

/// A strict JSON parser (RFC 8259) over UTF-8 bytes into `TrailJSON`, keeping key order and number text.
///
/// Foundation's decoders bridge every value through Objective-C-style objects, which made them the
/// slowest part of reading a large trail; this byte-level parser does not. A UTF-8 byte order mark before the value is skipped, as real logs have one.
public struct TrailJSONParser {
    /// Why the bytes are not valid JSON, and where.
    public struct Failure: Error, Equatable, Sendable {
        /// The 1-based line of the offending byte.
        public var line: Int
        /// The 1-based column (in bytes) of the offending byte.
        public var column: Int
        /// What is wrong, as a sentence fragment without a final period.
        public var message: String
    }

    /// Deeper nesting than this is refused, so hostile input cannot overflow the stack.
    public static let maximumDepth = 512

    /// Parses one JSON value filling all of `bytes` (whitespace around it is allowed).
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> TrailJSON {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var parser = TrailJSONCursor(bytes: buffer)
            return try parser.parseDocument()
        }
    }

    /// Parses `text` as one JSON value.
    public static func parse(_ text: String) throws(Failure) -> TrailJSON {
        try parse(Array(text.utf8))
    }

    /// Members a parse checks but leaves out of the value: those with one of `names` as their key
    /// (written without escapes) in the objects `depth` levels in (1: the outer object's members;
    /// 3: the records' in `{"Records":[{…}]}`).
    struct Omission: Sendable {
        var depth: Int
        var names: [String]
    }

    /// Parses like ``parse(_:)-([UInt8])``, with the same errors, but leaves out the members
    /// `omission` names, which then cost no memory.
    static func parse(_ bytes: [UInt8], omitting omission: Omission) throws(Failure) -> TrailJSON {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var parser = TrailJSONCursor(bytes: buffer)
            parser.omittedDepth = omission.depth
            parser.omittedNames = omission.names.map { Array($0.utf8) }
            return try parser.parseDocument()
        }
    }
}

private let quote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")

/// The parser's position in the bytes, and what it reads there (``TrailJSONParser``; it also writes
/// records straight to HTML, in `TrailJSONParser+RecordBlocks.swift`).
struct TrailJSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var scratch: [UInt8] = []
    let members = ParseStack<TrailJSONObject.Member>()
    let elements = ParseStack<TrailJSON>()
    /// See ``TrailJSONParser/Omission``; no object is that deep by default.
    var omittedDepth = Int.max
    var omittedNames: [[UInt8]] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(TrailJSONParser.Failure) -> TrailJSON {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw failure("the file holds no JSON value (it is empty)") }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected \(describe(index)) after the JSON value") }
        return value
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(TrailJSONParser.Failure) -> TrailJSON {
        guard index < bytes.count else { throw failure("the JSON ends where a value was expected") }
        switch bytes[index] {
        case quote: return .string(try parseString())
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw failure("unexpected \(describe(index)) where a value was expected")
        }
    }

    mutating func parseObject(depth: Int) throws(TrailJSONParser.Failure) -> TrailJSON {
        guard depth <= TrailJSONParser.maximumDepth else { throw failure("the JSON nests deeper than 512 levels") }
        index += 1
        let start = members.count
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(TrailJSONObject())
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == quote else {
                throw failure("expected a quoted key in an object, found \(describe(index))")
            }
            let keyStart = index
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure("expected ':' after the key \"\(key)\", found \(describe(index))")
            }
            index += 1
            skipWhitespace()
            if depth == omittedDepth && isOmitted(keyStart) {
                try skipValue(depth: depth)
            } else {
                let value = try parseValue(depth: depth)
                members.push(TrailJSONObject.Member(key: key, value: value))
            }
            skipWhitespace()
            guard index < bytes.count else { throw failure("the JSON ends inside an object") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(TrailJSONObject(members.pop(from: start)))
            default: throw failure("expected ',' or '}' after an object member, found \(describe(index))")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(TrailJSONParser.Failure) -> TrailJSON {
        guard depth <= TrailJSONParser.maximumDepth else { throw failure("the JSON nests deeper than 512 levels") }
        index += 1
        let start = elements.count
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array([])
        }
        while true {
            skipWhitespace()
            elements.push(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw failure("the JSON ends inside an array") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements.pop(from: start))
            default: throw failure("expected ',' or ']' after an array element, found \(describe(index))")
            }
        }
    }

    mutating func parseString() throws(TrailJSONParser.Failure) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == backslash { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw failure("a control character (\(hex(byte))) appears unescaped inside a string") }
            index += 1
        }
        throw failure("the JSON ends inside a string")
    }

    mutating func parseEscapedString(from start: Int) throws(TrailJSONParser.Failure) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        try scanString(keeping: true)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Reads a string from `index` to past its closing quote, appending its unescaped bytes to
    /// `scratch` when `keeping`, and only checking them when not (``skipString()``).
    mutating func scanString(keeping: Bool) throws(TrailJSONParser.Failure) {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                index += 1
                return
            }
            if byte < 0x20 { throw failure("a control character (\(hex(byte))) appears unescaped inside a string") }
            guard byte == backslash else {
                if keeping { scratch.append(byte) }
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { throw failure("the JSON ends inside a string") }
            let escape = bytes[index + 1]
            index += 2
            let unescaped: UInt8
            switch escape {
            case quote: unescaped = quote
            case backslash: unescaped = backslash
            case UInt8(ascii: "/"): unescaped = UInt8(ascii: "/")
            case UInt8(ascii: "b"): unescaped = 0x08
            case UInt8(ascii: "f"): unescaped = 0x0C
            case UInt8(ascii: "n"): unescaped = 0x0A
            case UInt8(ascii: "r"): unescaped = 0x0D
            case UInt8(ascii: "t"): unescaped = 0x09
            case UInt8(ascii: "u"):
                let scalar = try parseUnicodeEscape()
                if keeping { appendScalar(scalar) }
                continue
            default:
                index -= 1
                throw failure("\(describe(index)) is not a valid escape after a backslash")
            }
            if keeping { scratch.append(unescaped) }
        }
        throw failure("the JSON ends inside a string")
    }

    /// Reads the hex digits after `\u` (and a following low surrogate); lone surrogates become U+FFFD.
    mutating func parseUnicodeEscape() throws(TrailJSONParser.Failure) -> Unicode.Scalar {
        let high = try parseHex4()
        let replacement: Unicode.Scalar = "\u{FFFD}"
        if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == backslash, bytes[index + 1] == UInt8(ascii: "u") else {
                return replacement
            }
            let saved = index
            index += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                index = saved
                return replacement
            }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? replacement
        }
        return Unicode.Scalar(high) ?? replacement
    }

    mutating func parseHex4() throws(TrailJSONParser.Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("the JSON ends inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("\(describe(index)) is not a hex digit in a \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    mutating func appendScalar(_ scalar: Unicode.Scalar) {
        var encoded = [UInt8]()
        UTF8.encode(scalar) { encoded.append($0) }
        scratch.append(contentsOf: encoded)
    }

    /// Whether the key whose opening quote is at `start` is one of ``omittedNames``, as written.
    func isOmitted(_ start: Int) -> Bool {
        let key = UnsafeBufferPointer(rebasing: bytes[(start + 1)...])
        return omittedNames.contains { name in
            name.count < key.count && key[name.count] == quote && name.elementsEqual(key.prefix(name.count))
        }
    }

    /// Checks one value as ``parseValue(depth:)`` does, with the same errors, keeping nothing.
    mutating func skipValue(depth: Int) throws(TrailJSONParser.Failure) {
        guard index < bytes.count else { throw failure("the JSON ends where a value was expected") }
        switch bytes[index] {
        case quote: try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["): try skipContainer(depth: depth + 1)
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        default: throw failure("unexpected \(describe(index)) where a value was expected")
        }
    }

    /// Checks an object or array as ``parseObject(depth:)`` and ``parseArray(depth:)`` do.
    mutating func skipContainer(depth: Int) throws(TrailJSONParser.Failure) {
        guard depth <= TrailJSONParser.maximumDepth else { throw failure("the JSON nests deeper than 512 levels") }
        let isObject = bytes[index] == UInt8(ascii: "{")
        let end = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == end {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            if isObject {
                try expectKey()
                let keyStart = index
                try skipString()
                try skipColon(afterKeyAt: keyStart)
            }
            try skipValue(depth: depth)
            if try skipSeparator(inObject: isObject) { return }
        }
    }

    /// Checks that a key's opening quote is at `index`, with the parser's error.
    mutating func expectKey() throws(TrailJSONParser.Failure) {
        guard index < bytes.count, bytes[index] == quote else {
            throw failure("expected a quoted key in an object, found \(describe(index))")
        }
    }

    /// Moves past the ':' that must follow the key that starts at `keyStart`, and the whitespace
    /// around it, with the parser's error.
    mutating func skipColon(afterKeyAt keyStart: Int) throws(TrailJSONParser.Failure) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            // The message quotes the key, which only an error needs as text.
            let keyEnd = index
            index = keyStart
            let key = try parseString()
            index = keyEnd
            throw failure("expected ':' after the key \"\(key)\", found \(describe(index))")
        }
        index += 1
        skipWhitespace()
    }

    /// Moves past the ',' or the closing bracket after an object member or array element, with the
    /// parser's errors; `true` when it closed the container.
    mutating func skipSeparator(inObject isObject: Bool) throws(TrailJSONParser.Failure) -> Bool {
        skipWhitespace()
        guard index < bytes.count else {
            throw failure(isObject ? "the JSON ends inside an object" : "the JSON ends inside an array")
        }
        switch bytes[index] {
        case UInt8(ascii: ","):
            index += 1
            return false
        case isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"):
            index += 1
            return true
        default:
            throw failure(
                isObject
                    ? "expected ',' or '}' after an object member, found \(describe(index))"
                    : "expected ',' or ']' after an array element, found \(describe(index))")
        }
    }

    /// Checks a string as ``parseString()`` does.
    mutating func skipString() throws(TrailJSONParser.Failure) {
        index += 1
        try scanString(keeping: false)
    }

    mutating func parseNumber() throws(TrailJSONParser.Failure) -> String {
        let start = index
        try scanNumber()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Moves past a number, checking it.
    mutating func scanNumber() throws(TrailJSONParser.Failure) {
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a number needs a digit after '-'") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw failure("a number needs a digit after the decimal point")
            }
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a number needs exponent digits") }
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    mutating func expectLiteral(_ literal: String) throws(TrailJSONParser.Failure) {
        let expected = literal.utf8
        let count = expected.count
        let matches =
            index + count <= bytes.count && zip(bytes[index..<index + count], expected).allSatisfy { $0 == $1 }
        guard matches else { throw failure("unexpected \(describe(index)) where a value was expected") }
        index += count
    }

    func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }

    func describe(_ position: Int) -> String {
        guard position < bytes.count else { return "the end of the file" }
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "the byte \(hex(byte))"
    }

    func failure(_ message: String) -> TrailJSONParser.Failure {
        let position = Swift.min(index, bytes.count)
        var line = 1
        var lineStart = 0
        for offset in 0..<position where bytes[offset] == 0x0A {
            line += 1
            lineStart = offset + 1
        }
        return TrailJSONParser.Failure(line: line, column: position - lineStart + 1, message: message)
    }
}
