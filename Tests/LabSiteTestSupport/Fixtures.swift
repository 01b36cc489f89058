import Foundation

/// Locates the committed fixtures in `Tests/Fixtures`, shared by every test target.
package enum Fixtures {
    /// `Tests/Fixtures`.
    package static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// A fixture's location, by its path under `Tests/Fixtures`.
    package static func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    /// A fixture's UTF-8 text, by its path under `Tests/Fixtures`.
    package static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }
}
