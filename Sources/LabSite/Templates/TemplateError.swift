/// An error in a template of `templates/` (or of the built-in theme).
public struct TemplateError: LocatedError {
    /// The template file.
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
