import Foundation
import LabSite

/// What the browser is told about the build: the version of the site being served and, after a
/// failed rebuild, its errors (the last good site stays served meanwhile).
struct PreviewState: Sendable, Equatable, Encodable {
    /// Counts successful builds; a page whose version differs reloads itself.
    var version: Int
    /// The failed build's `path:line: error: …` lines, or `nil` after a successful build.
    var error: String?

    private enum CodingKeys: String, CodingKey { case version, error }

    /// Writes `error` as `null` rather than leaving it out, so the page can clear its overlay.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(error, forKey: .error)
    }

    /// One server-sent event carrying this state as JSON.
    var event: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var json = "{}"
        if let data = try? encoder.encode(self) { json = String(decoding: data, as: UTF8.self) }
        return "event: state\ndata: \(json)\n\n"
    }
}
