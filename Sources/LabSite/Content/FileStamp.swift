import Foundation

/// A file's size and modification time in nanoseconds: what `labsite serve` compares to tell
/// whether a file changed, without reading it.
package struct FileStamp: Sendable, Equatable {
    package var size: Int64
    package var modified: Int64

    /// A stamp with these values.
    package init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    /// The stamp of a file's `stat` information.
    package init(_ info: stat) {
        size = Int64(info.st_size)
        #if os(Linux)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #else
            modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #endif
    }

    /// The stamp of the file at `path` (symlinks followed), or `nil` when it cannot be read.
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}
