import Foundation

extension Array where Element: Sendable {
    /// Transforms every element on all cores, keeping order; each element's error is kept in its
    /// `Result` so that a build can report every failing page at once.
    func parallelMap<Output: Sendable>(
        _ transform: @escaping @Sendable (Element) throws -> Output
    ) async -> [Result<Output, any Error>] {
        let workers = Swift.max(1, Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 2))
        let chunkSize = (count + workers - 1) / Swift.max(workers, 1)
        guard chunkSize > 0 else { return [] }
        return await withTaskGroup(of: (Int, [Result<Output, any Error>]).self) { group in
            for start in stride(from: 0, to: count, by: chunkSize) {
                let chunk = Array(self[start..<Swift.min(start + chunkSize, count)])
                group.addTask {
                    (start, chunk.map { element in Result { try transform(element) } })
                }
            }
            var chunks: [(Int, [Result<Output, any Error>])] = []
            for await chunk in group { chunks.append(chunk) }
            return chunks.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}

extension Array where Element: Sendable {
    /// Transforms every element on all cores without leaving synchronous code (a section's
    /// `load`), keeping order; each element's error is kept in its `Result`.
    package func concurrentMap<Output: Sendable>(
        _ transform: @escaping @Sendable (Element) throws -> Output
    ) -> [Result<Output, any Error>] {
        var results = [Result<Output, any Error>?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: count) { [self] index in
                slots.buffer[index] = Result { try transform(self[index]) }
            }
        }
        return results.map { $0 ?? .failure(CancellationError()) }
    }
}

/// The result slots of ``Swift/Array/concurrentMap(_:)``: each iteration writes only its own
/// slot, so the writes never overlap, which the compiler cannot see through a pointer.
private struct Slots<Value>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Value>
}
