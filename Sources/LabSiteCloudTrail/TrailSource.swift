import Foundation
import LabSite

/// A log file to read: where it is, and the path to name it by in messages and pages.
public struct TrailSource: Sendable, Hashable {
    /// The file on disk.
    public var url: URL
    /// The path shown to people (`content/trail/AWSLogs/…`, or as typed on the command line).
    public var path: String
    /// The file's bytes, already read: standard input, which can be read only once.
    public var bytes: [UInt8]?

    /// Creates a source.
    public init(url: URL, path: String) {
        self.url = url
        self.path = path
    }

    /// Standard input, read to its end now, named `-` as on the command line
    /// (`aws cloudtrail lookup-events | labsite events -`).
    public static func standardInput() -> TrailSource {
        var source = TrailSource(url: URL(fileURLWithPath: "/dev/stdin"), path: "-")
        source.bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        return source
    }
}
