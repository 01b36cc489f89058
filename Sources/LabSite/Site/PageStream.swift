/// Pages a section generates in bulk, such as one page per CloudTrail event.
///
/// A large trail cannot be held in memory as one rendered page per event, so a section
/// hands the builder what every other part of the site needs up front (each page's path, title
/// and summary, for links, search and the sitemap) and a way to render the pages batch by batch.
/// `labsite build` renders the batches on all cores and writes each one as soon as it is done.
public struct PageStream: Sendable {
    /// What the rest of the site knows about a page before it is rendered.
    public struct Entry: Sendable, Equatable {
        /// The output path, e.g. `events/abc.html`.
        public var path: String
        /// The page title, as the search index and the rendered page show it.
        public var title: String
        /// The page's one-line summary, indexed for search; may be empty.
        public var summary: String

        /// Creates an entry.
        public init(path: String, title: String, summary: String) {
            self.path = path
            self.title = title
            self.summary = summary
        }
    }

    /// Every page of the stream, in the order the batches render them.
    public var entries: [Entry]
    /// How many batches there are.
    public var batchCount: Int
    /// Renders one batch; its pages must be entries of ``entries`` with the same title and summary.
    public var renderBatch: @Sendable (Int) throws -> [GeneratedPage]

    /// Creates a stream of `batchCount` batches.
    public init(
        entries: [Entry], batchCount: Int, renderBatch: @escaping @Sendable (Int) throws -> [GeneratedPage]
    ) {
        self.entries = entries
        self.batchCount = batchCount
        self.renderBatch = renderBatch
    }
}
