import Foundation

/// Writes a site into its output folder all at once: everything goes into a temporary folder
/// beside it, which replaces the old folder only when every file was written. A failed build
/// leaves the old site exactly as it was.
public struct OutputWriter: Sendable {
    /// The output folder, e.g. `SOURCE/public`.
    public var destination: URL

    /// Creates a writer for `destination`.
    public init(destination: URL) {
        self.destination = destination
    }

    /// Writes `files` and swaps them into place.
    public func write(_ files: [OutputFile]) throws {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(name).labsite-new-\(unique)", isDirectory: true)
        let retired = parent.appendingPathComponent(".\(name).labsite-old-\(unique)", isDirectory: true)
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw SiteError(
                path: destination.path, line: nil,
                reason: "The output folder could not be prepared: \(error.localizedDescription)")
        }
        do {
            try writeFiles(files, into: staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        do {
            let hadOldSite = fileManager.fileExists(atPath: destination.path)
            if hadOldSite { try fileManager.moveItem(at: destination, to: retired) }
            do {
                try fileManager.moveItem(at: staging, to: destination)
            } catch {
                if hadOldSite { try? fileManager.moveItem(at: retired, to: destination) }
                throw error
            }
            if hadOldSite { try? fileManager.removeItem(at: retired) }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw SiteError(
                path: destination.path, line: nil,
                reason: "The new site could not be moved into place: \(error.localizedDescription)")
        }
    }

    private func writeFiles(_ files: [OutputFile], into root: URL) throws {
        let fileManager = FileManager.default
        var createdFolders: Set<String> = []
        for file in files {
            let url = root.appendingPathComponent(file.path)
            let folder = url.deletingLastPathComponent()
            do {
                if createdFolders.insert(folder.path).inserted {
                    try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
                }
                switch file.contents {
                case .data(let data): try data.write(to: url)
                case .text(let text): try Data(text.utf8).write(to: url)
                case .copy(let source): try fileManager.copyItem(at: source, to: url)
                }
            } catch {
                throw SiteError(
                    path: destination.appendingPathComponent(file.path).path, line: nil,
                    reason: "The file could not be written: \(error.localizedDescription)")
            }
        }
    }
}
