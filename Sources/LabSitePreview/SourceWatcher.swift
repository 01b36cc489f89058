import Foundation
import LabSite

/// Notices changes under a source folder's `content/` and `templates/` by polling: it lists the
/// files with their size and modification time and compares two listings. Polling works the
/// same on every system and file system (inotify does not see changes made over some network
/// mounts or inside some containers) and is cheap next to a rebuild.
struct SourceWatcher: Sendable {
    /// A file's size and modification time, in nanoseconds.
    typealias Stamp = FileStamp

    /// The source folder.
    let sourceDirectory: URL

    /// The files under `content/` and `templates/` with their stamps, and the folders walked.
    struct Listing: Sendable, Equatable {
        /// Every file, by its path from the source folder (`content/cloudtrail.md`).
        var stamps: [String: Stamp] = [:]
        /// Every folder walked, by its path from the source folder.
        var folders: Set<String> = []
        /// Whether every file is a regular file rather than a symlink or a special file: only then
        /// is the listing the same as the one ``ContentLoader`` makes, which resolves symlinks.
        var isPlain = true
    }

    /// Every file under `content/` and `templates/`, by its path from the source folder
    /// (`content/cloudtrail.md`); hidden files and folders are skipped, as the build skips them.
    func scan() -> [String: Stamp] {
        scanListing().stamps
    }

    /// Like ``scan()``, with the folders and whether the listing is plain.
    func scanListing() -> Listing {
        var listing = Listing()
        for folder in ["content", "templates"] {
            walk(sourceDirectory.appendingPathComponent(folder).path, displayPath: folder, into: &listing)
        }
        return listing
    }

    /// Brings `listing` up to date for the paths a ``ChangeNotifier`` named, looking at those paths
    /// only (and walking the folders among them), and has `notifier` watch new folders.
    func update(_ listing: inout Listing, paths: Set<String>, notifier: ChangeNotifier?) {
        for path in paths.sorted() {
            let components = path.split(separator: "/")
            guard components.first == "content" || components.first == "templates",
                !components.contains(where: { $0.hasPrefix(".") })
            else { continue }
            listing.stamps[path] = nil
            if listing.folders.contains(path) {
                let prefix = path + "/"
                listing.stamps = listing.stamps.filter { !$0.key.hasPrefix(prefix) }
                listing.folders = listing.folders.filter { $0 != path && !$0.hasPrefix(prefix) }
            }
            let fullPath = sourceDirectory.path + "/" + path
            var link = stat()
            guard lstat(fullPath, &link) == 0 else { continue }
            if (link.st_mode & S_IFMT) == S_IFDIR {
                walk(fullPath, displayPath: path, into: &listing)
                notifier?.watch(folder: path)
                continue
            }
            var info = link
            if (link.st_mode & S_IFMT) == S_IFLNK, stat(fullPath, &info) != 0 { continue }
            if (link.st_mode & S_IFMT) != S_IFREG { listing.isPlain = false }
            listing.stamps[path] = Stamp(info)
        }
    }

    /// The paths added, removed or changed between two listings, sorted; when `candidates` (the
    /// paths a ``ChangeNotifier`` named) holds no folder, only those are compared, rather than
    /// every file of a large site.
    static func changes(from old: Listing, to new: Listing, among candidates: Set<String>?) -> [String] {
        guard let candidates, candidates.allSatisfy({ !old.folders.contains($0) && !new.folders.contains($0) })
        else { return changes(from: old.stamps, to: new.stamps) }
        return candidates.filter { old.stamps[$0] != new.stamps[$0] }.sorted()
    }

    /// The paths added, removed or changed between two listings, sorted.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        var changed = Set(old.keys).symmetricDifference(new.keys)
        for (path, stamp) in new where old[path].map({ $0 != stamp }) == true { changed.insert(path) }
        return changed.sorted()
    }

    /// Lists one folder with `readdir` and stamps its entries with `fstatat` relative to it, which
    /// makes no objects per entry and resolves no full paths: a scan visits every file.
    private func walk(_ path: String, displayPath: String, into listing: inout Listing) {
        var subfolders: [(path: String, displayPath: String)] = []
        let opened = DirectoryEntries.forEach(in: path) { entry in
            var link = stat()
            guard fstatat(entry.folder, entry.name, &link, AT_SYMLINK_NOFOLLOW) == 0 else { return true }
            let childDisplay = displayPath + "/" + entry.name
            // Folders reached through a symlink are not walked (the build does not follow them either),
            // which also keeps a symlink loop from recursing forever.
            if (link.st_mode & S_IFMT) == S_IFDIR {
                subfolders.append((path + "/" + entry.name, childDisplay))
                return true
            }
            var info = link
            if (link.st_mode & S_IFMT) == S_IFLNK, fstatat(entry.folder, entry.name, &info, 0) != 0 { return true }
            if (link.st_mode & S_IFMT) != S_IFREG { listing.isPlain = false }
            listing.stamps[childDisplay] = Stamp(info)
            return true
        }
        guard opened else { return }
        listing.folders.insert(displayPath)
        for folder in subfolders { walk(folder.path, displayPath: folder.displayPath, into: &listing) }
    }
}
