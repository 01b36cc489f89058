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
}
