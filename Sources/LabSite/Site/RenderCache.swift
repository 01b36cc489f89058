import Foundation

/// What one render of a site keeps for the next: the parsed content files, the loaded sections,
/// each page's rendered Markdown and HTML, and each page's part of the search index, link checks
/// and navigation, every part stored with the inputs it was made from.
///
/// A part is reused only when its inputs are equal to the stored ones, so an incremental render
/// is byte-identical to a clean one by construction: content files are keyed on their size and
/// modification time; a page's HTML on everything its template context is made from (its
/// article, title, prev/next, the home page's labs, …) and on the templates; Markdown on the
/// page's text and, when the page may hold a directive, on the section data; sections on the
/// size and modification time of every non-Markdown file under `content/`. Comparing unchanged
/// inputs is cheap because they share storage with the previous render, which is what lets a
/// large site rebuild quickly after one page is saved.
public struct RenderCache: PageCache {
    /// How much of the last render was done again rather than reused.
    public struct Statistics: Sendable, Equatable {
        /// Markdown pages and `site.yml` read again (their size or modification time changed).
        public var contentFilesRead = 0
        /// Whether the sections were loaded again (their input files changed).
        public var sectionsLoaded = false
        /// Markdown pages rendered again.
        public var markdownRendered = 0
        /// Pages (and `print.html`) that went through the templates again.
        public var pagesRendered = 0
        /// Pages in the site.
        public var pageCount = 0

        /// Statistics of a render that has done nothing yet.
        public init() {}
    }

    /// A page's HTML and the inputs of the template context it was rendered from.
    private struct Page: Sendable {
        var key: SiteContext.RenderKey
        var html: Data
    }

    private struct MarkdownEntry: Sendable {
        var body: String
        var firstLine: Int
        /// The site settings and the page's own values it was rendered with.
        var settings: SiteSettings
        var values: [PersonalValue]
        /// The section key the page was rendered with when it may use a directive, or `""`.
        var sectionKey: String
        /// The section key for which `sectionKey` was worked out; looking for directive names in
        /// the text is done again only when the sections change.
        var checkedSectionKey: String?
        var rendered: RenderedMarkdown
    }

    /// Whether `print.html` is left empty in the rendered files and rendered on first request
    /// instead (``deferredHandout``), as `labsite serve` does; off, it is rendered with the site.
    package var defersHandout = false
    /// The source folder's files with their stamps (`content/…`, `templates/…`) as a
    /// ``SourceWatcher`` listed them, for the content loader to use instead of listing and stating
    /// `content/` again; `nil` lets it list the folder itself.
    package var sourceListing: [String: FileStamp]?
    /// The current build's handout when ``defersHandout`` is on.
    package private(set) var deferredHandout: DeferredHandout?

    private var content = ContentCache()
    private var sectionKey: String?
    private var sections: LoadedSections?
    private var markdown: [String: MarkdownEntry] = [:]
    private var templates: [String: String]?
    private var pages: [String: Page] = [:]
    private var handout: (key: PrintHandout.Key, html: Data)?
    private var navigation: (key: [NavigationKey], script: String)?
    private var searchParts = SearchIndexCache()
    private var links = LinkCheckCache()

    /// The counts of the most recent render.
    public internal(set) var statistics = Statistics()

    /// Creates an empty cache; the first render with it does all the work.
    public init() {}

    /// The content tree, reading only the files whose size or modification time changed.
    mutating func loadContent(with loader: ContentLoader) throws -> ContentTree {
        var reusable: ContentCache? = content
        reusable?.listing = sourceListing
        content = ContentCache()
        defer { content = reusable ?? ContentCache() }
        let tree = try loader.load(reusing: &reusable)
        statistics.contentFilesRead = reusable?.filesRead ?? 0
        return tree
    }

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

    /// Every Markdown page, the stored rendering where its inputs are unchanged; keeps this
    /// render's results and forgets pages that no longer exist.
    mutating func renderMarkdown(
        _ pages: [SourcePage], settings: SiteSettings,
        render: @escaping @Sendable (SourcePage) throws -> RenderedMarkdown
    ) async -> [Result<RenderedMarkdown, any Error>] {
        let stored = pages.map { markdown(for: $0, settings: settings) }
        let results = await WorkerThreads.map(Array(zip(pages, stored))) { page, stored in
            try stored ?? render(page)
        }
        storeMarkdown(pages, results: results, settings: settings, reused: stored.map { $0 != nil })
        return results
    }

    /// The stored rendering of `page` when its inputs are unchanged.
    private func markdown(for page: SourcePage, settings: SiteSettings) -> RenderedMarkdown? {
        guard let entry = markdown[page.path], entry.body == page.body, entry.firstLine == page.bodyFirstLine,
            entry.settings == settings, entry.values == page.frontMatter.values,
            entry.sectionKey == directiveKey(for: entry)
        else { return nil }
        return entry.rendered
    }

    private mutating func storeMarkdown(
        _ pages: [SourcePage], results: [Result<RenderedMarkdown, any Error>], settings: SiteSettings,
        reused: [Bool]
    ) {
        var next: [String: MarkdownEntry] = [:]
        next.reserveCapacity(pages.count)
        for (index, (page, result)) in zip(pages, results).enumerated() {
            guard case .success(let rendered) = result else { continue }
            if reused[index], var entry = markdown[page.path] {
                if entry.checkedSectionKey != sectionKey {
                    entry.sectionKey = directiveKey(for: entry)
                    entry.checkedSectionKey = sectionKey
                }
                next[page.path] = entry
                continue
            }
            next[page.path] = MarkdownEntry(
                body: page.body, firstLine: page.bodyFirstLine, settings: settings, values: page.frontMatter.values,
                sectionKey: directiveKey(for: page.body), checkedSectionKey: sectionKey, rendered: rendered)
        }
        markdown = next
        statistics.markdownRendered = reused.filter { !$0 }.count
    }

