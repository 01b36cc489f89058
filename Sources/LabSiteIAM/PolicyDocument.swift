import Foundation
import LabSite

/// An IAM policy document: `{"Version": …, "Statement": […]}`.
public struct PolicyDocument: Sendable, Equatable {
    /// `2012-10-17`, `2008-10-17`, or empty when the document has none.
    public var version: String
    /// The statements in document order; statement numbers on pages count from 1.
    public var statements: [PolicyStatement]
    /// What ``PolicyChecker`` found, with spans in the file the document was read from; empty
    /// when the document was not read from a file.
    public var findings: [PolicyFinding] = []
    /// The byte range of the document in its file (for a URL-encoded document, of the string).
    public var sourceSpan: Range<Int>?

    /// Creates a document.
    public init(version: String, statements: [PolicyStatement]) {
        self.version = version
        self.statements = statements
    }

    /// Parses a document given as JSON text, or as the URL-encoded text the IAM API returns.
    ///
    /// - Parameters:
    ///   - text: `{"Version":…}` or `%7B%22Version%22…`.
    ///   - path: the file, for errors.
    ///   - name: how errors name the policy (`the policy AWSCloudTrail_FullAccess`).
    public static func parse(text: String, path: String, name: String) throws -> PolicyDocument {
        try parse(json: try decodedJSON(text, path: path, name: name), path: path, name: name)
    }

    /// Parses the document `value` of a file whose bytes are `source`, and checks it: an object in
    /// place, or a string holding the document as JSON or URL-encoded JSON, whose findings then
    /// all point at the string.
    static func parse(value: JSONValue, source: [UInt8], path: String, name: String) throws -> PolicyDocument {
        let span = value.offset..<JSONTextSpan.end(ofValueAt: value.offset, in: source)
        var document: PolicyDocument
        if let text = value.stringValue {
            // Offsets inside an escaped or URL-encoded string do not map onto the file, so every
            // finding points at the whole string; its path still names the element.
            let (json, bytes) = try decoded(text, path: path, name: name)
            document = try parse(json: json, path: path, name: name)
            document.findings = PolicyChecker().check(json, in: bytes).map {
                var moved = $0
                moved.span = span
                return moved
            }
        } else {
            document = try parse(json: value, path: path, name: name)
            document.findings = PolicyChecker().check(value, in: source)
        }
        document.sourceSpan = span
        return document
    }

    /// The JSON value of a document string, URL-decoding it first when it is not JSON as it stands.
    static func decodedJSON(_ text: String, path: String, name: String) throws -> JSONValue {
        try decoded(text, path: path, name: name).value
    }

    /// ``decodedJSON(_:path:name:)`` with the text the value's offsets index.
    static func decoded(_ text: String, path: String, name: String) throws -> (value: JSONValue, bytes: [UInt8]) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var json = trimmed
        if !trimmed.hasPrefix("{") {
            // The API percent-encodes documents (RFC 3986); some tools also write spaces as `+`.
            guard let decoded = trimmed.replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                decoded.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{")
            else {
                throw IAMError(
                    path: path,
                    reason: "The document of \(name) is neither a JSON object nor a URL-encoded JSON object.")
            }
            json = decoded
        }
        do {
            let bytes = Array(json.utf8)
            return (try JSONValue.parse(bytes), bytes)
        } catch {
            throw IAMError(path: path, reason: "The document of \(name) is not valid JSON.")
        }
    }

    /// Builds a document from parsed JSON; `name` is how errors name the policy.
    static func parse(json: JSONValue, path: String, name: String) throws -> PolicyDocument {
        guard let fields = json.objectValue else {
            throw IAMError(path: path, reason: "The document of \(name) is \(json.kindDescription), not an object.")
        }
        var version = ""
        if let value = fields["Version"] {
            guard let text = value.stringValue else {
                throw IAMError(
                    path: path, reason: "The Version of \(name) is \(value.kindDescription); it must be a string.")
            }
            version = text
        }
        let statementValues: [JSONValue]
        switch fields["Statement"]?.content {
        case .array(let values): statementValues = values
        case .object: statementValues = fields["Statement"].map { [$0] } ?? []
        case nil: throw IAMError(path: path, reason: "The document of \(name) has no Statement.")
        case .some:
            let other = fields["Statement"] ?? .null
            throw IAMError(
                path: path,
                reason:
                    "The Statement of \(name) is \(other.kindDescription); it must be an object or a list of objects.")
        }
        var statements: [PolicyStatement] = []
        for (index, value) in statementValues.enumerated() {
            statements.append(
                try PolicyStatement.parse(json: value, path: path, place: "Statement \(index + 1) of \(name)"))
        }
        return PolicyDocument(version: version, statements: statements)
    }
}
