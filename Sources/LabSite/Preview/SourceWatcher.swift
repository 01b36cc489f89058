import Foundation

/// Notices changes under a source folder's `content/` and `templates/` by polling: it lists the
/// files with their size and modification time and compares two listings. Polling works the
/// same on every system and file system (inotify does not see changes made over some network
/// mounts or inside some containers) and is cheap next to a rebuild.
struct SourceWatcher: Sendable {
    /// A file's size and modification time, in nanoseconds.
    struct Stamp: Sendable, Equatable {
        var size: Int64
        var modified: Int64
    }

    /// The source folder.
    let sourceDirectory: URL

    /// Every file under `content/` and `templates/`, by its path from the source folder
    /// (`content/cloudtrail.md`); hidden files and folders are skipped, as the build skips them.
    func scan() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in ["content", "templates"] {
            walk(sourceDirectory.appendingPathComponent(folder).path, displayPath: folder, into: &stamps)
        }
        return stamps
    }

    /// The paths added, removed or changed between two listings, sorted.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        var changed = Set(old.keys).symmetricDifference(new.keys)
        for (path, stamp) in new where old[path].map({ $0 != stamp }) == true { changed.insert(path) }
        return changed.sorted()
    }

    private func walk(_ path: String, displayPath: String, into stamps: inout [String: Stamp]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            let child = path + "/" + name
            var link = stat()
            guard lstat(child, &link) == 0 else { continue }
            let childDisplay = displayPath + "/" + name
            // Folders reached through a symlink are not walked (the build does not follow them either),
            // which also keeps a symlink loop from recursing forever.
            if (link.st_mode & S_IFMT) == S_IFDIR {
                walk(child, displayPath: childDisplay, into: &stamps)
                continue
            }
            var info = link
            if (link.st_mode & S_IFMT) == S_IFLNK, stat(child, &info) != 0 { continue }
            stamps[childDisplay] = Stamp(size: Int64(info.st_size), modified: Self.modified(info))
        }
    }

    private static func modified(_ info: stat) -> Int64 {
        #if os(Linux)
            Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #else
            Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #endif
    }
}
