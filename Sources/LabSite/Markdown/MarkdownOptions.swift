import Foundation

/// Settings of a ``MarkdownRenderer``.
public struct MarkdownOptions: Sendable {
    /// Whether raw HTML in Markdown reaches the output; off by default (cmark's safe mode).
    public var allowsRawHTML: Bool
    /// Rewrites link and image destinations, for example `cloudtrail.md#step-3` → `cloudtrail.html#step-3`.
    public var linkRewriter: (@Sendable (String) -> String)?
    /// The values every page may write as `{{name}}`; a page may add its own.
    public var values: [PersonalValue]
    /// The file an image destination names, given the page's path as passed to
    /// ``MarkdownRenderer/render(_:path:firstLine:values:)``; `nil` for an image elsewhere (a web
    /// address), which is then not checked or measured.
    public var imageFile: (@Sendable (_ page: String, _ destination: String) -> URL?)?

    /// Creates options; raw HTML is off unless asked for.
    public init(
        allowsRawHTML: Bool = false, linkRewriter: (@Sendable (String) -> String)? = nil,
        values: [PersonalValue] = [], imageFile: (@Sendable (String, String) -> URL?)? = nil
    ) {
        self.allowsRawHTML = allowsRawHTML
        self.linkRewriter = linkRewriter
        self.values = values
        self.imageFile = imageFile
    }

    /// The options a site build renders its pages with: links to `.md` sources become links to their
    /// `.html` pages. Public so that a program rendering a page alone (the fuzz harness, for one)
    /// renders it exactly as `labsite build` does.
    public static func site(allowsRawHTML: Bool) -> MarkdownOptions {
        MarkdownOptions(allowsRawHTML: allowsRawHTML, linkRewriter: SitePath.rewriteMarkdownLink)
    }
}
