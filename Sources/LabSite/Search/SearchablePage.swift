/// What the search index reads of a page; the site's pages (`BuiltPage`) provide it.
protocol SearchablePage: Sendable {
    /// The page's title, the name a search result shows.
    var title: String { get }
    /// The page's path in the site.
    var url: String { get }
    /// The page's article HTML, cut into sections at its headings.
    var html: String { get }
    /// The one line indexed instead of the text when ``indexesText`` is off.
    var summary: String { get }
    /// Whether the article's text is indexed, or only the title and summary (generated pages).
    var indexesText: Bool { get }
}
