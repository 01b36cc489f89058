import Foundation

/// A parsed JSON document for the small input files of the alarm and IAM sections, keeping
/// booleans, numbers and strings apart so that errors can name what a field actually was.
///
/// CloudTrail logs use their own ordered, faster representation (`TrailJSON`), because trails
/// run to hundreds of megabytes and their records are shown field by field in file order.
package enum JSONValue: Sendable, Equatable, Decodable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// A syntax error, with the line when the parser reports one.
    package struct SyntaxError: Error, Sendable, Equatable {
        /// The 1-based line of the error, when known.
        package var line: Int?
        /// The parser's own description.
        package var detail: String
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses `data`.
    package static func parse(_ data: Data) throws(SyntaxError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            let detail =
                (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                ?? context.debugDescription
            throw SyntaxError(line: line(in: detail), detail: detail)
        } catch {
            throw SyntaxError(line: nil, detail: error.localizedDescription)
        }
    }

    /// Parses `data`, turning a syntax error into the calling area's own error for `path`.
    package static func parse<Failure: Error>(
        _ data: Data, path: String, onError makeError: (SyntaxError, String) -> Failure
    ) throws -> JSONValue {
        do {
            return try parse(data)
        } catch {
            throw makeError(error, path)
        }
    }

    /// The number after "line " in Foundation's "… around line 3, column 5." message.
    private static func line(in message: String) -> Int? {
        guard let range = message.range(of: "line ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
    }

    /// What kind of value this is, for error messages ("a number", "an object").
    package var kindDescription: String {
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
    package var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number(let number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    /// The member `key` of an object, or `nil`.
    package subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// The members of an object, or `nil`.
    package var object: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements of an array, or `nil`.
    package var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text of a string, or `nil`.
    package var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value of a number, or `nil`.
    package var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The value of a boolean, or `nil`.
    package var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}