    /// Forgets the stored pages and handout when the templates changed.
    mutating func useTemplates(_ current: [String: String]) {
        guard templates != current else { return }
        templates = current
        pages = [:]
        handout = nil
        deferredHandout = nil
    }

    /// Every page through the templates, the stored HTML where the page's ``SiteContext/RenderKey``
    /// is unchanged; keeps this render's pages.
    mutating func renderPages(
        of site: SiteContext, with templates: TemplateRenderer, progress: BuildProgress, sink: PageSink?
    ) async -> [Result<RenderedPage, any Error>] {
        let labs = site.labCards
        let previous = pages
        let results = await WorkerThreads.map(Array(site.pages.indices)) { index in
            defer { progress.advance(.templates) }
            let key = site.renderKey(forPageAt: index, labs: labs)
            if let stored = previous[site.pages[index].url], stored.key == key {
                return (Page(key: key, html: stored.html), true)
            }
            return (Page(key: key, html: try site.renderPage(at: index, with: templates)), false)
        }
        var next: [String: Page] = [:]
        for (page, result) in zip(site.pages, results) {
            if case .success(let (stored, _)) = result { next[page.url] = stored }
        }
        pages = next
        statistics.pagesRendered = results.count { (try? $0.get().1) == false }
        statistics.pageCount = site.pages.count
        return zip(site.pages, results).map { page, result in
            result.flatMap { stored, reused in
                Result { try RenderedPage.made(stored.html, reused: reused, path: page.url, sink: sink) }
            }
        }
    }

    /// Whether the handout is rendered with the site and the stored one is of other inputs.
    func rendersHandout(key: PrintHandout.Key) -> Bool {
        !defersHandout && handout?.key != key
    }

    /// The handout when it is rendered with the site: the stored one when `key` is unchanged. With
    /// ``defersHandout`` on, nothing is rendered now and `nil` is returned; ``deferredHandout``
    /// renders it (made by `deferred`) when it is requested.
    mutating func handout(
        key: PrintHandout.Key, render: @escaping @Sendable () async throws -> Data,
        deferred: @escaping @Sendable () throws -> String
    ) async throws -> RenderedPage? {
        if defersHandout {
            deferredHandout = DeferredHandout(key: key, previous: deferredHandout, render: deferred)
            return nil
        }
        if let handout, handout.key == key { return RenderedPage(html: handout.html, reused: true) }
        let html = try await render()
        handout = (key, html)
        statistics.pagesRendered += 1
        return RenderedPage(html: html, reused: false)
    }

    /// What a page's entry in `nav.js` is made from; cheaper to compare than the entry's text.
    private struct NavigationKey: Sendable, Equatable {
        var title: String
        var url: String
        var headings: [Heading]
    }

    /// `assets/nav.js` for the pages in the navigation: the stored script while the pages' titles,
    /// URLs and headings (which hold the steps) are equal.
    mutating func navigationScript(for pages: [BuiltPage], make: ([BuiltPage]) throws -> String) throws -> String {
        let key = pages.map { NavigationKey(title: $0.title, url: $0.url, headings: $0.headings) }
        if let navigation, navigation.key == key { return navigation.script }
        let script = try make(pages)
        navigation = (key, script)
        return script
    }

    /// The search index script of `pages`, made from the stored parts of unchanged pages.
    mutating func searchIndex(for pages: [BuiltPage]) -> Task<SearchScript, any Error> {
        let made = searchParts.script(for: pages)
        return Task { SearchScript(script: Data(made.script.utf8), textBytes: made.textBytes) }
    }

    /// Each page's broken links, checking again only what may have changed.
    mutating func linkErrors(in pages: [BuiltPage], outputPaths: Set<String>) -> [ErrorTally] {
        links.errors(in: pages, outputPaths: outputPaths)
    }

    /// A page's Markdown depends on the section data only through directives; a page whose text
    /// does not mention any directive's name cannot hold one.
    private func directiveKey(for body: String) -> String {
        guard let sections, let sectionKey else { return "" }
        return sections.directives.contains { body.contains($0.name) } ? sectionKey : ""
    }

    /// The stored entry's directive key for the current sections, looking at its text again only
    /// when the sections changed since it was worked out.
    private func directiveKey(for entry: MarkdownEntry) -> String {
        entry.checkedSectionKey == sectionKey ? entry.sectionKey : directiveKey(for: entry.body)
    }

    /// Sections read the non-Markdown files under `content/` (and the build options); their sizes
    /// and modification times stand for their contents. Their pages and directives are rendered
    /// with the theme's partials, so those count too (a whole page's templates never do).
    static func sectionKey(input: SectionInput, types: [any SiteSection.Type]) -> String {
        var key = types.map { String(reflecting: $0) }.joined(separator: ",")
        key += "|\(input.options.redact)|\(input.options.inflateLimit)"
        let partials = input.templates.sources.filter { !TemplateRenderer.pageTemplates.contains($0.key) }
        for (name, text) in partials.sorted(by: { $0.key < $1.key }) {
            key += "\n\(name.utf8.count):\(name)\(text.utf8.count):\(text)"
        }
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
