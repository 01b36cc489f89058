import Foundation

/// Builds a site: content → Markdown → checks → templates → one atomic write of the output folder.
public struct SiteBuilder: Sendable {
    /// The folder holding `content/` and, optionally, `templates/`.
    public var sourceDirectory: URL
    /// The folder the site is written to.
    public var outputDirectory: URL
    /// Command-line choices such as redaction.
    public var options: BuildOptions

    /// The data-driven parts of the site, in the order their pages follow the Markdown pages.
    public var sectionTypes: [any SiteSection.Type]
    /// Where ``build()`` keeps its ``BuildCache`` between runs; `nil` renders every page every time.
    public var buildCacheFile: URL?
    /// Whether the site that ``build()`` replaces is deleted by a separate process
    /// (``OutputWriter/removesOldSiteInBackground``) rather than before `build()` returns.
    public var removesOldSiteInBackground = false

    /// Creates a builder; the output defaults to `SOURCE/public`.
    ///
    /// The core knows no data section; the caller (the `labsite` executable) says which ones a site has.
    public init(
        sourceDirectory: URL, outputDirectory: URL? = nil, options: BuildOptions = BuildOptions(),
        sectionTypes: [any SiteSection.Type], buildCacheFile: URL? = nil
    ) {
        self.buildCacheFile = buildCacheFile
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory ?? sourceDirectory.appendingPathComponent("public", isDirectory: true)
        self.options = options
        self.sectionTypes = sectionTypes
    }

    /// What a build wrote.
    public struct Report: Sendable, Equatable {
        /// HTML pages written.
        public var pageCount: Int
        /// Files in the output folder.
        public var fileCount: Int
        /// Findings that did not fail the build.
        public var warnings: [BuildWarning] = []
        /// Size of `assets/search-index.js`.
        public var searchIndexBytes: Int = 0
        /// Bytes of page text the search index holds, to judge the index's overhead.
        public var searchTextBytes: Int = 0
        /// Pages taken from the existing output folder through ``buildCacheFile`` instead of rendered.
        public var reusedPageCount: Int = 0
        /// With `--redact`, how many different ids that reveal an account were replaced.
        public var redactedIdentifierCount: Int = 0
    }

