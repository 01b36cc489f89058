/// Everything read from a source folder's `content/`.
public struct ContentTree: Sendable, Equatable {
    /// `content/site.yml`, or the defaults.
    public var settings: SiteSettings
    /// The Markdown pages, sorted by path.
    public var pages: [SourcePage]
    /// Other files (images, downloads, trail logs), as paths under `content/`, sorted; copied as they are.
    public var files: [String]

    /// Creates a content tree.
    public init(settings: SiteSettings, pages: [SourcePage], files: [String]) {
        self.settings = settings
        self.pages = pages
        self.files = files
    }
}
