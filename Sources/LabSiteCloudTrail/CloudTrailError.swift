import LabSite

/// An error in a CloudTrail log file: unreadable, not gzip, corrupt, too large or not a trail.
public struct CloudTrailError: LocatedError, Equatable {
    /// The file, as given on the command line or relative to the source folder.
    public var path: String
    /// The line in the inflated JSON, for JSON syntax errors.
    public var line: Int?
    /// What went wrong, as a full sentence.
    public var reason: String

    /// Creates an error at `path` (and `line` when known).
    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// An inflate failure of `path`.
    init(path: String, gunzip error: GunzipError) {
        self.init(path: path, reason: error.reason)
    }

    /// A JSON syntax error in `path`.
    init(path: String, json error: JSONSyntaxError) {
        self.init(path: path, line: error.line, reason: error.sentence)
    }
}
