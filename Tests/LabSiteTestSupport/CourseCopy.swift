import Foundation

/// A copy of the repository's `content/` and `templates/` in a temporary folder, removed at the
/// end, for tests that edit the course and rebuild it.
package struct CourseCopy: ~Copyable {
    /// An edit that left the file as it was, which would make a rebuild test prove nothing.
    package struct UnchangedEdit: Error, CustomStringConvertible {
        package var path: String
        package var description: String { "The edit of \(path) changes nothing." }
    }

    /// The copy's source folder.
    package let root: URL

    /// Copies the course.
    package init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "labsite-incremental-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(
                at: Repository.root.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Rewrites the file at `path` (relative to the copy) with `change`, which must change it.
    package func edit(_ path: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        guard changed != text else { throw UnchangedEdit(path: path) }
        try Data(changed.utf8).write(to: url)
    }

    /// Writes `text` to `path` (relative to the copy).
    package func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }
}
