/// A page after its Markdown was rendered: everything the templates and link checker need.
public struct BuiltPage: Sendable {
    /// The page as read from `content/`.
    public var source: SourcePage
    /// Its rendered Markdown.
    public var rendered: RenderedMarkdown

    /// The output path, e.g. `cloudtrail.html`.
    public var url: String { source.outputPath }
    /// The home page is `content/index.md`.
    public var isHome: Bool { source.path == "index.md" }
    /// The step headings (`## N. …`), in order.
    public var steps: [Heading] { rendered.headings.filter { $0.stepNumber != nil } }
    /// A lab is a page with numbered steps.
    public var isLab: Bool { !steps.isEmpty }
    /// Every id a link may point at.
    public var anchors: Set<String> { Set(rendered.headings.map(\.id)) }
}
