import Foundation
import LabSite

/// Tells `labsite serve` which paths under `content/` and `templates/` changed, as soon as they
/// change, through Linux's inotify: a poll stats every file of the site, which for a large site
/// takes too long to notice a save within the preview benchmark's goal (`Benchmarks/serve`). The polling ``SourceWatcher`` still runs, less often, for file systems
/// whose changes inotify does not see (some network mounts and containers).
///
/// A class, because it owns a file descriptor; only the watch loop uses it, one call at a time.
final class ChangeNotifier: @unchecked Sendable {
    private let descriptor: Int32
    private let sourcePath: String
    /// The folder each watch descriptor watches, by its path from the source folder (`""` for the
    /// source folder itself, `content/guide`, …).
    private var folders: [Int32: String] = [:]

    private static let folderEvents: UInt32 =
        0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800  // modify … move self
    private static let onlyFolder: UInt32 = 0x0100_0000 | 0x0200_0000  // IN_ONLYDIR | IN_DONT_FOLLOW
    private static let overflow: UInt32 = 0x4000
    private static let ignored: UInt32 = 0x8000

    /// Watches the source folder (for `content/` and `templates/` appearing) and every folder of
    /// `content/` and `templates/`; `nil` where inotify is missing or refuses.
    init?(sourceDirectory: URL) {
        #if os(Linux)
            let descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            self.descriptor = descriptor
            sourcePath = sourceDirectory.path
            guard addWatch(displayPath: "") else { return nil }
            for folder in ["content", "templates"] { watch(folder: folder) }
        #else
            return nil
        #endif
    }

    deinit { close(descriptor) }

    /// Watches `displayPath` (a folder's path from the source folder) and its sub-folders, except
    /// hidden ones and those reached through a symlink (the build skips them too).
    func watch(folder displayPath: String) {
        guard addWatch(displayPath: displayPath) else { return }
        var subfolders: [String] = []
        DirectoryEntries.forEach(in: path(of: displayPath)) { entry in
            if Int32(entry.type) == Int32(DT_DIR) || entry.type == 0 {
                subfolders.append(displayPath + "/" + entry.name)
            }
            return true
        }
        // `addWatch` refuses what is not a real folder (IN_ONLYDIR, IN_DONT_FOLLOW).
        for folder in subfolders { watch(folder: folder) }
    }

    /// The paths (from the source folder) that events named since the last call, or `nil` when
    /// the kernel dropped events and the caller must scan everything.
    func changedPaths() -> Set<String>? {
        var paths: Set<String> = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                    (
                        bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                        bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                        Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                offset += 16 + length
                if mask & Self.overflow != 0 { return nil }
                guard let folder = folders[watch] else { continue }
                if mask & Self.ignored != 0 {
                    folders[watch] = nil
                    continue
                }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if name.isEmpty {
                    // The watched folder itself was deleted or moved.
                    if !folder.isEmpty { paths.insert(folder) }
                } else if folder.isEmpty {
                    if name == "content" || name == "templates" { paths.insert(name) }
                } else if !name.hasPrefix(".") {
                    paths.insert(folder + "/" + name)
                }
            }
        }
        return paths
    }

    private func path(of displayPath: String) -> String {
        displayPath.isEmpty ? sourcePath : sourcePath + "/" + displayPath
    }

    @discardableResult
    private func addWatch(displayPath: String) -> Bool {
        #if os(Linux)
            let mask = displayPath.isEmpty ? Self.folderEvents : Self.folderEvents | Self.onlyFolder
            let watch = inotify_add_watch(descriptor, path(of: displayPath), mask)
            guard watch >= 0 else { return false }
            folders[watch] = displayPath
            return true
        #else
            return false
        #endif
    }
}
