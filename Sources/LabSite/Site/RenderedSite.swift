/// A site rendered in memory but for its streamed pages, which ``PreparedSite`` renders as they
/// are written.
struct RenderedSite: Sendable {
    /// Every file but the streamed pages.
    var files: [OutputFile]
    /// Findings that did not fail the build.
    var warnings: [BuildWarning]
    /// Bytes of page text in the search index.
    var searchTextBytes: Int
    /// The digests to keep for the next `labsite build`, when it keeps a cache.
    var buildCache: BuildCache?
    /// Pages taken from a cache rather than rendered.
    var reusedPageCount: Int
}
