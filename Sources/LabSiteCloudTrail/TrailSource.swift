import Foundation
import LabSite

/// A log file to read: where it is, and the path to name it by in messages and pages.
public struct TrailSource: Sendable, Hashable {
    /// The file on disk.
    public var url: URL
    /// The path shown to people (`content/trail/AWSLogs/…`, or as typed on the command line).
    public var path: String

    /// Creates a source.
    public init(url: URL, path: String) {
        self.url = url
        self.path = path
    }
}
