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

    /// A file that is not JSON, at the line, column and cause of the syntax error.
    init(path: String, json error: JSONSyntaxError) {
        self.init(path: path, line: error.line, reason: error.sentence)
    }
}
