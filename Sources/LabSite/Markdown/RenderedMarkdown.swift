/// The HTML of one Markdown document and what the site needs to know about it.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The document's HTML.
    public var html: String
    /// Every heading, in document order, with the id it was given.
    public var headings: [Heading]
    /// Every link and image destination as written, with its source line, for link checking.
    public var links: [MarkdownLink]
    /// What the author should fix but that does not stop the build: an image without alt text, say.
    public var warnings: [BuildWarning]

    /// Creates a rendered document.
    public init(html: String, headings: [Heading], links: [MarkdownLink], warnings: [BuildWarning] = []) {
        self.html = html
        self.headings = headings
        self.links = links
        self.warnings = warnings
    }
}

/// A link or image destination found in Markdown.
public struct MarkdownLink: Sendable, Equatable {
    /// The destination as the author wrote it.
    public var destination: String
    /// The line of the source file where it appears.
    public var line: Int

    /// Creates a link record.
    public init(destination: String, line: Int) {
        self.destination = destination
        self.line = line
    }
}
