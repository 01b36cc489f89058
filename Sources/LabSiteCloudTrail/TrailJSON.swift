import LabSite

/// A JSON value that keeps everything a log file wrote: object key order, unknown keys, number text.
///
/// CloudTrail records are shown with every field, so the decoder never maps them onto a fixed
/// struct; typed views such as `CloudTrailRecord` read from this value instead.
public enum TrailJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number exactly as written (`158`, `1.0`, `-2e3`), so output never changes its digits.
    case number(String)
    case string(String)
    case array([TrailJSON])
    case object(TrailJSONObject)

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The object, when this is an object.
    public var objectValue: TrailJSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [TrailJSON]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The number as a `Double`, when this is a number or a string holding one.
    public var doubleValue: Double? {
        switch self {
        case .number(let text), .string(let text): return Double(text)
        default: return nil
        }
    }

    /// A boolean written either as JSON `true`/`false` or, as real logs do, as the string `"true"`/`"false"`.
    public var looseBoolValue: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// Scalars as text (`"x"` → `x`, `158` → `158`, `true` → `true`); `nil` for null, arrays and objects.
    public var scalarText: String? {
        switch self {
        case .string(let text), .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// Whether this is JSON `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The member `key` of an object; `nil` for other values.
    public subscript(key: String) -> TrailJSON? {
        objectValue?[key]
    }
}
