import Foundation

/// Reads `content/` of a source folder into a ``ContentTree``.
public struct ContentLoader: Sendable {
    /// The source folder holding `content/`.
    public var sourceDirectory: URL

    /// Creates a loader for `sourceDirectory`.
    public init(sourceDirectory: URL) {
        self.sourceDirectory = sourceDirectory
    }

    /// The `content/` folder.
    public var contentDirectory: URL { sourceDirectory.appendingPathComponent("content", isDirectory: true) }

    /// Reads every page and lists every other file; hidden files are skipped.
    public func load() throws -> ContentTree {
        var cache: ContentCache?
        return try load(reusing: &cache)
    }

    /// Like ``load()``, but takes the pages (and settings) whose files have the same size and
    /// modification time as last time from `cache` instead of reading them, and stores this
    /// load's in it; with `nil` every file is read.
    public func load(reusing cache: inout ContentCache?) throws -> ContentTree {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw ContentError(
                path: "content", line: nil,
                reason:
                    "There is no content folder in \(sourceDirectory.path); labsite builds the Markdown pages in SOURCE/content."
            )
        }
        let base = contentDirectory.path + "/"
        let listing = cache?.listing
        let paths = try listing.flatMap { cache?.contentPaths(of: $0) } ?? Self.files(under: contentDirectory)
        var files: [String] = []
        var sources: [(path: String, stamp: ContentCache.Stamp?, reused: ContentCache.Entry?)] = []
        for relativePath in paths {
            guard relativePath == SiteSettings.fileName || relativePath.hasSuffix(".md") else {
                files.append(relativePath)
                continue
            }
            // Stamped before reading, so that a save during the read makes the next load read again.
            let stamp =
                cache == nil
                ? nil : listing?["content/" + relativePath] ?? ContentCache.Stamp(path: base + relativePath)
            sources.append((relativePath, stamp, cache?.entry(relativePath, stamp: stamp)))
        }
        // Reading, splitting front matter and scanning for ids are independent per file.
        let loader = self
        let entries = WorkerThreads.map(sources) { file in try file.reused ?? loader.entry(file.path, in: base) }
        var settings = SiteSettings()
        var pages: [SourcePage] = []
        var stored: [String: (stamp: ContentCache.Stamp, entry: ContentCache.Entry)] = [:]
        for (file, result) in zip(sources, entries) {
            let entry = try result.get()
            if let stamp = file.stamp { stored[file.path] = (stamp, entry) }
            switch entry {
            case .page(let page): pages.append(page)
            case .settings(let parsed): settings = parsed
            }
        }
        cache?.replace(with: stored, filesRead: sources.count { $0.reused == nil })
        return ContentTree(settings: settings, pages: pages, files: files)
    }

    /// `site.yml` or a page, read from its file.
    /// The page or settings in the file at `relativePath` under `base`, the content folder's path
    /// ending in `/` (joined as strings: building a `URL` for each file showed in profiles).
    private func entry(_ relativePath: String, in base: String) throws -> ContentCache.Entry {
        let displayPath = "content/" + relativePath
        guard let data = FileManager.default.contents(atPath: base + relativePath) else {
            throw ContentError(path: displayPath, line: nil, reason: "The file could not be read.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ContentError(path: displayPath, line: nil, reason: "The file is not valid UTF-8 text.")
        }
        if relativePath == SiteSettings.fileName {
            return .settings(try SiteSettings.parse(text, path: displayPath))
        }
        let (frontMatter, body, firstLine) = try FrontMatter.split(text, path: displayPath)
        return .page(
            SourcePage(
                path: relativePath, frontMatter: frontMatter, body: body, bodyFirstLine: firstLine,
                identifierScan: IdentifierScan(data: data, path: displayPath)))
    }

    /// Every regular file under `directory`, as sorted `/`-separated relative paths, without hidden ones.
    static func files(under directory: URL) throws -> [String] {
        if let plain = plainFiles(under: directory.path) { return plain }
        return try resolvedFiles(under: directory)
    }

    /// The files under `path` listed with `readdir` and `fstatat`, or `nil` when the folder holds a
    /// symlink, a special file or a folder that cannot be read: then ``resolvedFiles(under:)``
    /// lists it. In a folder of folders and regular files both give the same list, and this is
    /// far cheaper than `FileManager`'s enumerator with symlink resolution, which a folder of
    /// many thousand files made the slowest part of loading (commit 540ad7f).
    static func plainFiles(under path: String, prefix: String = "") -> [String]? {
        var paths: [String] = []
        var isPlain = true
        let opened = DirectoryEntries.forEach(in: path) { entry in
            var info = stat()
            guard fstatat(entry.folder, entry.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                isPlain = false
                return false
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: paths.append(prefix + entry.name)
            case S_IFDIR:
                guard let nested = plainFiles(under: path + "/" + entry.name, prefix: prefix + entry.name + "/") else {
                    isPlain = false
                    return false
                }
                paths += nested
            default:
                isPlain = false
                return false
            }
            return true
        }
        guard opened && isPlain else { return nil }
        return prefix.isEmpty ? paths.sorted() : paths
    }

    /// Every regular file under `directory`, symlinks resolved, through `FileManager`.
    static func resolvedFiles(under directory: URL) throws -> [String] {
        let base = directory.standardizedFileURL.resolvingSymlinksInPath().path
        guard
            let enumerator = FileManager.default.enumerator(
                at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(base + "/") else { continue }
            paths.append(String(path.dropFirst(base.count + 1)))
        }
        return paths.sorted()
    }
}
