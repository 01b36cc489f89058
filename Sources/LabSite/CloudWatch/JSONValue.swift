import Foundation

/// A parsed JSON document, so the decoders can name the exact missing or mistyped field in their errors
/// instead of relaying `DecodingError`'s coding paths.
enum JSONValue: Sendable, Equatable, Decodable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
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
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses `data`; the error's reason keeps the parser's own position ("around line 3, column 5").
    static func parse(_ data: Data, path: String) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            let text = detail ?? context.debugDescription
            return try fail(path: path, line: line(in: text), detail: text)
        } catch {
            return try fail(path: path, line: nil, detail: error.localizedDescription)
        }
    }

    /// Foundation's message is kept only when it says where the problem is; on Linux it often does not.
    private static func fail(path: String, line: Int?, detail: String) throws -> JSONValue {
        guard line != nil else { throw CloudWatchError(path: path, reason: "The file is not valid JSON.") }
        let sentence = detail.hasSuffix(".") ? detail : detail + "."
        throw CloudWatchError(path: path, line: line, reason: "The file is not valid JSON: \(sentence)")
    }

    /// The number after "line " in a parser message.
    private static func line(in message: String) -> Int? {
        guard let range = message.range(of: "line ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }

    /// The members of an object, or `nil`.
    var object: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements of an array, or `nil`.
    var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text of a string, or `nil`.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value of a number, or `nil`.
    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The value of a boolean, or `nil`.
    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}
