/// One JSON value as a document wrote it: object key order, duplicate keys and number text kept,
/// with the byte offset where it starts, so that a message about it can give its line and column
/// (``JSONPosition``).
///
/// Two values are equal when they hold the same JSON; where they were read does not count, so a
/// parsed value equals one written in code (whose offset is 0).
public struct JSONValue: Sendable, Hashable {
    /// What a value holds.
    public enum Content: Sendable, Hashable {
        case null
        case bool(Bool)
        /// A number exactly as written (`158`, `1.0`, `-2e3`), so output never changes its digits.
        case number(String)
        case string(String)
        case array([JSONValue])
        case object(JSONObject)
    }

    /// What the value holds.
    public var content: Content
    /// The offset in bytes of the value's first byte in its document; 0 for values made in code.
    public var offset: Int

    /// Creates a value holding `content`, read at `offset`.
    public init(_ content: Content, offset: Int = 0) {
        self.content = content
        self.offset = offset
    }

    public static func == (left: JSONValue, right: JSONValue) -> Bool {
        left.content == right.content
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(content)
    }

    /// JSON `null`.
    public static let null = JSONValue(.null)

    /// A boolean.
    public static func bool(_ value: Bool) -> JSONValue { JSONValue(.bool(value)) }

    /// A number written as `text`.
    public static func number(_ text: String) -> JSONValue { JSONValue(.number(text)) }

    /// A string.
    public static func string(_ text: String) -> JSONValue { JSONValue(.string(text)) }

    /// An array.
    public static func array(_ elements: [JSONValue]) -> JSONValue { JSONValue(.array(elements)) }

    /// An object.
    public static func object(_ object: JSONObject) -> JSONValue { JSONValue(.object(object)) }

    /// The text, when this is a string.
    public var stringValue: String? {
        if case .string(let text) = content { return text }
        return nil
    }

    /// The number, when this is a number that a `Double` can hold.
    public var numberValue: Double? {
        if case .number(let text) = content { return Double(text) }
        return nil
    }

    /// The value, when this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let value) = content { return value }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = content { return elements }
        return nil
    }

    /// The object, when this is an object.
    public var objectValue: JSONObject? {
        if case .object(let object) = content { return object }
        return nil
    }

    /// Whether this is JSON `null`.
    public var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    /// Scalars as text (`"x"` → `x`, `158` → `158`, `true` → `true`); `nil` for null, arrays and objects.
    public var scalarText: String? {
        switch content {
        case .string(let text), .number(let text): text
        case .bool(let value): value ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// What kind of value this is, for error messages ("a number", "an object").
    public var kindDescription: String {
        switch content {
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .array: "a list"
        case .object: "an object"
        case .null: "null"
        }
    }

    /// The member `key` of an object (the last, when the key occurs twice); `nil` for other values.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}
