/// Settings of a ``MarkdownRenderer``.
public struct MarkdownOptions: Sendable {
    /// Whether raw HTML in Markdown reaches the output; off by default (cmark's safe mode).
    public var allowsRawHTML: Bool
    /// Rewrites link and image destinations, for example `cloudtrail.md#step-3` → `cloudtrail.html#step-3`.
    public var linkRewriter: (@Sendable (String) -> String)?

    /// Creates options; raw HTML is off unless asked for.
    public init(allowsRawHTML: Bool = false, linkRewriter: (@Sendable (String) -> String)? = nil) {
        self.allowsRawHTML = allowsRawHTML
        self.linkRewriter = linkRewriter
    }

    /// The options a site build renders its pages with: links to `.md` sources become links to their
    /// `.html` pages. Public so that a program rendering a page alone (the fuzz harness, for one)
    /// renders it exactly as `labsite build` does.
    public static func site(allowsRawHTML: Bool) -> MarkdownOptions {
        MarkdownOptions(allowsRawHTML: allowsRawHTML, linkRewriter: SitePath.rewriteMarkdownLink)
    }
}
