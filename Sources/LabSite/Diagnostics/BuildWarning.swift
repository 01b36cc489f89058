/// Something worth telling the author that does not stop the build, printed as `path:line: warning: …`.
public struct BuildWarning: Sendable, Equatable {
    /// The file the warning is about.
    public var path: String
    /// The line in that file, when known.
    public var line: Int?
    /// What is wrong, as a full sentence.
    public var message: String

    /// Creates a warning.
    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: warning: message`.
    public var description: String {
        "\(line.map { "\(path):\($0)" } ?? path): warning: \(message)"
    }
}
