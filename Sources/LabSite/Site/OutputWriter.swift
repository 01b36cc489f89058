import Foundation

/// Writes a site into its output folder all at once: everything goes into a temporary folder
/// beside it, which replaces the old folder only when every file was written. A failed build
/// leaves the old site exactly as it was.
public struct OutputWriter: Sendable {
    /// The output folder, e.g. `SOURCE/public`.
    public var destination: URL
    /// Whether the replaced site is deleted by a separate `rm` process instead of before
    /// ``Staging/commit()`` returns (`labsite build`).
    ///
    /// Deleting a large site can take longer than building it: on a file system that discards
    /// freed blocks at once (ext4 mounted with `discard` and no journal) it takes many seconds after
    /// a build whose every page changed. The new site is complete and in place by then.
    public var removesOldSiteInBackground: Bool

    /// Creates a writer for `destination`.
    public init(destination: URL, removesOldSiteInBackground: Bool = false) {
        self.destination = destination
        self.removesOldSiteInBackground = removesOldSiteInBackground
    }

    /// Writes `files` and swaps them into place.
    public func write(_ files: [OutputFile]) throws {
        let staging = try stage()
        do {
            try staging.write(files)
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Creates the temporary folder a site is written into before it replaces `destination`.
    ///
    /// Write with ``Staging/write(_:)`` (from several tasks at once if need be), then
    /// ``Staging/commit()``; on any failure ``Staging/discard()`` leaves the old site untouched.
    public func stage() throws -> Staging {
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let staging: Staging
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            staging = try lockedStaging(in: parent, name: name)
        } catch {
            throw notPrepared(error)
        }
        do {
            try FileManager.default.createDirectory(at: staging.root, withIntermediateDirectories: false)
        } catch {
            staging.lock.removeFile()
            throw notPrepared(error)
        }
        Self.unfinished.withLock { $0[staging.root.path] = staging }
        Self.removeLeftoverStagings(in: parent, name: name, using: staging)
        // Sites left by a removal that was cut short (the machine went down) go now.
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for leftover in leftovers where leftover.hasPrefix(".\(name)\(Self.retiredMarker)") {
            staging.remove(parent.appendingPathComponent(leftover, isDirectory: true))
        }
        return staging
    }

    private func notPrepared(_ error: any Error) -> SiteError {
        SiteError(
            path: destination.path, line: nil,
            reason: "The output folder could not be prepared: \(Self.cause(of: error)).")
    }

    /// A staging folder's names, with its lock file created and locked before the folder exists,
    /// so that no other build ever sees the folder unlocked while this one runs.
    private func lockedStaging(in parent: URL, name: String) throws -> Staging {
        for _ in 0..<16 {
            let unique = Self.uniqueName()
            let root = parent.appendingPathComponent(".\(name)\(Self.stagingMarker)\(unique)", isDirectory: true)
            guard let lock = try StagingLock.create(at: root.path + Self.lockSuffix) else { continue }
            return Staging(
                destination: destination, root: root, lock: lock,
                retired: parent.appendingPathComponent(".\(name)\(Self.retiredMarker)\(unique)", isDirectory: true),
                removesInBackground: removesOldSiteInBackground)
        }
        throw OSFailure(code: EEXIST)
    }

    /// The system's words for why a file operation failed (`no space left on device`), or the
    /// error's description when it carries no system error code.
    static func cause(of error: any Error) -> String {
        if let failure = error as? OSFailure { return failure.cause }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return OSFailure(code: Int32(error.code)).cause }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return OSFailure(code: Int32(underlying.code)).cause
        }
        return error.localizedDescription
    }

    /// What the name of a replaced site holds, after the output folder's name.
    static let retiredMarker = ".labsite-old-"

    /// A site being written beside its output folder.
    public struct Staging: Sendable {
        /// The output folder the staged site replaces.
        let destination: URL
        /// The temporary folder the files are written into.
        let root: URL
        /// Held while the build runs, so that other builds leave the folder alone.
        let lock: StagingLock
        /// Where the old site goes while the new one moves into place.
        let retired: URL
        /// Whether ``commit()`` leaves deleting the old site to a separate process.
        let removesInBackground: Bool
        // Kept as text: `URL.path` costs more than writing a small file's bytes.
        private let rootPath: String
        private let destinationPath: String
        /// Whether an old site was there to link unchanged files from when staging began; a first
        /// build skips looking for every event page, none of which can be there.
        private let hasOldSite: Bool

        init(destination: URL, root: URL, lock: StagingLock, retired: URL, removesInBackground: Bool) {
            self.destination = destination
            self.root = root
            self.lock = lock
            self.retired = retired
            self.removesInBackground = removesInBackground
            rootPath = root.path
            destinationPath = destination.path
            hasOldSite = FileManager.default.fileExists(atPath: destinationPath)
        }

        /// Writes `files` under the temporary folder. Several calls may run at once.
        public func write(_ files: [OutputFile]) throws {
            for file in files {
                do {
                    try OutputWriter.writes.pass { try write(file) }
                } catch let error as CancellationError {
                    throw error
                } catch {
                    // The system's words alone, as `PATH: error: no space left on device`.
                    throw SiteError(
                        path: destination.appendingPathComponent(file.path).path, line: nil,
                        reason: OutputWriter.cause(of: error))
                }
            }
        }

        private func write(_ file: OutputFile) throws {
            let path = rootPath + "/" + file.path
            let previous = hasOldSite ? destinationPath + "/" + file.path : nil
            switch file.contents {
            case .data(let data):
                try data.withUnsafeBytes { try Self.write($0, to: path, unlessEqualTo: previous) }
            case .text(let text):
                var text = text
                try text.withUTF8 { try Self.write(UnsafeRawBufferPointer($0), to: path, unlessEqualTo: previous) }
            case .copy(let source):
                let data = try Data(contentsOf: source)
                try data.withUnsafeBytes { try Self.write($0, to: path, unlessEqualTo: previous) }
            }
        }

        /// Moves the written site into place, keeping the old one until the move succeeded.
        public func commit() throws {
            // Under the same lock as an interruption, so that a Ctrl-C finds the old site or the new one.
            try OutputWriter.unfinished.withLock { unfinished in
                unfinished[root.path] = nil
                let fileManager = FileManager.default
                do {
                    let hadOldSite = fileManager.fileExists(atPath: destination.path)
                    if hadOldSite { try fileManager.moveItem(at: destination, to: retired) }
                    do {
                        try fileManager.moveItem(at: root, to: destination)
                    } catch {
                        if hadOldSite { try? fileManager.moveItem(at: retired, to: destination) }
                        throw error
                    }
                    lock.removeFile()
                    if hadOldSite { remove(retired) }
                } catch {
                    removeFolderAndLock()
                    throw SiteError(
                        path: destination.path, line: nil,
                        reason: "The new site could not be moved into place: \(OutputWriter.cause(of: error)).")
                }
            }
        }

        /// Deletes `folder`, by a separate process when ``removesInBackground`` (and it can be
        /// started); returns that process's id, or `nil` when the folder was deleted here.
        @discardableResult
        func remove(_ folder: URL) -> pid_t? {
            if removesInBackground, let process = Self.startRemoving(folder.path) { return process }
            try? FileManager.default.removeItem(at: folder)
            return nil
        }

        /// Starts `rm -rf -- path` in a session of its own, so that it outlives labsite and a
        /// Ctrl-C in the terminal; its output goes to `/dev/null`. Returns its process id.
        private static func startRemoving(_ path: String) -> pid_t? {
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
            guard posix_spawn_file_actions_init(&actions) == 0 else { return nil }
            defer { posix_spawn_file_actions_destroy(&actions) }
            guard posix_spawnattr_init(&attributes) == 0 else { return nil }
            defer { posix_spawnattr_destroy(&attributes) }
            for descriptor: Int32 in 0...2 {
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_RDWR, 0)
            }
            posix_spawnattr_setflags(&attributes, Int16(newSessionFlag))
            let arguments = ["rm", "-rf", "--", path]
            var argv = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var child: pid_t = 0
            return posix_spawn(&child, "/bin/rm", &actions, &attributes, &argv, environ) == 0 ? child : nil
        }

        #if canImport(Glibc)
            // glibc's POSIX_SPAWN_SETSID, which Swift's Glibc module does not export.
            private static let newSessionFlag: Int32 = 0x80
        #else
            private static let newSessionFlag = Int32(POSIX_SPAWN_SETSID)
        #endif

        /// Removes the temporary folder; the output folder stays as it was.
        public func discard() {
            OutputWriter.unfinished.withLock { $0[root.path] = nil }
            removeFolderAndLock()
        }

        private func removeFolderAndLock() {
            try? FileManager.default.removeItem(at: root)
            lock.removeFile()
        }

        /// Removes the folder of a build cut short: by moving it aside and deleting it in the
        /// background when ``removesInBackground``, since the process is about to end.
        func abandon() {
            if removesInBackground, (try? FileManager.default.moveItem(at: root, to: retired)) != nil {
                remove(retired)
            } else {
                try? FileManager.default.removeItem(at: root)
            }
            lock.removeFile()
        }

        /// Writes `bytes` to `path`, or hard-links the old site's file at `previous` (if any) when it
        /// holds exactly these bytes.
        ///
        /// Rebuilding a site mostly rewrites files that did not change. A link costs no new inode, and
        /// creating inodes is what a large rebuild spends most of its time on (on ext4 without a
        /// journal the allocator skips every inode freed in the last seconds, so creating many
        /// files right after deleting as many slows to a crawl). The old folder is removed after the
        /// swap, leaving the linked files with the new site only.
        private static func write(_ bytes: UnsafeRawBufferPointer, to path: String, unlessEqualTo previous: String?)
            throws
        {
            if let previous, holds(bytes, at: previous),
                link(previous, path) == 0 || (errno == ENOENT && linkCreatingParent(previous, path))
            {
                return
            }
            // Plain open/write/close: Foundation's `Data.write` syncs every file to disk, which made
            // writing a large trail's event pages take minutes. The whole folder is swapped in at the end,
            // so a crash mid-build never leaves a half-written site in place either way.
            var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if descriptor < 0 && errno == ENOENT {
                try createParent(of: path)
                descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            }
            guard descriptor >= 0 else { throw OSFailure(code: errno) }
            defer { close(descriptor) }
            var offset = 0
            while offset < bytes.count {
                let start = bytes.baseAddress?.advanced(by: offset)
                #if canImport(Glibc)
                    let written = Glibc.write(descriptor, start, bytes.count - offset)
                #else
                    let written = Darwin.write(descriptor, start, bytes.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OSFailure(code: errno)
                }
                offset += written
            }
        }

        private static func linkCreatingParent(_ previous: String, _ path: String) -> Bool {
            (try? createParent(of: path)) != nil && link(previous, path) == 0
        }

        /// Whether `path` is a regular file (not a symlink) holding exactly `bytes`.
        private static func holds(_ bytes: UnsafeRawBufferPointer, at path: String) -> Bool {
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else {
                return false
            }
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            var existing = [UInt8](repeating: 0, count: bytes.count + 1)
            var filled = 0
            while filled < existing.count {
                let count = existing.withUnsafeMutableBytes { buffer in
                    read(descriptor, buffer.baseAddress?.advanced(by: filled), buffer.count - filled)
                }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                filled += count
            }
            // One byte more than expected was asked for, so a file that grew since `lstat` differs.
            guard filled == bytes.count, let expected = bytes.baseAddress else { return bytes.isEmpty && filled == 0 }
            return existing.withUnsafeBytes { buffer in
                buffer.baseAddress.map { memcmp($0, expected, filled) == 0 } ?? false
            }
        }

        private static func createParent(of path: String) throws {
            let folder = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
    }

    /// A failed system call, described by the system's message.
    struct OSFailure: LocalizedError {
        var code: Int32
        var errorDescription: String? { String(cString: strerror(code)) }
        /// The system's message in lower case, as it reads after `error:` (`no space left on device`).
        var cause: String {
            let message = String(cString: strerror(code))
            return message.prefix(1).lowercased() + message.dropFirst()
        }
    }
}
