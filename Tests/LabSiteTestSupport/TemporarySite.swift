import Foundation

/// A source folder in a fresh temporary directory, removed when the test ends.
package struct TemporarySite: ~Copyable {
    package let root: URL

    package init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("labsite-test-\(UUID().uuidString)", isDirectory: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    package var output: URL { root.appendingPathComponent("public", isDirectory: true) }

    package func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    package func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file under `folder` with its bytes, keyed by relative path.
    package static func snapshot(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return files
        }
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            files[String(path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    /// The names in the folder that holds the output, to spot left-over temporary folders.
    package var siblingsOfOutput: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    }
}
