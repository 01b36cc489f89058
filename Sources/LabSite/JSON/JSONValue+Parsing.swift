import Foundation

extension JSONValue {
    /// Parses the one JSON value that fills `bytes` (whitespace around it allowed).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var builder = JSONValueBuilder()
        return try JSONScanner.read(bytes, into: &builder)
    }

    /// Parses the one JSON value that fills `bytes`.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try parse(buffer) }
    }

    /// Parses `text` as one JSON value.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in Result { () throws(JSONSyntaxError) in try parse(buffer) } }
        return try result.get()
    }

    /// Parses the one JSON value that fills `data`.
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(JSONSyntaxError) in try parse(raw.assumingMemoryBound(to: UInt8.self)) }
        }
        return try result.get()
    }

    /// Parses the values that fill `bytes` one after another (`{…}\n{…}`), at least one; a file of
    /// one value gives one.
    public static func parseSequence(_ bytes: [UInt8]) throws(JSONSyntaxError) -> [JSONValue] {
        try parseSequence(bytes, omitting: nil)
    }

    /// Parses like ``parseSequence(_:)``, leaving out the members `omission` names.
    package static func parseSequence(
        _ bytes: [UInt8], omitting omission: JSONValueBuilder.Omission?
    ) throws(JSONSyntaxError) -> [JSONValue] {
        var builder = JSONValueBuilder(omitting: omission)
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try JSONScanner.readSequence(buffer, into: &builder)
        }
    }

    /// Parses like ``parse(_:)-([UInt8])``, with the same errors, but leaves out the members
    /// `omission` names, which then cost no memory.
    package static func parse(
        _ bytes: [UInt8], omitting omission: JSONValueBuilder.Omission
    ) throws(JSONSyntaxError) -> JSONValue {
        var builder = JSONValueBuilder(omitting: omission)
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try JSONScanner.read(buffer, into: &builder)
        }
    }
}
