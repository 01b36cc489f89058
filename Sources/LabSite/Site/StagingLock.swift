import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The lock file beside a staging folder (`.public.labsite-new-ID.lock`), held with `flock` for as
/// long as the build writing that folder runs.
///
/// The kernel drops a `flock` when its process ends, however it ends (`kill -9` included), so a lock
/// that another process can take belongs to a build that died, and its staging folder is a
/// leftover; a build running at the same time keeps its lock and its folder.
final class StagingLock: Sendable {
    /// The lock file's path.
    let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Creates the lock file at `path` and locks it, or returns `nil` when `path` exists or another
    /// process got hold of the new file first (the caller tries another name).
    static func create(at path: String) throws -> StagingLock? {
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { return nil }
            throw OutputWriter.OSFailure(code: errno)
        }
        // Between `open` and `flock` a build cleaning up leftovers may find the file unlocked, take
        // it for a dead build's and delete it; the lock must then be on the file still at `path`.
        return locked(descriptor, at: path)
    }

    /// Takes the lock at `path` when the build that held it has ended, or returns `nil` while a
    /// running build holds it (or it is gone).
    static func takeOver(_ path: String) -> StagingLock? {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        return locked(descriptor, at: path)
    }

    /// Deletes the lock file; the lock itself goes when this object does.
    func removeFile() {
        unlink(path)
    }

    private static func locked(_ descriptor: Int32, at path: String) -> StagingLock? {
        var opened = stat()
        var named = stat()
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, fstat(descriptor, &opened) == 0, stat(path, &named) == 0,
            opened.st_ino == named.st_ino, opened.st_dev == named.st_dev
        else {
            close(descriptor)
            return nil
        }
        return StagingLock(path: path, descriptor: descriptor)
    }
}
