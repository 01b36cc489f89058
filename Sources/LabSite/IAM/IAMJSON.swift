import Foundation

/// A parsed JSON value that keeps booleans, numbers and strings apart, so errors can say what a
/// field was instead of what it should have been.
enum IAMJSON: Sendable, Equatable, Decodable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([IAMJSON])
    case object([String: IAMJSON])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([IAMJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: IAMJSON].self))
        }
    }

    /// Parses `data`; a syntax error becomes an ``IAMError`` at `path` (with the line when Foundation gives it).
    static func parse(_ data: Data, path: String) throws -> IAMJSON {
        do {
            return try JSONDecoder().decode(IAMJSON.self, from: data)
        } catch let error as DecodingError {
            var detail = ""
            if case .dataCorrupted(let context) = error {
                detail =
                    (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                    ?? context.debugDescription
            }
            throw IAMError(path: path, line: Self.line(in: detail), reason: "The file is not valid JSON.")
        }
    }

    /// The line number in Foundation's "… around line 3, column 5." message.
    private static func line(in detail: String) -> Int? {
        guard let range = detail.range(of: "line ") else { return nil }
        let digits = detail[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }

    /// What kind of value this is, for error messages ("a number", "an object").
    var kindDescription: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .array: "a list"
        case .object: "an object"
        case .null: "null"
        }
    }

    /// The value as text when it is a scalar, the way IAM compares condition values.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number(let number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    subscript(key: String) -> IAMJSON? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}
