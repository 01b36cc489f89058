import Foundation
import LabSite

/// Each record of a `{"Records":[…]}` file written straight from the file's bytes as its event
/// page's JSON block, with no `TrailJSON` built on the way.
///
/// An event page shows its record as ``TrailHTML/appendJSON(_:to:)`` writes it. Parsing 100,000
/// records into values only to write them out again was a tenth of a site build, so the site
/// writes the blocks from the bytes instead: byte for byte the same text (strings with escapes or
/// non-ASCII text go through the parser, so they come out as their parsed value does), and the
/// same checks, so bytes that are not valid JSON fail as a parse fails.
extension TrailJSONParser {
    /// The JSON block of each record in the `"Records"` array of `bytes` (the last such member, as
    /// ``TrailJSONObject`` reads it), in order.
    static func recordBlocks(_ bytes: [UInt8]) throws(Failure) -> [Data] {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var cursor = TrailJSONCursor(bytes: buffer)
            return try cursor.recordBlocks()
        }
    }
}

extension TrailJSONCursor {
    /// See ``TrailJSONParser/recordBlocks(_:)``.
    mutating func recordBlocks() throws(TrailJSONParser.Failure) -> [Data] {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            throw failure("expected the object of a {\"Records\":[…]} file, found \(describe(index))")
        }
        index += 1
        var blocks: [Data]?
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                try expectKey()
                let keyStart = index
                let key = try parseString()
                try skipColon(afterKeyAt: keyStart)
                if key == "Records" {
                    blocks = try recordsArray()
                } else {
                    try skipValue(depth: 1)
                }
                if try skipSeparator(inObject: true) { break }
            }
        }
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected \(describe(index)) after the JSON value") }
        guard let blocks else { throw failure("the file has no \"Records\" array of objects") }
        return blocks
    }

    /// The blocks of the records in the array at `index`, or `nil` when the value is not an array
    /// of objects (which only matters when it is the last `"Records"`).
    private mutating func recordsArray() throws(TrailJSONParser.Failure) -> [Data]? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else {
            try skipValue(depth: 1)
            return nil
        }
        var blocks: [Data]? = []
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return blocks
        }
        while true {
            skipWhitespace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "{") {
                var html = HTMLBuffer(capacity: 4096)
                html.append(TrailHTML.jsonBlockStart)
                try writeValue(level: 0, depth: 2, to: &html)
                html.append(TrailHTML.jsonBlockEnd)
                blocks?.append(html.data())
            } else {
                try skipValue(depth: 2)
                blocks = nil
            }
            if try skipSeparator(inObject: false) { return blocks }
        }
    }

    /// Writes the value at `index` as `TrailHTML.writeJSON` writes its parsed value, with the
    /// checks and errors of ``parseValue(depth:)``.
    private mutating func writeValue(level: Int, depth: Int, to html: inout HTMLBuffer) throws(TrailJSONParser.Failure)
    {
        guard index < bytes.count else { throw failure("the JSON ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "\""): try writeString(to: &html)
        case UInt8(ascii: "{"), UInt8(ascii: "["): try writeContainer(level: level, depth: depth + 1, to: &html)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            html.append("true")
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            html.append("false")
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            html.append("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            try scanNumber()
            // A number's characters never need escaping.
            html.append(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        default: throw failure("unexpected \(describe(index)) where a value was expected")
        }
    }

    private mutating func writeContainer(level: Int, depth: Int, to html: inout HTMLBuffer)
        throws(TrailJSONParser.Failure)
    {
        guard depth <= TrailJSONParser.maximumDepth else { throw failure("the JSON nests deeper than 512 levels") }
        let isObject = bytes[index] == UInt8(ascii: "{")
        let (open, close): (StaticString, StaticString) = isObject ? ("{", "}") : ("[", "]")
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
            index += 1
            html.append(open)
            html.append(close)
            return
        }
        html.append(open)
        while true {
            skipWhitespace()
            TrailHTML.newline(level: level + 1, to: &html)
            if isObject {
                try expectKey()
                let keyStart = index
                try writeString(to: &html)
                try skipColon(afterKeyAt: keyStart)
                html.append(": ")
            }
            try writeValue(level: level + 1, depth: depth, to: &html)
            if try skipSeparator(inObject: isObject) { break }
            html.append(",")
        }
        TrailHTML.newline(level: level, to: &html)
        html.append(close)
    }

    /// Writes the string at `index`: plain printable ASCII (nearly every string of a trail) as it
    /// is, escaped for HTML; anything else as the parser reads it, so the text is the same.
    private mutating func writeString(to html: inout HTMLBuffer) throws(TrailJSONParser.Failure) {
        let start = index + 1
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                TrailHTML.appendQuoted(utf8: UnsafeBufferPointer(rebasing: bytes[start..<end]), to: &html)
                index = end + 1
                return
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            end += 1
        }
        TrailHTML.appendQuoted(try parseString(), to: &html)
    }
}
