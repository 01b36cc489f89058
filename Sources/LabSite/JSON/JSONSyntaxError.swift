import Foundation

/// Why bytes are not valid JSON (RFC 8259), and where.
///
/// The sections state it as one of their own errors, naming the file: ``sentence`` with ``line``.
public struct JSONSyntaxError: LocalizedError, Equatable, Sendable {
    /// The offset in bytes of the offending byte (the length of the text when the text ends too soon).
    public var offset: Int
    /// The 1-based line of the offending byte.
    public var line: Int
    /// The 1-based column (in bytes) of the offending byte.
    public var column: Int
    /// What is wrong, as a sentence fragment without a final period.
    public var message: String

    /// Creates an error at `offset`, which is at `position`.
    public init(offset: Int, position: JSONPosition, message: String) {
        self.offset = offset
        self.line = position.line
        self.column = position.column
        self.message = message
    }

    /// Creates an error at the byte at `offset` of `bytes`.
    public init(offset: Int, in bytes: some Collection<UInt8>, message: String) {
        self.init(offset: offset, position: JSONPosition(offset: offset, in: bytes), message: message)
    }

    /// How an error about a file says it, the line given apart: `The file is not valid JSON: … (column 6).`
    public var sentence: String {
        "The file is not valid JSON: \(message) (column \(column))."
    }

    /// The error on its own: `Line 2, column 6: expected ':' after the key "b", found '2'.`
    public var errorDescription: String? {
        "Line \(line), column \(column): \(message)."
    }
}
