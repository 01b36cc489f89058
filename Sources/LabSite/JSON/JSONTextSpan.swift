/// Where a value read by ``JSONScanner`` ends, and where the key before it starts, found again in
/// the text it was read from: ``JSONValue`` keeps only each value's first byte, which is all a
/// trail needs, while the IAM policy checker points at whole values and keys.
///
/// The text must be the one the value was read from, so it is valid JSON at those offsets.
package enum JSONTextSpan {
    /// The offset just past the value starting at `start`.
    package static func end(ofValueAt start: Int, in bytes: [UInt8]) -> Int {
        guard start >= 0 && start < bytes.count else { return min(max(start, 0), bytes.count) }
        var index = start
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return endOfString(at: index, in: bytes)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index = endOfString(at: index, in: bytes)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default: break
                }
                index += 1
            }
            return bytes.count
        default:
            // A number or a literal runs to the next delimiter.
            while index < bytes.count && !",}] \t\r\n".utf8.contains(bytes[index]) { index += 1 }
            return index
        }
    }

    /// The span of the key of the object member whose value starts at `valueStart`, quotes
    /// included; `nil` when the value is not a member's (an array entry, the root).
    package static func key(beforeValueAt valueStart: Int, in bytes: [UInt8]) -> Range<Int>? {
        var index = valueStart - 1
        func skipWhitespace() {
            while index >= 0 && " \t\r\n".utf8.contains(bytes[index]) { index -= 1 }
        }
        skipWhitespace()
        guard index >= 0 && bytes[index] == UInt8(ascii: ":") else { return nil }
        index -= 1
        skipWhitespace()
        guard index >= 0 && bytes[index] == UInt8(ascii: "\"") else { return nil }
        let end = index + 1
        index -= 1
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "\"") {
                // A quote preceded by an odd number of backslashes is escaped.
                var backslashes = 0
                var before = index - 1
                while before >= 0 && bytes[before] == UInt8(ascii: "\\") {
                    backslashes += 1
                    before -= 1
                }
                if backslashes % 2 == 0 { return index..<end }
            }
            index -= 1
        }
        return nil
    }

    private static func endOfString(at start: Int, in bytes: [UInt8]) -> Int {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return bytes.count
    }
}
