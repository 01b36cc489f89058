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

/// The errors one build found, reported together so an author can fix them in one pass.
public struct BuildErrors: Error, CustomStringConvertible, Sendable {
    /// The first errors, in file and line order (at most ``ErrorTally/listedCount``).
    public var errors: [any LocatedError]
    /// How many errors the build found, listed or not.
    public var count: Int

    /// The errors of `tally`.
    public init(_ tally: ErrorTally) {
        errors = tally.listed
        count = tally.count
    }

    /// One `path:line: error: reason` line for each listed error, then `…and N more errors.` when
    /// the build found more.
    public var reportLines: [String] {
        var lines = errors.map { $0.errorDescription ?? $0.reason }
        let more = count - errors.count
        if more > 0 { lines.append("…and \(more) more \(more == 1 ? "error" : "errors").") }
        return lines
    }

    /// The ``reportLines``, one per line.
    public var description: String {
        reportLines.joined(separator: "\n")
    }
}
