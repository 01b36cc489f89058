import Foundation
import LabSite

/// The record JSON blocks of event pages, every string escaped for HTML; the pages themselves
/// come from the theme's partials.
enum TrailHTML {
    /// Appends `value` as indented JSON in a `pre.trail-json` block, every string escaped for HTML.
    ///
    /// The theme's script colours the block in the browser (keys, strings, numbers, literals),
    /// as mdBook colours code: the block is most of an event page, a trail may have 100,000 of
    /// them, and the highlighting spans were a fifth of each page's bytes, which the build
    /// spent seconds writing. Without scripts the JSON reads the same, in one colour.
    static func appendJSON(_ value: TrailJSON, to html: inout HTMLBuffer) {
        html.append(jsonBlockStart)
        writeJSON(value, level: 0, to: &html)
        html.append(jsonBlockEnd)
    }

    /// ``appendJSON(_:to:)`` of `value` on its own, as an event page takes it.
    static func jsonBlock(_ value: TrailJSON) -> Data {
        var html = HTMLBuffer(capacity: 4096)
        appendJSON(value, to: &html)
        return html.data()
    }

    /// What stands around the JSON of a record block, here and in `TrailJSONParser.recordBlocks`.
    static let jsonBlockStart: StaticString = "<pre class=\"trail-json\"><code>"
    static let jsonBlockEnd: StaticString = "</code></pre>\n"

    private static func writeJSON(_ value: TrailJSON, level: Int, to html: inout HTMLBuffer) {
        switch value {
        case .null: html.append("null")
        case .bool(true): html.append("true")
        case .bool(false): html.append("false")
        case .number(let number): html.append(text: number)
        case .string(let string): appendQuoted(string, to: &html)
        case .array(let elements):
            guard !elements.isEmpty else { return html.append("[]") }
            html.append("[")
            for (position, element) in elements.enumerated() {
                if position > 0 { html.append(",") }
                newline(level: level + 1, to: &html)
                writeJSON(element, level: level + 1, to: &html)
            }
            newline(level: level, to: &html)
            html.append("]")
        case .object(let object):
            guard !object.isEmpty else { return html.append("{}") }
            html.append("{")
            for (position, member) in object.members.enumerated() {
                if position > 0 { html.append(",") }
                newline(level: level + 1, to: &html)
                appendQuoted(member.key, to: &html)
                html.append(": ")
                writeJSON(member.value, level: level + 1, to: &html)
            }
            newline(level: level, to: &html)
            html.append("}")
        }
    }

    static func newline(level: Int, to html: inout HTMLBuffer) {
        html.append(byte: 0x0A)
        html.append(spaces: 2 * level)
    }

    /// `text` as a JSON string literal, escaped for HTML text, in one pass over its bytes.
    static func appendQuoted(_ text: String, to html: inout HTMLBuffer) {
        var text = text
        text.withUTF8 { appendQuoted(utf8: $0, to: &html) }
    }

    /// The text whose UTF-8 bytes are `bytes` as ``appendQuoted(_:to:)`` writes it.
    static func appendQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>, to html: inout HTMLBuffer) {
        html.append(byte: UInt8(ascii: "\""))
        // Runs of bytes that need no escaping (most of every string) are found by a table lookup
        // per byte and copied at once.
        var runStart = 0
        for position in 0..<bytes.count where quotedEscapes[Int(bytes[position])] {
            html.append(UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            runStart = position + 1
            switch bytes[position] {
            // HTML escapes: the text sits in an element, where quotes need none.
            case UInt8(ascii: "&"): html.append("&amp;")
            case UInt8(ascii: "<"): html.append("&lt;")
            case UInt8(ascii: ">"): html.append("&gt;")
            default: html.append(markup: TrailJSONWriter.stringEscapes[Int(bytes[position])] ?? "")
            }
        }
        html.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        html.append(byte: UInt8(ascii: "\""))
    }

    /// The bytes ``appendQuoted(_:to:)`` escapes: JSON's and `&`, `<`, `>`.
    private static let quotedEscapes: [Bool] = (0...255).map { byte in
        TrailJSONWriter.stringEscapes[byte] != nil || [0x26, 0x3C, 0x3E].contains(byte)
    }
}
