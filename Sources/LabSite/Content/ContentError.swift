import Foundation
import Yams

/// An error in the files under `content/`: a page, its front matter or the site settings.
public struct ContentError: LocatedError {
    /// The file, relative to the source folder.
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

    /// Translates a YAML error into the file's own line numbers.
    init(yaml error: YamlError, path: String, firstLine: Int) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            self.init(
                path: path, line: mark.line + firstLine - 1,
                reason: "The front matter is not valid YAML: \(problem) (column \(mark.column)).")
        default:
            self.init(path: path, line: firstLine, reason: "The front matter is not valid YAML: \(error).")
        }
    }
}
