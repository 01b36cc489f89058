/// A site rendered in memory but for its streamed pages, which are rendered as they are written.
struct RenderedSite: Sendable {
    /// Every file but the streamed pages.
    var files: [OutputFile]
    /// Pages rendered batch by batch (one per CloudTrail event).
    var streams: [PageStream]
    /// Renders the streams' batches.
    var streamRenderer: StreamedPageRenderer
    /// Findings that did not fail the build.
    var warnings: [BuildWarning]
    /// Bytes of page text in the search index.
    var searchTextBytes: Int
    /// The digests to keep for the next `labsite build`, when it keeps a cache.
    var buildCache: BuildCache?
    /// Pages taken from a cache rather than rendered.
    var reusedPageCount: Int

    /// How many streamed pages there are.
    var streamedPageCount: Int { streams.reduce(0) { $0 + $1.entries.count } }

    /// Renders every batch on all cores and hands each batch's files to `body` as soon as it is
    /// done (several batches at once), so only the batches in flight are in memory.
    ///
    /// The batches run on ``BlockingWorkers``: `body` writes files, and a thread waiting for the
    /// file system should not keep a core from rendering.
    func forEachStreamedBatch(_ body: @escaping @Sendable ([OutputFile]) throws -> Void) async throws {
        let renderer = streamRenderer
        for stream in streams {
            try await BlockingWorkers.forEach(stream.batchCount) { batch in
                try body(renderer.files(forBatch: batch, of: stream))
            }
        }
    }

    /// Every file, streamed pages included (for `labsite serve` and tests, which keep the site in memory).
    func allFiles() async throws -> [OutputFile] {
        let renderer = streamRenderer
        var output = files
        for stream in streams {
            let results = await Array(0..<stream.batchCount).parallelMap { batch in
                try renderer.files(forBatch: batch, of: stream)
            }
            for result in results { output += try result.get() }
        }
        return output
    }
}
