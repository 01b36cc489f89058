import Foundation
import Synchronization
import Testing

@testable import LabSite

@Suite("Worker threads")
struct WorkerThreadsTests {
    @Test("every index runs exactly once, on more threads than there are indices or fewer")
    func everyIndexOnce() async throws {
        for (count, threads) in [(1, 4), (7, 3), (100, 4)] {
            let seen = Mutex<[Int]>([])
            try await WorkerThreads.forEach(count, threadCount: threads) { index in
                seen.withLock { $0.append(index) }
            }
            #expect(seen.withLock { $0.sorted() } == Array(0..<count))
        }
    }

    @Test("runs cover 0..<count in order, each of the given length but the last")
    func runs() {
        #expect(WorkerThreads.runs(of: 10, length: 4) == [0..<4, 4..<8, 8..<10])
        #expect(WorkerThreads.runs(of: 8, length: 4) == [0..<4, 4..<8])
        #expect(WorkerThreads.runs(of: 3, length: 0) == [0..<1, 1..<2, 2..<3])
        #expect(WorkerThreads.runs(of: 0, length: 4).isEmpty)
    }

    @Test("an error is rethrown once the running calls return, and no new calls start")
    func failure() async throws {
        struct Broken: Error, Equatable { var index: Int }
        let started = Atomic<Int>(0)
        let error = await #expect(throws: Broken.self) {
            try await WorkerThreads.forEach(1000, threadCount: 2) { index in
                started.add(1, ordering: .relaxed)
                if index == 3 { throw Broken(index: index) }
                // Without a pause, the other thread could run all 1,000 calls while the failing
                // one was descheduled before recording its error, as a busy CI machine showed.
                usleep(1_000)
            }
        }
        #expect(error == Broken(index: 3))
        #expect(started.load(ordering: .relaxed) < 1000)
    }

    @Test("cancelling the caller stops new calls and throws CancellationError")
    func cancellation() async throws {
        let started = Atomic<Int>(0)
        let cancelled = Atomic<Bool>(false)
        // Each call lasts until the caller is cancelled, so none can finish before, however long the
        // test waits for its turn on a busy machine.
        let task = Task {
            try await WorkerThreads.forEach(1000, threadCount: 2) { _ in
                started.add(1, ordering: .relaxed)
                while !cancelled.load(ordering: .relaxed) { usleep(1_000) }
            }
        }
        while started.load(ordering: .relaxed) == 0 { await Task.yield() }
        task.cancel()
        cancelled.store(true, ordering: .relaxed)
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(started.load(ordering: .relaxed) < 1000)
    }

    @Test("map keeps the order and every element's own error, blocking or awaited")
    func map() async throws {
        struct Odd: Error, Equatable { var value: Int }
        let input = Array(0..<500)
        let transform: @Sendable (Int) throws -> String = { value in
            if value % 2 == 1 { throw Odd(value: value) }
            return "v\(value)"
        }
        let blocking = Self.blockingMap(input, transform)
        let awaited = await WorkerThreads.map(input, threadCount: 3, transform)
        for results in [blocking, awaited] {
            #expect(results.count == 500)
            for (value, result) in zip(input, results) {
                switch result {
                case .success(let text): #expect(value % 2 == 0 && text == "v\(value)")
                case .failure(let error): #expect(error as? Odd == Odd(value: value))
                }
            }
        }
        #expect(await WorkerThreads.map([Int](), { $0 }).isEmpty)
    }

    /// The blocking `map`, which an async caller would not pick over the async one.
    private static func blockingMap(
        _ input: [Int], _ transform: @escaping @Sendable (Int) throws -> String
    ) -> [Result<String, any Error>] {
        WorkerThreads.map(input, threadCount: 3, transform)
    }
}
