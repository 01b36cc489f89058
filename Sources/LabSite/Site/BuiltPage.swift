/// A page ready for the templates: a rendered Markdown page or a section's generated page.
public struct BuiltPage: Sendable {
    /// The output path, e.g. `cloudtrail.html`.
    public var url: String
    /// The page title.
    public var title: String
    /// One sentence under the title; may be empty.
    public var summary: String
    /// Extra front matter keys.
    public var params: [String: String]
    /// The lab's duration, objectives, prerequisites, cost and region from its front matter.
    public var facts = LabFacts()
    /// When the page was last changed in substance (`YYYY-MM-DD`), from its front matter.
    public var updated: String?
    /// The `{{name}}` values the page declares itself, on top of the site's.
    public var values: [PersonalValue] = []
    /// The article's HTML.
    public var html: String {
        get { content.string }
        set { content = .string(newValue) }
    }
    /// The article's HTML as it was made: text, or bytes for pages made in bulk.
    var content: TemplateText
    /// The headings, with their ids.
    public var headings: [Heading]
    /// Ids other than headings' that links may point at.
    public var extraAnchors: Set<String>
    /// Links written in Markdown, checked against the site.
    public var links: [MarkdownLink]
    /// The Markdown source (`content/cloudtrail.md`), or `nil` for generated pages.
    public var sourcePath: String?
    /// Parent pages.
    public var breadcrumbs: [Breadcrumb]
    /// Listed in the sidebar and in the prev/next order.
    public var inNavigation: Bool
    /// Whether search indexes the page's text, or only its title and summary.
    public var indexesText = true
    /// A fixed prefix to the site root instead of the relative one (only the 404 page has one).
    var rootOverride: String?

    /// A rendered Markdown page.
    init(source: SourcePage, rendered: RenderedMarkdown) {
        url = source.outputPath
        title = source.frontMatter.title
        summary = source.frontMatter.summary
        params = source.frontMatter.params
        facts = source.frontMatter.facts
        updated = source.frontMatter.updated
        values = source.frontMatter.values
        content = .string(rendered.html)
        headings = rendered.headings
        extraAnchors = []
        links = rendered.links
        sourcePath = "content/" + source.path
        breadcrumbs = []
        inNavigation = true
    }

    /// A section's page.
    init(generated page: GeneratedPage) {
        url = page.path
        title = page.title
        summary = page.summary
        params = [:]
        content = page.content
        headings = page.headings
        extraAnchors = page.anchors
        links = []
        sourcePath = nil
        breadcrumbs = page.breadcrumbs
        inNavigation = page.inNavigation
        indexesText = page.indexesText
    }

    /// A streamed page as search and links know it before it is rendered: no text, found by its
    /// title and summary.
    init(streamed entry: PageStream.Entry) {
        self.init(
            generated: GeneratedPage(
                path: entry.path, title: entry.title, summary: entry.summary, html: "", indexesText: false))
    }

    /// Stands in for a missing `content/index.md`: the site's title over the list of its labs.
    var isGeneratedHome = false

    /// The home page is `content/index.md`, or the one made when there is none.
    public var isHome: Bool { sourcePath == "content/index.md" || isGeneratedHome }
    /// The step headings (`## N. …`), in order.
    public var steps: [Heading] { headings.filter { $0.stepNumber != nil } }
    /// A lab is a Markdown page with numbered steps.
    public var isLab: Bool { sourcePath != nil && headings.contains { $0.stepNumber != nil } }
    /// Every id a link may point at.
    public var anchors: Set<String> { extraAnchors.union(headings.map(\.id)) }

    /// Whether `id` is one of ``anchors``, without building the set.
    func hasAnchor(_ id: String) -> Bool {
        extraAnchors.contains(id) || headings.contains { $0.id == id }
    }
}

extension BuiltPage: SearchablePage {}
