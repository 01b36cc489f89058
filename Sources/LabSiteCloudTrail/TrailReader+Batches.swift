import LabSite

/// Decoding many files on all cores while keeping memory flat in the number of files.
extension TrailReader {
    /// Reads `sources` in batches on all cores (synchronously, so a section's `load` can use it too), runs `transform` on each decoded file in parallel,
    /// and hands the outputs to `body` in source order, one batch at a time.
    ///
    /// At most two batches of files are in memory at once (one read while `body` takes the other),
    /// so 1,000 files cost no more than 32.
    public func forEachFile<Output: Sendable>(
        in sources: [TrailSource], batchSize: Int = 16,
        transform: @escaping @Sendable (TrailFile) -> Output,
        body: (TrailSource, Result<Output, CloudTrailError>) throws -> Void
    ) rethrows {
        let reader = self
        try forEachSource(
            in: sources, batchSize: batchSize,
            transform: { source in Result { () throws(CloudTrailError) in transform(try reader.read(source)) } },
            body: body)
    }

    /// Runs `transform` on each of `sources` on all cores and hands the outputs to `body` in source
    /// order, in batches as ``forEachFile(in:batchSize:transform:body:)`` does, for a caller that
    /// reads each file its own way (``jsonLines(_:)``).
    public func forEachSource<Output: Sendable>(
        in sources: [TrailSource], batchSize: Int = 16,
        transform: @escaping @Sendable (TrailSource) -> Result<Output, CloudTrailError>,
        body: (TrailSource, Result<Output, CloudTrailError>) throws -> Void
    ) rethrows {
        let batches = WorkerThreads.runs(of: sources.count, length: batchSize).map { Array(sources[$0]) }
        // The next batch is read while the last files of one finish and `body` takes its outputs,
        // so that the cores wait for neither.
        let start = { (batch: [TrailSource]) in WorkerThreads.start(batch) { source in try transform(source).get() } }
        var next = batches.first.map(start)
        for (index, batch) in batches.enumerated() {
            guard let current = next else { break }
            next = index + 1 < batches.count ? start(batches[index + 1]) : nil
            let results = current.wait()
            for (source, result) in zip(batch, results) {
                try body(
                    source,
                    result.mapError { ($0 as? CloudTrailError) ?? CloudTrailError(path: source.path, reason: "\($0)") })
            }
        }
    }
}
