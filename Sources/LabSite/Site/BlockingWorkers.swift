import Foundation
import Synchronization

/// Threads of their own for work that spends much of its time blocked in the kernel, such as
/// writing 100,000 event pages into one folder.
///
/// Swift concurrency runs tasks on one thread per core, and a thread waiting for the file system
/// leaves its core idle: creating files in the same folder takes the folder's lock in turn, so a
/// first build of a large trail kept the machine only two-thirds busy. With twice as many threads
/// as cores, another thread renders while one waits.
enum BlockingWorkers {
    /// Calls `work(i)` for every `i` in `0..<count` on `threadCount` threads and returns when all
    /// calls have returned; the first error thrown (by the lowest `i`) is rethrown, and after an
    /// error no new calls start.
    ///
    /// Cancelling the calling task also stops new calls from starting; the calls under way finish,
    /// and then `CancellationError` is thrown.
    static func forEach(
        _ count: Int, threadCount: Int = ProcessInfo.processInfo.activeProcessorCount * 2,
        _ work: @escaping @Sendable (Int) throws -> Void
    ) async throws {
        guard count > 0 else { return }
        let state = State()
        let threads = Swift.max(1, Swift.min(threadCount, count))
        await withTaskCancellationHandler {
            await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
                let remaining = Atomic<Int>(threads)
                for _ in 0..<threads {
                    Thread.detachNewThread {
                        while let index = state.next(below: count) {
                            do {
                                try work(index)
                            } catch {
                                state.fail(index, error)
                            }
                        }
                        if remaining.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { finished.resume() }
                    }
                }
            }
        } onCancel: {
            state.cancel()
        }
        if let error = state.firstError { throw error }
        if state.isCancelled { throw CancellationError() }
    }

    /// The next index to hand out, the errors so far and whether the caller was cancelled.
    private final class State: Sendable {
        private let progress = Mutex<(next: Int, failed: [(Int, any Error)], cancelled: Bool)>((0, [], false))

        func next(below count: Int) -> Int? {
            progress.withLock { progress in
                guard progress.failed.isEmpty, !progress.cancelled, progress.next < count else { return nil }
                defer { progress.next += 1 }
                return progress.next
            }
        }

        func cancel() {
            progress.withLock { $0.cancelled = true }
        }

        var isCancelled: Bool {
            progress.withLock { $0.cancelled }
        }

        func fail(_ index: Int, _ error: any Error) {
            progress.withLock { $0.failed.append((index, error)) }
        }

        var firstError: (any Error)? {
            progress.withLock { $0.failed.min { $0.0 < $1.0 }?.1 }
        }
    }
}
