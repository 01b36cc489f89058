import Foundation

/// The repository checkout the tests run in: its `content/` and `templates/` are the default site.
package enum Repository {
    package static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
}
