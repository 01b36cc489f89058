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

    /// A file that is not JSON; the line is given when the parser knows it.
    static func invalidJSON(_ error: JSONValue.SyntaxError, path: String) -> IAMError {
        IAMError(path: path, line: error.line, reason: "The file is not valid JSON.")
    }
}
