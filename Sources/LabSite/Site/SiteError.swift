/// An error while putting the site together: a broken link, a step numbering mistake, or a
/// problem writing the output folder.
public struct SiteError: LocatedError {
    /// The file the error is about.
    public var path: String
    /// The line in that file, when known.
    public var line: Int?
    /// What went wrong, as a full sentence.
    public var reason: String

    /// Creates an error at `path:line`.
    public init(path: String, line: Int?, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }
}

/// Several errors found in one build, reported together so an author can fix them in one pass.
public struct BuildErrors: Error, CustomStringConvertible, Sendable {
    /// The errors, in file and line order.
    public var errors: [any LocatedError]

    /// One `path:line: error: reason` line per error.
    public var description: String {
        errors.map { $0.errorDescription ?? $0.reason }.joined(separator: "\n")
    }
}
