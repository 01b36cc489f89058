/// Something worth telling the author that does not stop the build, printed as `path:line: warning: …`.
public struct BuildWarning: Sendable, Equatable {
    /// The file the warning is about.
    public var path: String
    /// The line in that file, when known.
    public var line: Int?
    /// The column in that line, from 1, when known.
    public var column: Int?
    /// What is wrong, as a full sentence.
    public var message: String

    /// Creates a warning.
    public init(path: String, line: Int?, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: warning: message`, without the parts that are not known.
    public var description: String {
        var place = path
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): warning: \(message)"
    }
}
