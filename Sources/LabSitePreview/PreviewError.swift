import LabSite

/// A problem of `labsite serve` itself (as opposed to the site's build errors, which it shows
/// in the terminal and the browser and survives).
public struct PreviewError: LocatedError, Equatable {
    /// The address the server was to listen on, such as `127.0.0.1:8000`.
    public var path: String
    /// Always `nil`: the problem is not in a file.
    public var line: Int?
    /// What went wrong, as a full sentence.
    public var reason: String

    /// Creates an error about `address`.
    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }
}
