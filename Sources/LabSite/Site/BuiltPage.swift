/// A page ready for the templates: a rendered Markdown page or a section's generated page.
///
/// A value like any other, but its fields live in one shared box until a copy changes one, as an
/// `Array`'s elements do: the stages hand pages around by the ten thousand (tables, filters,
/// contexts), and copying a page's dozen references each time was about 4 % of the CPU of the
/// 10,000-page benchmark. A copy now retains the box alone; a change to a page whose box another
/// page shares first gives it a box of its own, so no page ever sees another's change.
public struct BuiltPage: Sendable {
    /// The output path, e.g. `cloudtrail.html`.
    public var url: String {
        get { box.fields.url }
        set { fields.url = newValue }
    }
    /// The page title.
    public var title: String {
        get { box.fields.title }
        set { fields.title = newValue }
    }
    /// One sentence under the title; may be empty.
    public var summary: String {
        get { box.fields.summary }
        set { fields.summary = newValue }
    }
    /// Extra front matter keys.
    public var params: [String: String] {
        get { box.fields.params }
        set { fields.params = newValue }
    }
    /// The lab's duration, objectives, prerequisites, cost and region from its front matter.
    public var facts: LabFacts {
        get { box.fields.facts }
        set { fields.facts = newValue }
    }
    /// When the page was last changed in substance (`YYYY-MM-DD`), from its front matter.
    public var updated: String? {
        get { box.fields.updated }
        set { fields.updated = newValue }
    }
    /// The `{{name}}` values the page declares itself, on top of the site's.
    public var values: [PersonalValue] {
        get { box.fields.values }
        set { fields.values = newValue }
    }
    /// The article's HTML.
    public var html: String {
        get { box.fields.content.string }
        set { fields.content = .string(newValue) }
    }
    /// The article's HTML as it was made: text, or bytes for pages made in bulk.
    var content: TemplateText {
        get { box.fields.content }
        set { fields.content = newValue }
    }
    /// The headings, with their ids.
    public var headings: [Heading] {
        get { box.fields.headings }
        set { fields.headings = newValue }
    }
    /// Ids other than headings' that links may point at.
    public var extraAnchors: Set<String> {
        get { box.fields.extraAnchors }
        set { fields.extraAnchors = newValue }
    }
    /// Links written in Markdown, checked against the site.
    public var links: [MarkdownLink] {
        get { box.fields.links }
        set { fields.links = newValue }
    }
    /// The Markdown source (`content/cloudtrail.md`), or `nil` for generated pages.
    public var sourcePath: String? {
        get { box.fields.sourcePath }
        set { fields.sourcePath = newValue }
    }
    /// Parent pages.
    public var breadcrumbs: [Breadcrumb] {
        get { box.fields.breadcrumbs }
        set { fields.breadcrumbs = newValue }
    }
    /// Listed in the sidebar and in the prev/next order.
    public var inNavigation: Bool {
        get { box.fields.inNavigation }
        set { fields.inNavigation = newValue }
    }
    /// Whether search indexes the page's text, or only its title and summary.
    public var indexesText: Bool {
        get { box.fields.indexesText }
        set { fields.indexesText = newValue }
    }
    /// A fixed prefix to the site root instead of the relative one (only the 404 page has one).
    var rootOverride: String? {
        get { box.fields.rootOverride }
        set { fields.rootOverride = newValue }
    }
    /// Stands in for a missing `content/index.md`: the site's title over the list of its labs.
    var isGeneratedHome: Bool {
        get { box.fields.isGeneratedHome }
        set { fields.isGeneratedHome = newValue }
    }

    /// The stored fields, as the page's initializers set them.
    private struct Fields: Sendable {
        var url: String
        var title: String
        var summary: String
        var params: [String: String]
        var facts: LabFacts = LabFacts()
        var updated: String? = nil
        var values: [PersonalValue] = []
        var content: TemplateText
        var headings: [Heading]
        var extraAnchors: Set<String>
        var links: [MarkdownLink]
        var sourcePath: String?
        var breadcrumbs: [Breadcrumb]
        var inNavigation: Bool
        var indexesText: Bool = true
        var rootOverride: String? = nil
        var isGeneratedHome: Bool = false
    }

    /// The box the fields live in; shared by copies of the page until one of them changes.
    private final class Box: @unchecked Sendable {
        // Changed only through `fields` below, when this page holds the only reference, so no two
        // threads ever write or read-while-writing it (as with `Array`'s buffer). Unchecked
        // exclusivity: every read of a page's field would otherwise go through a run-time check.
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var box: Box

    /// The fields for a change, first copied into a box of this page's own when it shares one.
    private var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    /// A rendered Markdown page.
    init(source: SourcePage, rendered: RenderedMarkdown) {
        box = Box(
            Fields(
                url: source.outputPath, title: source.frontMatter.title, summary: source.frontMatter.summary,
                params: source.frontMatter.params, facts: source.frontMatter.facts,
                updated: source.frontMatter.updated, values: source.frontMatter.values,
                content: .string(rendered.html), headings: rendered.headings, extraAnchors: [],
                links: rendered.links, sourcePath: "content/" + source.path, breadcrumbs: [], inNavigation: true))
    }

    /// A section's page.
    init(generated page: GeneratedPage) {
        box = Box(
            Fields(
                url: page.path, title: page.title, summary: page.summary, params: [:], content: page.content,
                headings: page.headings, extraAnchors: page.anchors, links: [], sourcePath: nil,
                breadcrumbs: page.breadcrumbs, inNavigation: page.inNavigation, indexesText: page.indexesText))
    }

    /// A streamed page as search and links know it before it is rendered: no text, found by its
    /// title and summary.
    init(streamed entry: PageStream.Entry) {
        self.init(
            generated: GeneratedPage(
                path: entry.path, title: entry.title, summary: entry.summary, html: "", indexesText: false))
    }

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
