import LabSite

/// Writes `TrailJSON`s back as JSON text, compact (like `jq -c`) or indented, into a byte buffer.
public struct TrailJSONWriter: Sendable {
    /// Indent nested values by this many spaces; `nil` writes everything on one line with no spaces.
    public var indent: Int?
    /// Write `<` as `\u003c` so a value inside an inline `<script>` cannot close it (`</script>`).
    public var escapesForScript: Bool

    /// Creates a writer; the default is compact output like `jq -c`.
    public init(indent: Int? = nil, escapesForScript: Bool = false) {
        self.indent = indent
        self.escapesForScript = escapesForScript
    }

    /// The JSON text of `value`.
    public func string(_ value: TrailJSON) -> String {
        var buffer: [UInt8] = []
        write(value, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends the JSON text of `value` to `buffer`.
    public func write(_ value: TrailJSON, to buffer: inout [UInt8]) {
        write(value, level: 0, to: &buffer)
    }

    private func write(_ value: TrailJSON, level: Int, to buffer: inout [UInt8]) {
        switch value {
        case .null: buffer.append(contentsOf: "null".utf8)
        case .bool(let flag): buffer.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): buffer.append(contentsOf: text.utf8)
        case .string(let text): writeString(text, to: &buffer)
        case .array(let elements):
            guard !elements.isEmpty else { return buffer.append(contentsOf: "[]".utf8) }
            buffer.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { buffer.append(UInt8(ascii: ",")) }
                newline(level: level + 1, to: &buffer)
                write(element, level: level + 1, to: &buffer)
            }
            newline(level: level, to: &buffer)
            buffer.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.members.isEmpty else { return buffer.append(contentsOf: "{}".utf8) }
            buffer.append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                if position > 0 { buffer.append(UInt8(ascii: ",")) }
                newline(level: level + 1, to: &buffer)
                writeString(member.key, to: &buffer)
                buffer.append(UInt8(ascii: ":"))
                if indent != nil { buffer.append(UInt8(ascii: " ")) }
                write(member.value, level: level + 1, to: &buffer)
            }
            newline(level: level, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        }
    }

    @inline(__always)
    private func newline(level: Int, to buffer: inout [UInt8]) {
        guard let indent else { return }
        buffer.append(0x0A)
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    /// Appends `text` as a JSON string literal.
    func writeString(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for position in 0..<bytes.count {
                let byte = bytes[position]
                let escape =
                    escapesForScript && byte == UInt8(ascii: "<") ? #"\u003c"# : Self.stringEscapes[Int(byte)]
                guard let escape else { continue }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                runStart = position + 1
                buffer.append(contentsOf: escape.utf8)
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// How a byte is written inside a JSON string: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`,
    /// `\u00XX` for the other control characters and DEL, `nil` for a byte written as it is.
    /// Shared with the JSON block of event pages (``TrailHTML``).
    static let stringEscapes: [String?] = (0...255).map { byte -> String? in
        switch byte {
        case 0x22: #"\""#
        case 0x5C: #"\\"#
        case 0x0A: #"\n"#
        case 0x0D: #"\r"#
        case 0x09: #"\t"#
        case 0x08: #"\b"#
        case 0x0C: #"\f"#
        case 0..<0x20, 0x7F: #"\u00"# + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
        default: nil
        }
    }
}
