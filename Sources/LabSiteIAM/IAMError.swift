import Foundation
import LabSite

/// A problem in the IAM section's inputs under `content/iam/`, or in an ```` ```iam-matrix ```` block.
public struct IAMError: LocatedError, Equatable {
    /// The file, relative to the source folder (`content/iam/account-before-step-24.json`).
    public var path: String
    /// The line, when known.
    public var line: Int?
    /// What is wrong, as a full sentence.
    public var reason: String

    /// Creates an error.
    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// A file that is not JSON, at the line, column and cause of the syntax error.
    init(path: String, json error: JSONSyntaxError) {
        self.init(path: path, line: error.line, reason: error.sentence)
    }

    /// The JSON value of a file's `data`, or the error naming `path`, line and cause.
    static func json(_ data: Data, path: String) throws(IAMError) -> JSONValue {
        do {
            return try JSONValue.parse(data)
        } catch {
            throw IAMError(path: path, json: error)
        }
    }
}
