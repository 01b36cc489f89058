import Foundation

/// The entries of one folder, read with `readdir`: the content listing, the polling watcher and
/// the inotify watcher all walk folders this way, because `FileManager`'s enumerator is far slower
/// on a folder of many thousand files.
package enum DirectoryEntries {
    /// One entry of a folder.
    package struct Entry {
        /// The entry's name within its folder.
        package var name: String
        /// `d_type` as `readdir` reports it (`DT_DIR`, `DT_REG`, …; `DT_UNKNOWN` on some file systems).
        package var type: UInt8
        /// The open folder's descriptor, for `fstatat` relative to it.
        package var folder: Int32
    }

    /// Calls `body` for every entry of the folder at `path` whose name does not start with `.`
    /// (hidden files, `.` and `..`, which the build skips), until `body` returns `false`.
    ///
    /// - Returns: `false` when the folder could not be opened.
    @discardableResult
    package static func forEach(in path: String, _ body: (Entry) -> Bool) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard !name.hasPrefix(".") else { continue }
            guard body(Entry(name: name, type: entry.pointee.d_type, folder: descriptor)) else { break }
        }
        return true
    }
}
