import Foundation
import Yams

/// An error in the files under `content/`: a page, its front matter or the site settings.
public struct ContentError: LocatedError, Equatable {
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
    ///
    /// - Parameters:
    ///   - what: what the YAML is, as the sentence's subject (`The front matter`, `The site settings file`).
    ///   - lines: the YAML text's lines, to turn libyaml's line into the file's.
    ///   - firstLine: the file line of the YAML's first line.
    ///   - lastLine: the file's last line an error may name. libyaml reports a problem at the end of
    ///     the input on the line after it, which a file without a final newline does not have.
    init(yaml error: YamlError, path: String, what: String, lines: YAMLLines, firstLine: Int, lastLine: Int) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            let line = lines.fileLine(mark.line) + firstLine - 1
            let place = line > lastLine ? "at the end" : "column \(mark.column)"
            self.init(
                path: path, line: min(line, max(lastLine, firstLine)),
                reason: "\(what) is not valid YAML: \(problem) (\(place)).")
        default:
            self.init(path: path, line: firstLine, reason: "\(what) is not valid YAML: \(error).")
        }
    }

    /// The number of the last line of `text` as an editor shows it: a final newline ends the last
    /// line rather than starting another.
    static func lastLine(of text: String) -> Int {
        let newlines = text.utf8.count(where: { $0 == UInt8(ascii: "\n") })
        return max(1, text.utf8.last == UInt8(ascii: "\n") ? newlines : newlines + 1)
    }
}
