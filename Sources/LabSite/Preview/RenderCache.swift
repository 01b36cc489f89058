import Foundation

/// What one render of a site keeps for the next: the loaded sections, each page's rendered
/// Markdown and each page's HTML, every part stored with the inputs it was made from.
///
/// A part is reused only when its inputs are equal to the stored ones, so an incremental render
/// is byte-identical to a clean one by construction: a page's HTML is keyed on the whole template
/// context of the page (its article, title, prev/next, the home page's labs, …) and on the
/// templates; Markdown is keyed on the page's text and, when the page may hold a directive, on the
/// section data; sections are keyed on the size and modification time of every non-Markdown
/// file under `content/`. The navigation script, search index and link checks are recomputed
/// every time (they are cheap next to Markdown and templates).
public struct RenderCache: Sendable {
    /// How much of the last render was done again rather than reused.
    public struct Statistics: Sendable, Equatable {
        /// Whether the sections were loaded again (their input files changed).
        public var sectionsLoaded = false
        /// Markdown pages rendered again.
        public var markdownRendered = 0
        /// Pages (and `print.html`) that went through the templates again.
        public var pagesRendered = 0
        /// Pages in the site.
        public var pageCount = 0
    }

    /// A page's HTML and the fingerprint of the template context it was rendered from.
    struct Page: Sendable {
        var key: String
        var html: String
    }

    private struct MarkdownEntry: Sendable {
        var body: String
        var firstLine: Int
        var allowsRawHTML: Bool
        /// The section key the page was rendered with when it may use a directive, or `""`.
        var sectionKey: String
        var rendered: RenderedMarkdown
    }

    private var sectionKey: String?
    private var sections: LoadedSections?
    private var markdown: [String: MarkdownEntry] = [:]
    private var templates: [String: String]?
    private(set) var pages: [String: Page] = [:]

    /// The counts of the most recent render.
    public internal(set) var statistics = Statistics()

    /// Creates an empty cache; the first render with it does all the work.
    public init() {}

    /// The sections, loaded again only when a file they may read changed.
    mutating func sections(
        input: SectionInput, types: [any SiteSection.Type], load: () throws -> LoadedSections
    ) throws -> LoadedSections {
        let key = Self.sectionKey(input: input, types: types)
        if key == sectionKey, let sections {
            statistics.sectionsLoaded = false
            return sections
        }
        let loaded = try load()
        sections = loaded
        sectionKey = key
        statistics.sectionsLoaded = true
        return loaded
    }

    /// The stored rendering of `page` when its inputs are unchanged.
    func markdown(for page: SourcePage, allowsRawHTML: Bool) -> RenderedMarkdown? {
        guard let entry = markdown[page.path], entry.body == page.body, entry.firstLine == page.bodyFirstLine,
            entry.allowsRawHTML == allowsRawHTML, entry.sectionKey == directiveKey(for: page.body)
        else { return nil }
        return entry.rendered
    }

    /// Keeps this render's Markdown results and forgets pages that no longer exist.
    mutating func storeMarkdown(
        _ pages: [SourcePage], results: [Result<RenderedMarkdown, any Error>], allowsRawHTML: Bool,
        reused: Int
    ) {
        var next: [String: MarkdownEntry] = [:]
        for (page, result) in zip(pages, results) {
            guard case .success(let rendered) = result else { continue }
            next[page.path] = MarkdownEntry(
                body: page.body, firstLine: page.bodyFirstLine, allowsRawHTML: allowsRawHTML,
                sectionKey: directiveKey(for: page.body), rendered: rendered)
        }
        markdown = next
        statistics.markdownRendered = pages.count - reused
    }

    /// The stored pages that may be reused with `templates`; none when the templates changed.
    mutating func reusablePages(templates current: [String: String]) -> [String: Page] {
        if templates != current {
            templates = current
            pages = [:]
        }
        return pages
    }

    /// Keeps this render's page HTML (by output path) and the counts.
    mutating func storePages(_ rendered: [String: Page], renderedCount: Int, pageCount: Int) {
        pages = rendered
        statistics.pagesRendered = renderedCount
        statistics.pageCount = pageCount
    }

    /// A page's Markdown depends on the section data only through directives; a page whose text
    /// does not mention any directive's name cannot hold one.
    private func directiveKey(for body: String) -> String {
        guard let sections, let sectionKey else { return "" }
        return sections.directives.contains { body.contains($0.name) } ? sectionKey : ""
    }

    /// Sections read the non-Markdown files under `content/` (and the build options); their sizes
    /// and modification times stand for their contents.
    static func sectionKey(input: SectionInput, types: [any SiteSection.Type]) -> String {
        var key = types.map { String(reflecting: $0) }.joined(separator: ",")
        key += "|\(input.options.redact)|\(input.options.inflateLimit)"
        for path in input.content.files {
            let url = input.contentDirectory.appendingPathComponent(path)
            let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey])
            let size = values?.fileSize ?? -1
            let time = values?.contentModificationDate?.timeIntervalSinceReferenceDate ?? 0
            key += "\n\(path)\t\(size)\t\(time.bitPattern)"
        }
        return key
    }
}
