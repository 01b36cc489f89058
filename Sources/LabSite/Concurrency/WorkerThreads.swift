import Foundation
import Synchronization

/// Runs independent pieces of work (pages to render, files to read, batches to write) on threads
/// of its own, twice as many as there are cores: the one way labsite spreads work over the cores.
///
/// Swift concurrency runs tasks on one thread per core, and a thread waiting for the file system
/// leaves its core idle: creating files in one folder takes the folder's lock in turn, and reading
/// a page's source waits for the disk. With twice as many threads as cores, another thread works
/// while one waits. Indices are handed out one at a time, so a slow piece does not hold up a
/// whole chunk behind it.
package enum WorkerThreads {
    /// Twice the active processor count.
    package static let defaultThreadCount = ProcessInfo.processInfo.activeProcessorCount * 2

    /// `0..<count` cut into runs of `length` (the last one shorter), for work handed out a run of
    /// neighbouring elements at a time: a run shares what its elements have in common (compiled
    /// shapes, expanded patterns) without a lock, or keeps a batch's memory bounded.
    package static func runs(of count: Int, length: Int) -> [Range<Int>] {
        let length = Swift.max(1, length)
        return stride(from: 0, to: count, by: length).map { $0..<Swift.min($0 + length, count) }
    }

    /// Transforms every element on the worker threads and returns the results in order, blocking the
    /// calling thread; each element's error is kept in its `Result`, so a build can report every
    /// failing page at once.
    package static func map<Element: Sendable, Output: Sendable>(
        _ elements: [Element], threadCount: Int = defaultThreadCount,
        _ transform: @escaping @Sendable (Element) throws -> Output
    ) -> [Result<Output, any Error>] {
        start(elements, threadCount: threadCount, transform).wait()
    }

    /// Starts transforming every element on the worker threads and returns at once, so that the
    /// calling thread can do other work (with the previous batch's results, say) meanwhile.
    package static func start<Element: Sendable, Output: Sendable>(
        _ elements: [Element], threadCount: Int = defaultThreadCount,
        _ transform: @escaping @Sendable (Element) throws -> Output
    ) -> Pending<Output> {
        let results = Results<Output>(count: elements.count)
        let done = DispatchSemaphore(value: 0)
        Run(count: elements.count, threadCount: threadCount, stopsAtFirstError: false).start(
            { index in results.set(index, Result { try transform(elements[index]) }) },
            finished: { done.signal() })
        return Pending(results: results, done: done)
    }

    /// Work that ``start(_:threadCount:_:)`` started.
    package struct Pending<Output: Sendable>: Sendable {
        fileprivate let results: Results<Output>
        fileprivate let done: DispatchSemaphore

        /// Blocks until every element is transformed, and returns the results in order, each
        /// element's error in its `Result`. Called once.
        package func wait() -> [Result<Output, any Error>] {
            done.wait()
            return results.values()
        }

        /// Waits, without holding a Swift concurrency thread, until every element is transformed,
        /// and returns the results as ``wait()`` does. Called once, instead of `wait()`.
        package func value() async -> [Result<Output, any Error>] {
            await withCheckedContinuation { finished in
                DispatchQueue.global().async { finished.resume(returning: wait()) }
            }
        }
    }

    /// Transforms every element on the worker threads without holding a Swift concurrency thread
    /// while they run; the results come in order, each element's error in its `Result`.
    package static func map<Element: Sendable, Output: Sendable>(
        _ elements: [Element], threadCount: Int = defaultThreadCount,
        _ transform: @escaping @Sendable (Element) throws -> Output
    ) async -> [Result<Output, any Error>] {
        let results = Results<Output>(count: elements.count)
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            Run(count: elements.count, threadCount: threadCount, stopsAtFirstError: false).start(
                { index in results.set(index, Result { try transform(elements[index]) }) },
                finished: { finished.resume() })
        }
        return results.values()
    }

    /// Calls `work(i)` for every `i` in `0..<count` and returns when all calls have returned; the
    /// first error thrown (by the lowest `i`) is rethrown, and after an error no new calls start.
    ///
    /// Cancelling the calling task also stops new calls from starting; the calls under way finish,
    /// and then `CancellationError` is thrown.
    package static func forEach(
        _ count: Int, threadCount: Int = defaultThreadCount, _ work: @escaping @Sendable (Int) throws -> Void
    ) async throws {
        let run = Run(count: count, threadCount: threadCount, stopsAtFirstError: true)
        await withTaskCancellationHandler {
            await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
                run.start({ index in try work(index) }, finished: { finished.resume() })
            }
        } onCancel: {
            run.cancel()
        }
        if let error = run.firstError { throw error }
        if run.isCancelled { throw CancellationError() }
    }

    /// One run over `0..<count`: the next index to hand out, the errors so far and whether the
    /// caller was cancelled.
    ///
    /// The next index is a counter that each thread adds one to, with no lock: a large trail makes
    /// a piece of work per event page that takes microseconds (its search entry, say), and threads
    /// that took a lock per piece spent much of their time waiting for it.
    private final class Run: Sendable {
        private let count: Int
        private let threadCount: Int
        private let stopsAtFirstError: Bool
        private let nextIndex = Atomic<Int>(0)
        /// Set when no more pieces may start: on cancelling, or on an error with `stopsAtFirstError`.
        private let stopped = Atomic<Bool>(false)
        private let cancelled = Atomic<Bool>(false)
        private let failures = Mutex<[(Int, any Error)]>([])

        init(count: Int, threadCount: Int, stopsAtFirstError: Bool) {
            self.count = count
            self.threadCount = Swift.max(1, Swift.min(threadCount, count))
            self.stopsAtFirstError = stopsAtFirstError
        }

        /// Starts the threads; `finished` is called once, on the last thread to stop (at once when
        /// there is nothing to do).
        func start(_ work: @escaping @Sendable (Int) throws -> Void, finished: @escaping @Sendable () -> Void) {
            guard count > 0 else { return finished() }
            let remaining = Atomic<Int>(threadCount)
            for _ in 0..<threadCount {
                Thread.detachNewThread { [self] in
                    while let index = next() {
                        do {
                            try work(index)
                        } catch {
                            failures.withLock { $0.append((index, error)) }
                            if stopsAtFirstError { stopped.store(true, ordering: .releasing) }
                        }
                    }
                    if remaining.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { finished() }
                }
            }
        }

        private func next() -> Int? {
            guard !stopped.load(ordering: .acquiring) else { return nil }
            let index = nextIndex.add(1, ordering: .relaxed).oldValue
            return index < count ? index : nil
        }

        func cancel() {
            cancelled.store(true, ordering: .releasing)
            stopped.store(true, ordering: .releasing)
        }

        var isCancelled: Bool {
            cancelled.load(ordering: .acquiring)
        }

        var firstError: (any Error)? {
            failures.withLock { $0.min { $0.0 < $1.0 }?.1 }
        }
    }

    /// The result slots of a ``map(_:threadCount:_:)``: each index is written once, by one thread,
    /// so the writes never overlap, which the compiler cannot see through a pointer; the run's end
    /// (a semaphore or a continuation) orders them before ``values()`` reads them.
    fileprivate final class Results<Value>: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Result<Value, any Error>?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func set(_ index: Int, _ value: Result<Value, any Error>) {
            slots[index] = value
        }

        func values() -> [Result<Value, any Error>] {
            slots.map { $0 ?? .failure(CancellationError()) }
        }
    }
}
