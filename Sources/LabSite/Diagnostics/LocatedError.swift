import Foundation

/// An error that points at a place in the user's files, printed as `path:line: error: reason`.
///
/// Every area of labsite has one error type conforming to this protocol, so the command line
/// prints all of them the same way compilers do and editors can jump to the place.
public protocol LocatedError: LocalizedError, Sendable {
    /// The file the error is about, relative to the source folder where possible.
    var path: String { get }
    /// The 1-based line in that file, when known.
    var line: Int? { get }
    /// What went wrong, as a full sentence.
    var reason: String { get }
}

extension LocatedError {
    /// `path:line: error: reason`, or `path: error: reason` when the line is unknown.
    public var errorDescription: String? {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): error: \(reason)"
    }
}
