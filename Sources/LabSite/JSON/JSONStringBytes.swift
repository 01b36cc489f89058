/// The text of a JSON string as a ``JSONSink`` gets it: UTF-8 bytes with the escapes resolved,
/// valid only during the call.
package struct JSONStringBytes {
    /// The bytes, without quotes.
    package var bytes: UnsafeBufferPointer<UInt8>
    /// Whether the bytes are known to be valid UTF-8 (plain ASCII in a document, or a `String`'s
    /// bytes); when not, a sink must repair them as `String(decoding:as:)` does.
    package var isValidUTF8: Bool
    /// Whether the bytes are the string's own text in the document, with no escapes, and all
    /// printable ASCII (no DEL): text a compact writer copies between its quotes unchanged.
    package var isPlain: Bool

    /// Wraps `bytes`.
    package init(bytes: UnsafeBufferPointer<UInt8>, isValidUTF8: Bool, isPlain: Bool = false) {
        self.bytes = bytes
        self.isValidUTF8 = isValidUTF8
        self.isPlain = isPlain
    }

    /// The text as a `String`, invalid UTF-8 replaced by U+FFFD.
    package var string: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `body` with bytes that are valid UTF-8: these, or their repaired copy.
    @inline(__always)
    package func withValidUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if isValidUTF8 { return body(bytes) }
        var repaired = string
        return repaired.withUTF8(body)
    }

    /// Whether the bytes are exactly `name`'s.
    package func equals(_ name: [UInt8]) -> Bool {
        name.count == bytes.count && name.elementsEqual(bytes)
    }
}