    /// Builds the site and writes it; on any error the output folder is left untouched.
    ///
    /// - Throws: a ``LocatedError`` (content, template, section or output problem) or
    ///   ``BuildErrors`` listing every broken page, link and step found.
    @discardableResult
    public func build() async throws -> Report {
        var cache: RenderCache?
        let prepared = try prepare(cache: &cache)
        let staging = try OutputWriter(
            destination: outputDirectory, removesOldSiteInBackground: removesOldSiteInBackground
        ).stage()
        let site: RenderedSite
        do {
            // The streamed pages need only the sections and the theme, so they are written while the
            // rest of the site is checked and rendered, which alone keeps the cores only partly busy.
            // A failed check cancels them, and leaving this scope waits for them to stop.
            async let streamed: Void = prepared.forEachStreamedBatch { try staging.write($0) }
            site = try await render(prepared, cache: &cache)
            try staging.write(site.files)
            try await streamed
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
        // The cache only saves time; a build that cannot write it has still succeeded.
        if let buildCacheFile, let buildCache = site.buildCache { try? buildCache.save(to: buildCacheFile) }
        let searchFile = site.files.first { $0.path == SearchIndex.path }
        var searchBytes = 0
        if case .text(let text) = searchFile?.contents { searchBytes = text.utf8.count }
        let report = Report(
            pageCount: site.files.filter { $0.path.hasSuffix(".html") }.count + prepared.streamedPageCount,
            fileCount: site.files.count + prepared.streamedPageCount,
            warnings: site.warnings, searchIndexBytes: searchBytes, searchTextBytes: site.searchTextBytes,
            reusedPageCount: site.buildCache == nil ? 0 : site.reusedPageCount,
            redactedIdentifierCount: options.redact ? prepared.sections.revealingIdentifiers.count : 0)
        // Freeing a large site (100,000 events' facts, the search index) took 0.3 s that the caller
        // need not wait for: the last references go away on another thread.
        DispatchQueue.global(qos: .utility).async { [site = consume site, prepared = consume prepared] in
            withExtendedLifetime((site, prepared)) {}
        }
        return report
    }

    /// Renders the whole site in memory, without writing anything.
    public func renderSite() async throws -> (files: [OutputFile], warnings: [BuildWarning], searchTextBytes: Int) {
        var cache: RenderCache?
        return try await renderSite(cache: &cache)
    }

    /// Renders the whole site in memory, reusing the parts of `cache` whose inputs did not change
    /// and storing this render's parts in it (`labsite serve`); with `nil` everything is rendered.
    public func renderSite(
        cache: inout RenderCache?
    ) async throws -> (files: [OutputFile], warnings: [BuildWarning], searchTextBytes: Int) {
        let prepared = try prepare(cache: &cache)
        let site = try await render(prepared, cache: &cache)
        return (site.files + (try await prepared.streamedFiles()), site.warnings, site.searchTextBytes)
    }

    /// Loads the content, the theme and the sections, reusing what `cache` holds.
    func prepare(cache: inout RenderCache?) throws -> PreparedSite {
        let loader = ContentLoader(sourceDirectory: sourceDirectory)
        let content = try cache?.loadContent(with: loader) ?? loader.load()
        let theme = try Theme.load(
            overridingWith: sourceDirectory.appendingPathComponent("templates", isDirectory: true))
        let templates = try TemplateRenderer(theme: theme)
        let input = SectionInput(
            content: content, contentDirectory: loader.contentDirectory, options: options, templates: templates)
        let types = sectionTypes
        let load = { try LoadedSections(types.map { try $0.load(from: input) }) }
        var sections = try cache?.sections(input: input, types: types, load: load) ?? load()
        let identifiers = Self.identifierScan(
            content: content, contentDirectory: loader.contentDirectory, sections: sections)
        sections.noteRevealingIdentifiers(in: identifiers)
        return PreparedSite(
            content: content, contentDirectory: loader.contentDirectory, theme: theme, templates: templates,
            sections: sections, redacts: options.redact,
            identifierWarnings: options.redact ? [] : identifiers.warnings)
    }

    /// Renders the site in memory but for its streamed pages, which `prepared` renders on demand.
    func render(_ prepared: PreparedSite, cache: inout RenderCache?) async throws -> RenderedSite {
        let (content, theme, templates, sections) =
            (prepared.content, prepared.theme, prepared.templates, prepared.sections)
        let contentDirectory = prepared.contentDirectory
        let allowsRawHTML = content.settings.allowsRawHTML
        let renderer = MarkdownRenderer(
            options: MarkdownOptions(allowsRawHTML: allowsRawHTML, linkRewriter: SitePath.rewriteMarkdownLink),
            directives: sections.directives)

        let ordered = content.pages.sorted {
            ($0.frontMatter.order ?? Int.max, $0.path) < ($1.frontMatter.order ?? Int.max, $1.path)
        }
        var errors: [any LocatedError] = []
        var pages: [BuiltPage] = []
        let reused = ordered.map { cache?.markdown(for: $0, allowsRawHTML: allowsRawHTML) }
        let results = await Array(zip(ordered, reused)).parallelMap { page, stored in
            try stored ?? renderer.render(page.body, path: "content/" + page.path, firstLine: page.bodyFirstLine)
        }
        cache?.storeMarkdown(ordered, results: results, allowsRawHTML: allowsRawHTML, reused: reused.map { $0 != nil })
        for (source, result) in zip(ordered, results) {
            switch result {
            case .success(let rendered): pages.append(BuiltPage(source: source, rendered: rendered))
            case .failure(let error): errors.append(Self.located(error, path: "content/" + source.path))
            }
        }
        pages += try await sections.pages
        pages.append(Self.notFoundPage(settings: content.settings))
        // Pages in the navigation come first, in reading order; the rest keep their section's order.
        pages = pages.filter(\.inNavigation) + pages.filter { !$0.inNavigation }
        let streamEntries = sections.streams.flatMap(\.entries)
        let indexed = pages.filter { $0.url != Self.notFoundPath } + streamEntries.map(BuiltPage.init(streamed:))
        // Made while the pages are checked and rendered: for a large trail it takes as long as they do.
        let storedSearch = cache?.searchScript(for: indexed)
        let searchTask = Task { try storedSearch ?? Self.searchScript(for: indexed) }

        var files = pages.map { OutputFile(path: $0.url, contents: .data(Data())) }
        files += theme.assets.keys.sorted().compactMap { path in
            theme.assets[path].map { OutputFile(path: path, contents: .data($0)) }
        }
        let navigation = pages.filter(\.inNavigation)
        let navigationScript =
            try cache?.navigationScript(for: navigation, make: Self.navigationScript)
            ?? Self.navigationScript(for: navigation)
        files.append(.text(Self.navigationScriptPath, navigationScript))
        files.append(OutputFile(path: SearchIndex.path, contents: .data(Data())))
        files.append(OutputFile(path: PrintHandout.path, contents: .data(Data())))
        if !content.settings.baseURL.isEmpty {
            let urls = pages.map(\.url) + streamEntries.map(\.path)
            files.append(.text("sitemap.xml", Self.sitemap(baseURL: content.settings.baseURL, urls: urls)))
        }
        files += content.files.filter { !sections.consumedFiles.contains($0) }.map {
            OutputFile(path: $0, contents: .copy(contentDirectory.appendingPathComponent($0)))
        }
        files += try await sections.files
        errors += Self.collisions(in: files.map(\.path) + streamEntries.map(\.path))

        let outputPaths = Set(files.map(\.path) + streamEntries.map(\.path))
        let linkErrors =
            cache?.linkErrors(in: pages, outputPaths: outputPaths)
            ?? pages.map(LinkChecker(pages: pages, outputPaths: outputPaths).errors(in:))
        for (page, pageLinkErrors) in zip(pages, linkErrors) {
            errors += Self.stepErrors(in: page)
            errors += pageLinkErrors
        }
        guard errors.isEmpty else {
            throw BuildErrors(errors: errors.sorted { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) })
        }

        let site = SiteContext(settings: content.settings, pages: pages)
        let previous = cache?.reusablePages(templates: theme.templates)
        // `labsite build` with a cache file takes unchanged pages from the existing output folder.
        var builtBefore: BuildCache?
        if cache == nil, !options.redact, let buildCacheFile {
            builtBefore = BuildCache.load(from: buildCacheFile, templates: theme.templates)
        }
        let labs = previous == nil && builtBefore == nil ? [] : site.labCards
        let outputDirectory = outputDirectory
        let htmlResults = await Array(pages.indices).parallelMap { [builtBefore] index in
            guard let builtBefore else {
                let (page, reused) = try site.renderPage(at: index, with: templates, reusing: previous, labs: labs)
                return (page, reused, BuildCache.Entry?.none)
            }
            let inputs = builtBefore.inputsDigest(of: site.renderKey(forPageAt: index, labs: labs))
            if let html = builtBefore.storedPage(site.pages[index].url, inputs: inputs, in: outputDirectory) {
                let entry = builtBefore.entries[site.pages[index].url]
                return (RenderCache.Page(key: nil, html: html), true, entry)
            }
            let html = try site.renderPage(at: index, with: templates)
            let entry = BuildCache.Entry(inputs: inputs, output: BuildCache.outputDigest(of: html))
            return (RenderCache.Page(key: nil, html: html), false, entry)
        }
        var rendered: [String: RenderCache.Page] = [:]
        var renderedCount = 0
        var buildEntries: [String: BuildCache.Entry] = [:]
        var reusedCount = 0
        for (page, result) in zip(pages, htmlResults) {
            switch result {
            case .success(let (html, wasReused, entry)):
                rendered[page.url] = html
                renderedCount += wasReused ? 0 : 1
                reusedCount += wasReused ? 1 : 0
                buildEntries[page.url] = entry
            case .failure(let error): throw Self.located(error, path: page.sourcePath ?? page.url)
            }
        }
        let settings = content.settings
        let renderHandout = { @Sendable [pages] in
            try templates.render("print", context: PrintHandout(pages: pages).context(settings: settings))
        }
        if let stored = builtBefore {
            let inputs = stored.inputsDigest(of: PrintHandout.Key(pages: pages, settings: settings))
            if let html = stored.storedPage(PrintHandout.path, inputs: inputs, in: outputDirectory) {
                rendered[PrintHandout.path] = RenderCache.Page(key: nil, html: html)
                buildEntries[PrintHandout.path] = stored.entries[PrintHandout.path]
                reusedCount += 1
            } else {
                let html = try renderHandout()
                rendered[PrintHandout.path] = RenderCache.Page(key: nil, html: html)
                buildEntries[PrintHandout.path] = BuildCache.Entry(
                    inputs: inputs, output: BuildCache.outputDigest(of: html))
                renderedCount += 1
            }
            builtBefore?.replaceEntries(with: buildEntries)
        } else if cache == nil {
            rendered[PrintHandout.path] = RenderCache.Page(key: nil, html: try renderHandout())
            renderedCount += 1
        } else if let handout = try cache?.handout(
            key: PrintHandout.Key(pages: pages, settings: settings), render: renderHandout,
            deferred: { [options] in
                let html = try renderHandout()
                return options.redact ? sections.redact(html) : html
            })
        {
            if let html = handout.html { rendered[PrintHandout.path] = RenderCache.Page(key: nil, html: html) }
            renderedCount += handout.rendered ? 1 : 0
        }
        cache?.storePages(rendered, renderedCount: renderedCount, pageCount: pages.count)
        let search = try await searchTask.value
        rendered[SearchIndex.path] = RenderCache.Page(key: nil, html: search.script)
        var output = files.map { file in rendered[file.path].map { .text(file.path, $0.html) } ?? file }
        if options.redact { output = try output.map { try Self.redacted($0, by: sections) } }
        return RenderedSite(
            files: output, warnings: sections.warnings + prepared.identifierWarnings,
            searchTextBytes: search.textBytes, buildCache: builtBefore, reusedPageCount: reusedCount)
    }

