import Foundation

/// An error while rendering Markdown, located at a file and line.
public struct MarkdownError: LocatedError, Equatable {
    /// The source file.
    public var path: String
    /// The line in the source file.
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
