/// A Markdown page read from `content/`, split into front matter and body.
public struct SourcePage: Sendable, Equatable {
    /// The path under `content/`, with `/` separators, e.g. `cloudtrail.md`.
    public var path: String
    /// The parsed front matter.
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// The line of the file on which `body` starts.
    public var bodyFirstLine: Int
    /// The AWS ids and account numbers in the whole file, front matter included, found while it was
    /// read, so that the revealing-id check need not read the page again.
    public var identifierScan: IdentifierScan

    /// Creates a page.
    public init(
        path: String, frontMatter: FrontMatter, body: String, bodyFirstLine: Int,
        identifierScan: IdentifierScan = IdentifierScan()
    ) {
        self.identifierScan = identifierScan
        self.path = path
        self.frontMatter = frontMatter
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }

    /// The path of the HTML file written for this page, e.g. `cloudtrail.html`.
    public var outputPath: String {
        String(path.dropLast(".md".count)) + ".html"
    }
}
