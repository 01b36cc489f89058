import LabSite

/// A problem in the CloudWatch input under `content/alarms/`, located at the file (and line when known).
public struct CloudWatchError: LocatedError {
    /// The file, relative to the source folder (`content/alarms/lab-myalarm.json`).
    public var path: String
    /// The 1-based line, when known.
    public var line: Int?
    /// What went wrong, as a full sentence.
    public var reason: String

    /// Creates an error at `path` (and `line`).
    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// A file that is not JSON; the parser's message is kept only when it says where the problem is,
    /// which Foundation on Linux often does not.
    static func invalidJSON(_ error: JSONValue.SyntaxError, path: String) -> CloudWatchError {
        guard let line = error.line else { return CloudWatchError(path: path, reason: "The file is not valid JSON.") }
        let sentence = error.detail.hasSuffix(".") ? error.detail : error.detail + "."
        return CloudWatchError(path: path, line: line, reason: "The file is not valid JSON: \(sentence)")
    }
}
