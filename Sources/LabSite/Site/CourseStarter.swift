import Foundation

/// A new course to start from, as `labsite init DIR` writes it: `content/site.yml` with personal
/// values, a home page, one short EC2 lab that uses every kind of syntax labsite reads, a figure,
/// the data folders `alarms/`, `iam/` and `trail/` with a note on what goes in each, and a
/// `.gitignore` for the built site.
///
/// The files are written all at once: into a temporary folder first, which then becomes the
/// course folder in one rename (or, when the folder exists and is empty, whose entries are moved
/// into it), so a failure leaves no half-written course. A folder that holds anything, hidden
/// files included, is refused: nothing is ever overwritten.
public struct CourseStarter: Sendable {
    /// One file of the starter course.
    public struct File: Equatable, Sendable {
        /// The path relative to the course folder, `/`-separated.
        public var path: String
        /// The file's text (UTF-8).
        public var text: String
    }

    /// The course folder to write into.
    public var directory: URL
    /// The folder as errors name it: as the user typed it (`my-course`), or its full path.
    public var shownPath: String

    /// Creates a starter for the course folder `directory`, which need not exist yet; errors name
    /// it `shownPath`, by default its full path.
    public init(directory: URL, shownPath: String? = nil) {
        self.directory = directory
        self.shownPath = shownPath ?? directory.path
    }

    /// The files, in the order they are listed when written.
    public static var files: [File] { starterFiles }

    /// Writes the starter course into ``directory``, creating it (and its parents) when missing.
    ///
    /// - Returns: the paths written, relative to ``directory``, in the order of ``files``.
    /// - Throws: ``SiteError`` naming the folder when it exists and is not empty, is a file, or
    ///   when a file cannot be written (the cause as the system gives it).
    @discardableResult
    public func write() throws -> [String] {
        let fileManager = FileManager.default
        let target = directory.standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else {
                throw failure("This path is a file, not a folder; labsite init writes a new course into a folder.")
            }
            try refuseUnlessEmpty(target)
        }
        let parent = target.deletingLastPathComponent()
        let staging: URL
        do {
            if !exists { try fileManager.createDirectory(at: parent, withIntermediateDirectories: true) }
            // Beside the course folder when it is to be created, so that one rename puts it in place;
            // inside it when it exists, so that its owner, permissions and any open shell stay as they are.
            let name = ".\(target.lastPathComponent).labsite-init-\(UUID().uuidString)"
            staging = (exists ? target : parent).appendingPathComponent(name, isDirectory: true)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw failure("The folder could not be created: \(OutputWriter.cause(of: error)).")
        }
        do {
            for file in Self.files {
                let url = staging.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
            if exists {
                // Checked again: something may have appeared in the folder while the files were written.
                try refuseUnlessEmpty(target, ignoring: staging.lastPathComponent)
                for entry in try fileManager.contentsOfDirectory(atPath: staging.path).sorted() {
                    try Self.move(staging.appendingPathComponent(entry), to: target.appendingPathComponent(entry))
                }
                try fileManager.removeItem(at: staging)
            } else {
                try Self.move(staging, to: target)
            }
        } catch let error as SiteError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw failure("The course could not be written: \(OutputWriter.cause(of: error)).")
        }
        return Self.files.map(\.path)
    }

    /// Throws unless `folder` holds nothing (but `ignoring`, the staging folder inside it).
    private func refuseUnlessEmpty(_ folder: URL, ignoring: String? = nil) throws {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != ignoring }
                .sorted()
        } catch {
            throw failure("The folder could not be read: \(OutputWriter.cause(of: error)).")
        }
        guard let first = entries.first else { return }
        let more = entries.count > 1 ? " and \(entries.count - 1) more" : ""
        throw failure(
            "The folder is not empty (it holds `\(first)`\(more)); labsite init writes a new course only into an "
                + "empty or missing folder, so that it never overwrites a file. Choose a new folder name.")
    }

    /// `rename(2)`: atomic, and for a folder onto a missing or empty one.
    private static func move(_ source: URL, to destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else { throw OutputWriter.OSFailure(code: errno) }
    }

    private func failure(_ reason: String) -> SiteError {
        SiteError(path: shownPath, line: nil, reason: reason)
    }
}
