/// The sink that writes compact JSON, like `jq -c`: no spaces, every key and element in document
/// order, strings escaped the way `jq` escapes them (so `\u00e9` comes out as `é`).
package struct JSONCompactWriter: JSONSink {
    /// The JSON written so far.
    package var output: [UInt8]
    /// Write `<` as `\u003c`, so a value inside an inline `<script>` cannot close it (`</script>`).
    package var escapesForScript: Bool

    /// A writer appending to `output`.
    package init(escapesForScript: Bool = false, output: [UInt8] = []) {
        self.escapesForScript = escapesForScript
        self.output = output
    }

    /// The compact JSON text of `value`.
    package static func string(_ value: JSONValue, escapesForScript: Bool = false) -> String {
        var writer = JSONCompactWriter(escapesForScript: escapesForScript)
        writer.write(value)
        return String(decoding: writer.output, as: UTF8.self)
    }

    /// Appends `value` to ``output``.
    package mutating func write(_ value: JSONValue) {
        value.write(to: &self)
    }

    /// Appends the value at `scanner`, reading it.
    package mutating func write(_ scanner: inout JSONScanner) throws(JSONSyntaxError) {
        try scanner.read(into: &self)
    }

    /// Appends the value at `scanner` as ``write(_:)-(inout JSONScanner)`` does, with the same
    /// errors, copying its text as it stands when that is already what this writer would write
    /// (``JSONCompactCheck``): checking costs less than writing token by token.
    package mutating func writeCopying(_ scanner: inout JSONScanner) throws(JSONSyntaxError) {
        let start = scanner.index
        var check = JSONCompactCheck(text: scanner.bytes, at: start, escapesForScript: escapesForScript)
        try scanner.read(into: &check)
        let text = UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.index])
        if check.isCompact(endingAt: scanner.index) {
            output.append(contentsOf: text)
        } else {
            // The text was just read without an error, so reading it again gives none.
            try JSONScanner.read(text, into: &self)
        }
    }

    package mutating func null(at offset: Int) {
        output.append(contentsOf: "null".utf8)
    }

    package mutating func bool(_ value: Bool, at offset: Int) {
        output.append(contentsOf: (value ? "true" : "false").utf8)
    }

    package mutating func number(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) {
        output.append(contentsOf: text)
    }

    package mutating func string(_ text: JSONStringBytes, at offset: Int) {
        let escapesForScript = escapesForScript
        text.withValidUTF8 { Self.appendQuoted($0, escapingForScript: escapesForScript, to: &output) }
    }

    /// Whether the object or array has had a member or element yet.
    package typealias Container = Bool

    package mutating func beginObject(at offset: Int) -> Bool {
        output.append(UInt8(ascii: "{"))
        return false
    }

    package mutating func key(_ text: JSONStringBytes, in object: inout Bool) -> Void? {
        if object { output.append(UInt8(ascii: ",")) }
        object = true
        let escapesForScript = escapesForScript
        text.withValidUTF8 { Self.appendQuoted($0, escapingForScript: escapesForScript, to: &output) }
        output.append(UInt8(ascii: ":"))
        return ()
    }

    package mutating func endObject(_ object: Bool) {
        output.append(UInt8(ascii: "}"))
    }

    package mutating func beginArray(at offset: Int) -> Bool {
        output.append(UInt8(ascii: "["))
        return false
    }

    package mutating func beginElement(in array: inout Bool) {
        if array { output.append(UInt8(ascii: ",")) }
        array = true
    }

    package mutating func endArray(_ array: Bool) {
        output.append(UInt8(ascii: "]"))
    }

    /// Appends `text` as a JSON string literal to `buffer`, escaped as this writer escapes strings.
    package func writeString(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { Self.appendQuoted($0, escapingForScript: escapesForScript, to: &buffer) }
    }

    /// Appends `bytes` (valid UTF-8) as a JSON string literal to `buffer`, escaped as the writer escapes strings.
    // Static, so that writing into `output` never copies the writer (and with it `output`).
    static func appendQuoted(
        _ bytes: UnsafeBufferPointer<UInt8>, escapingForScript escapesForScript: Bool, to buffer: inout [UInt8]
    ) {
        buffer.append(UInt8(ascii: "\""))
        var runStart = 0
        for position in 0..<bytes.count {
            let byte = bytes[position]
            guard JSONStringEscapes.isEscaped(byte) || (escapesForScript && byte == UInt8(ascii: "<")) else { continue }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            runStart = position + 1
            let escape = byte == UInt8(ascii: "<") ? #"\u003c"# : JSONStringEscapes.escape(byte)
            buffer.append(contentsOf: escape.utf8)
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        buffer.append(UInt8(ascii: "\""))
    }
}