    /// The extensions of text files: the redaction pass rewrites them and the revealing-id check
    /// reads them; other files (images, archives) are copied as they are.
    static let textExtensions: Set<String> = [
        "html", "js", "json", "xml", "txt", "md", "yml", "yaml", "csv", "svg",
    ]

    /// `file` with the sections' hidden values replaced, for `--redact`: generated pages and copied
    /// content files alike, so a value quoted in a lab page or an alarm ARN does not slip through.
    static func redacted(_ file: OutputFile, by sections: LoadedSections) throws -> OutputFile {
        guard textExtensions.contains((file.path as NSString).pathExtension.lowercased()) else { return file }
        let data: Data
        switch file.contents {
        case .text(let text): return .text(file.path, sections.redact(text))
        case .data(let bytes): data = bytes
        case .copy(let url):
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw SiteError(
                    path: url.path, line: nil, reason: "The file could not be read: \(error.localizedDescription)")
            }
        }
        guard let text = String(data: data, encoding: .utf8) else { return file }
        return .text(file.path, sections.redact(text))
    }

    package static let notFoundPath = "404.html"

    /// The page web servers show for a missing URL. It may be served at any depth, so with a
    /// `baseURL` its links start from the base URL's path instead of being relative.
    static func notFoundPage(settings: SiteSettings) -> BuiltPage {
        var page = BuiltPage(
            generated: GeneratedPage(
                path: notFoundPath, title: "페이지를 찾을 수 없습니다",
                summary: "주소가 바뀌었거나 잘못 입력되었을 수 있다.",
                html: """
                    <p>요청한 페이지가 이 사이트에 없다. 주소를 다시 확인하거나 \
                    <a href="index.html">처음 페이지</a>에서 실습 목록을 살펴본다. \
                    위쪽의 검색 상자로 찾을 수도 있다.</p>
                    """))
        if let base = URL(string: settings.baseURL), !settings.baseURL.isEmpty {
            page.rootOverride = base.path.hasSuffix("/") ? base.path : base.path + "/"
            page.html = page.html.replacingOccurrences(
                of: "href=\"index.html\"", with: "href=\"\(page.rootOverride ?? "")index.html\"")
        }
        return page
    }

    /// `sitemap.xml` for search engines, listing every page but the 404 page.
    static func sitemap(baseURL: String, urls pageURLs: [String]) -> String {
        let urls = pageURLs.filter { $0 != notFoundPath } + [PrintHandout.path]
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + urls.sorted().map { "  <url><loc>\((baseURL + $0).escapedForHTML)</loc></url>\n" }.joined()
            + "</urlset>\n"
    }

    /// The search index script of `pages` and the bytes of page text it holds.
    static func searchScript(for pages: [BuiltPage]) throws -> (script: String, textBytes: Int) {
        let index = SearchIndex(pages: pages)
        return (try index.script(), index.textBytes)
    }

    /// Where the shared navigation script is written.
    static let navigationScriptPath = "assets/nav.js"

    /// `window.LABSITE_NAV = [...]`: every page and its steps, in reading order.
    static func navigationScript(for pages: [BuiltPage]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(pages.map(NavigationEntry.init)), as: UTF8.self)
        return "// Generated by labsite: the site's pages and steps, read by labsite.js to draw the sidebar.\n"
            + "window.LABSITE_NAV = \(json);\n"
    }

    /// Steps must be numbered 1, 2, 3, … so that `#step-N` links and printed handouts agree.
    static func stepErrors(in page: BuiltPage) -> [SiteError] {
        guard let path = page.sourcePath else { return [] }
        var errors: [SiteError] = []
        // Counted over the headings rather than `page.steps`, which would make an array per page.
        var index = 0
        for step in page.headings where step.stepNumber != nil {
            if step.stepNumber != index + 1 {
                errors.append(
                    SiteError(
                        path: path, line: step.line,
                        reason: "This is step \(step.stepNumber ?? 0), but it is the \(index + 1). step of the page; "
                            + "number the steps 1, 2, 3, … without gaps."))
            }
            index += 1
        }
        return errors
    }

    static func collisions(in paths: [String]) -> [SiteError] {
        var seen: Set<String> = []
        // Sized up front: growing it rehashed every path of a 100,000-event site several times.
        seen.reserveCapacity(paths.count)
        return paths.compactMap { path in
            seen.insert(path).inserted
                ? nil
                : SiteError(
                    path: path, line: nil,
                    reason: "Two sources would be written to the same output file \(path); rename one of them.")
        }
    }

    static func located(_ error: any Error, path: String) -> any LocatedError {
        if let located = error as? any LocatedError { return located }
        return SiteError(path: path, line: nil, reason: error.localizedDescription)
    }
}
