import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Staging folders that outlive their build: removing those of builds that died, and the ones of
/// this process when it is interrupted.
extension OutputWriter {
    /// What the name of a staging folder holds after the output folder's name.
    static let stagingMarker = ".labsite-new-"

    /// Removes the staging folders beside the output folder `name` in `parent` whose builds have
    /// ended without removing them (`kill -9`, a crash, the machine going down); folders of builds
    /// still running, in this process or another, stay.
    static func removeLeftoverStagings(in parent: URL, name: String, using staging: Staging) {
        let prefix = ".\(name)\(stagingMarker)"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        let names = Set(entries)
        for entry in entries where entry.hasPrefix(prefix) {
            let path = parent.appendingPathComponent(entry).path
            if entry.hasSuffix(lockSuffix) {
                // Only a build that has ended can have left its lock free.
                guard let lock = StagingLock.takeOver(path) else { continue }
                let folder = String(entry.dropLast(lockSuffix.count))
                if names.contains(folder) { retire(parent.appendingPathComponent(folder), using: staging) }
                lock.removeFile()
            } else if !names.contains(entry + lockSuffix), !processIsRunning(entry.dropFirst(prefix.count)) {
                // A folder without a lock file was left by a labsite that took no lock; its name
                // starts with the id of the process that wrote it.
                retire(parent.appendingPathComponent(entry), using: staging)
            }
        }
    }

    static let lockSuffix = ".lock"

    /// Moves `folder` out of the way under a retired site's name, so that no other build starts
    /// removing it too, and removes it.
    private static func retire(_ folder: URL, using staging: Staging) {
        let retired = folder.deletingLastPathComponent().appendingPathComponent(
            ".\(staging.destination.lastPathComponent)\(retiredMarker)\(uniqueName())", isDirectory: true)
        guard (try? FileManager.default.moveItem(at: folder, to: retired)) != nil else { return }
        staging.remove(retired)
    }

    /// Whether the process whose id starts `name` (`1234-…`) is running; `true` when the name holds
    /// no id, so that a folder is never removed on a guess.
    private static func processIsRunning(_ name: Substring) -> Bool {
        guard let id = pid_t(name.prefix { $0.isNumber }), id > 0 else { return true }
        return kill(id, 0) == 0 || errno != ESRCH
    }

    /// A name no other staging or retired folder has: this process's id and a random number.
    static func uniqueName() -> String {
        "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Removes the staging folder of every build in this process that has not finished, and ends
    /// the process by `signalNumber` once they are gone: what `labsite build` does on SIGINT and SIGTERM.
    ///
    /// Writing stops first, so that no file written a moment later brings a removed folder back,
    /// and a build that is moving its site into place finishes that move first, so the output
    /// folder is either the old site or the new one, whole.
    public static func discardUnfinishedBuildsAndExit(by signalNumber: Int32) -> Never {
        writes.close()
        unfinished.withLock { stagings in
            for staging in stagings.values { staging.abandon() }
            // The lock is held until the process ends, so no build moves its site into place now.
            // Ended by the signal itself, so that a shell sees an interrupt (and stops a loop) rather
            // than an ordinary failure; dispatch's signal sources keep it blocked, hence the unblock.
            signal(signalNumber, SIG_DFL)
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, signalNumber)
            pthread_sigmask(SIG_UNBLOCK, &signals, nil)
            raise(signalNumber)
        }
        exit(128 + signalNumber)
    }

    /// The staging folders of this process's builds that have neither moved into place nor been
    /// discarded, by path.
    static let unfinished = Mutex<[String: Staging]>([:])

    /// Counts the files being written so that an interrupted build can wait for them to finish and
    /// keep new ones from starting.
    static let writes = WriteGate()

    /// An open/closed gate around each file a staging folder receives.
    final class WriteGate: Sendable {
        private let inFlight = Atomic<Int>(0)
        private let closed = Atomic<Bool>(false)

        /// Runs `write` unless the gate is closed, in which case it throws `CancellationError`.
        func pass<T>(_ write: () throws -> T) throws -> T {
            // Sequentially consistent on both sides: either this sees the gate closed, or `close()`
            // sees this write in flight and waits for it.
            inFlight.add(1, ordering: .sequentiallyConsistent)
            defer { inFlight.subtract(1, ordering: .sequentiallyConsistent) }
            if closed.load(ordering: .sequentiallyConsistent) { throw CancellationError() }
            return try write()
        }

        /// Closes the gate for good and returns once no write is under way.
        func close() {
            closed.store(true, ordering: .sequentiallyConsistent)
            while inFlight.load(ordering: .sequentiallyConsistent) > 0 { sched_yield() }
        }
    }
}
