/// A site rendered in memory but for its streamed pages, which ``PreparedSite`` renders as they
/// are written.
struct RenderedSite: Sendable {
    /// Every file but the streamed pages and the pages already written through a ``PageSink``.
    var files: [OutputFile]
    /// Pages (and the handout) already written through a ``PageSink``.
    var writtenPages: Int
    /// Findings that did not fail the build.
    var warnings: [BuildWarning]
    /// Size of `assets/search-index.js`.
    var searchIndexBytes: Int
    /// Bytes of page text in the search index.
    var searchTextBytes: Int
    /// Pages taken from a cache rather than rendered.
    var reusedPageCount: Int
}
