import Foundation

/// The stages of a build, in order, each a function from values to values; a stage that a cache
/// can shorten asks the ``PageCache`` it is given, so the stages read the same with every cache.
extension SiteBuilder {
    /// Stage 1, load: the content, the theme with the course's overrides, the sections, and the
    /// scan of what the site publishes for ids that reveal an account.
    func load<Cache: PageCache>(cache: inout Cache) throws -> PreparedSite {
        progress.begin(.load)
        defer { progress.end(.load) }
        let loader = ContentLoader(sourceDirectory: sourceDirectory)
        let content = try cache.loadContent(with: loader)
        let theme = try Theme.load(
            overridingWith: sourceDirectory.appendingPathComponent("templates", isDirectory: true))
        let templates = try TemplateRenderer(theme: theme)
        let input = SectionInput(
            content: content, contentDirectory: loader.contentDirectory, options: options, templates: templates)
        let types = sectionTypes
        var sections = try cache.sections(input: input, types: types) {
            let loaded = try types.map { try $0.load(from: input) }
            let calls = loaded.contains(where: \.needsObservedCalls) ? loaded.flatMap(\.observedCalls) : []
            return try LoadedSections(loaded.map { $0.linked(with: calls) })
        }
        let identifiers = Self.identifierScan(
            content: content, contentDirectory: loader.contentDirectory, sections: sections)
        sections.noteRevealingIdentifiers(in: identifiers)
        return PreparedSite(
            content: content, contentDirectory: loader.contentDirectory, theme: theme, templates: templates,
            sections: sections, redacts: options.redact,
            identifierWarnings: options.redact ? [] : identifiers.warnings)
    }

    /// Stages 2 to 6: the site in memory but for its streamed pages, which `prepared` renders as
    /// they are written, and the pages and handout that go to `sink` as soon as they are made.
    /// The errors the checks find are reported at once: how many, and the first of them.
    func render<Cache: PageCache>(
        _ prepared: PreparedSite, cache: inout Cache, sink: PageSink? = nil
    ) async throws -> RenderedSite {
        let markdown = await renderMarkdown(prepared, cache: &cache)
        let pages = try await addSectionPages(to: markdown.pages, prepared)
        let streamed = prepared.sections.streams.flatMap(\.entries)
        // Started first, on a thread of its own: a large course's handout takes as long as the
        // checks and the templates do, on one core, and the Swift concurrency threads are busy
        // waiting for them. A build that fails its checks drops it.
        cache.useTemplates(prepared.theme.templates)
        let handout = startHandout(of: pages, prepared, cache: cache)
        // Made while the pages are checked and rendered: for a large trail it takes as long as they do.
        let searchIndex = cache.searchIndex(
            for: pages.filter { $0.url != Self.notFoundPath } + streamed.map(BuiltPage.init(streamed:)))
        let files = try await outputFiles(for: pages, streamed: streamed.map(\.path), prepared, cache: &cache)
        var errors = ErrorTally(markdown.errors)
        errors.add(try check(pages, files: files, streamed: streamed.map(\.path), cache: &cache))
        guard errors.isEmpty else { throw BuildErrors(errors) }
        var rendered = try await applyTemplates(to: pages, prepared, cache: &cache, sink: sink)
        rendered[PrintHandout.path] = try await renderHandout(handout, prepared, cache: &cache, sink: sink)
        let search = try await searchIndex.value
        rendered[SearchIndex.path] = RenderedPage(html: search.script, reused: false)
        var output = files.compactMap { file -> OutputFile? in
            guard let page = rendered[file.path] else { return file }
            return page.delivered ? nil : OutputFile(path: file.path, contents: .data(page.html))
        }
        if options.redact { output = try output.map { try Self.redacted($0, by: prepared.sections) } }
        return RenderedSite(
            files: output, writtenPages: rendered.values.filter(\.delivered).count,
            warnings: markdown.warnings + prepared.sections.warnings + prepared.identifierWarnings,
            searchIndexBytes: search.script.count, searchTextBytes: search.textBytes,
            reusedPageCount: rendered.values.count(where: \.reused))
    }

    /// Stage 2, Markdown: every page under `content/` in reading order, on all cores; a page that
    /// fails is an error for later, so that every failing page is reported.
    func renderMarkdown<Cache: PageCache>(
        _ prepared: PreparedSite, cache: inout Cache
    ) async -> (pages: [BuiltPage], errors: [any LocatedError], warnings: [BuildWarning]) {
        let settings = prepared.content.settings
        var options = MarkdownOptions.site(allowsRawHTML: settings.allowsRawHTML)
        options.values = settings.values
        options.imageFile = Self.imageFile(in: prepared.contentDirectory)
        let renderer = MarkdownRenderer(options: options, directives: prepared.sections.directives)
        let ordered = prepared.content.pages.sorted {
            ($0.frontMatter.order ?? Int.max, $0.path) < ($1.frontMatter.order ?? Int.max, $1.path)
        }
        let progress = progress
        progress.begin(.markdown, total: ordered.count)
        defer { progress.end(.markdown) }
        let results = await cache.renderMarkdown(ordered, settings: settings) { page in
            defer { progress.advance(.markdown) }
            return try renderer.render(
                page.body, path: "content/" + page.path, firstLine: page.bodyFirstLine, values: page.frontMatter.values)
        }
        var pages: [BuiltPage] = []
        var errors: [any LocatedError] = []
        var warnings: [BuildWarning] = []
        for (source, result) in zip(ordered, results) {
            switch result {
            case .success(let rendered):
                pages.append(BuiltPage(source: source, rendered: rendered))
                warnings += rendered.warnings
            case .failure(let error): errors.append(Self.located(error, path: "content/" + source.path))
            }
        }
        return (pages, errors, warnings)
    }

    /// Where an image a page names is, for ``MarkdownOptions/imageFile``: a relative destination
    /// (its query and fragment dropped, percent escapes decoded) from the page's folder; `nil` for a
    /// web address, a `data:` image or one starting at the site root.
    public static func imageFile(in contentDirectory: URL) -> @Sendable (String, String) -> URL? {
        { page, destination in
            guard !destination.isEmpty, !destination.hasPrefix("/"), !destination.hasPrefix("#"),
                !destination.contains(":")
            else { return nil }
            let path = destination.split(whereSeparator: { $0 == "?" || $0 == "#" }).first.map(String.init) ?? ""
            guard let decoded = path.removingPercentEncoding, !decoded.isEmpty else { return nil }
            let pagePath = page.hasPrefix("content/") ? String(page.dropFirst("content/".count)) : page
            let folder = pagePath.split(separator: "/").dropLast().joined(separator: "/")
            return contentDirectory.appendingPathComponent(folder.isEmpty ? decoded : folder + "/" + decoded)
                .standardizedFileURL
        }
    }

    /// Stage 3, sections: the sections' pages after the Markdown pages, and the 404 page. Pages in
    /// the navigation come first, in reading order; the rest keep their section's order.
    func addSectionPages(to markdownPages: [BuiltPage], _ prepared: PreparedSite) async throws -> [BuiltPage] {
        progress.begin(.sections)
        defer { progress.end(.sections) }
        let sectionPages = try await prepared.sections.pages
        let hasHome = (markdownPages + sectionPages).contains { $0.url == Self.homePath }
        let home = hasHome ? [] : [Self.generatedHomePage(settings: prepared.content.settings)]
        let pages =
            home + markdownPages + sectionPages + [
                Self.notFoundPage(settings: prepared.content.settings)
            ]
        return pages.filter(\.inNavigation) + pages.filter { !$0.inNavigation }
    }

    /// Every file of the site but the streamed pages, in the order they are written; the pages,
    /// the search index and the handout are empty until their stages fill them in.
    func outputFiles<Cache: PageCache>(
        for pages: [BuiltPage], streamed: [String], _ prepared: PreparedSite, cache: inout Cache
    ) async throws -> [OutputFile] {
        let (content, theme) = (prepared.content, prepared.theme)
        var files = pages.map { OutputFile(path: $0.url, contents: .data(Data())) }
        files += theme.assets.keys.sorted().compactMap { path in
            theme.assets[path].map { OutputFile(path: path, contents: .data($0)) }
        }
        let navigation = pages.filter(\.inNavigation)
        files.append(
            .text(
                Self.navigationScriptPath,
                try cache.navigationScript(for: navigation, make: Self.navigationScript)
                    + Self.valuesScript(for: content.settings.values)))
        files.append(OutputFile(path: SearchIndex.path, contents: .data(Data())))
        files.append(OutputFile(path: PrintHandout.path, contents: .data(Data())))
        if !content.settings.baseURL.isEmpty {
            files.append(
                .text("sitemap.xml", Self.sitemap(baseURL: content.settings.baseURL, urls: pages.map(\.url) + streamed))
            )
        }
        files += content.files.filter { !prepared.sections.consumedFiles.contains($0) }.map {
            OutputFile(path: $0, contents: .copy(prepared.contentDirectory.appendingPathComponent($0)))
        }
        return files + (try await prepared.sections.files)
    }

    /// Stage 4, checks: output paths that collide, step numbering and links; the errors found, tallied.
    func check<Cache: PageCache>(
        _ pages: [BuiltPage], files: [OutputFile], streamed: [String], cache: inout Cache
    ) throws -> ErrorTally {
        progress.begin(.checks)
        defer { progress.end(.checks) }
        let paths = files.map(\.path) + streamed
        var errors = ErrorTally(Self.collisions(in: paths).lazy.map { $0 as any LocatedError })
        for (page, linkErrors) in zip(pages, try cache.linkErrors(in: pages, outputPaths: Set(paths))) {
            for error in Self.stepErrors(in: page) { errors.add(error) }
            errors.add(linkErrors)
        }
        return errors
    }

    /// Stage 5, templates: every page through `layout.mustache`, on all cores.
    func applyTemplates<Cache: PageCache>(
        to pages: [BuiltPage], _ prepared: PreparedSite, cache: inout Cache, sink: PageSink?
    ) async throws -> [String: RenderedPage] {
        progress.begin(.templates, total: pages.count)
        defer { progress.end(.templates) }
        let site = SiteContext(settings: prepared.content.settings, pages: pages)
        let results = await cache.renderPages(of: site, with: prepared.templates, progress: progress, sink: sink)
        var rendered: [String: RenderedPage] = [:]
        for (page, result) in zip(pages, results) {
            switch result {
            case .success(let html): rendered[page.url] = html
            case .failure(let error): throw Self.located(error, path: page.sourcePath ?? page.url)
            }
        }
        return rendered
    }

    /// The handout being made: what it is made from, and its render, started alongside the
    /// pages when the cache will need it (a large course's handout takes about as long as the
    /// pages, on one core).
    struct PendingHandout: Sendable {
        var pages: [BuiltPage]
        var key: PrintHandout.Key
        var render: WorkerThreads.Pending<Data>?
    }

    /// Starts stage 6 before stages 4 and 5 when `cache` will render the handout.
    func startHandout<Cache: PageCache>(
        of pages: [BuiltPage], _ prepared: PreparedSite, cache: Cache
    ) -> PendingHandout {
        let (settings, templates) = (prepared.content.settings, prepared.templates)
        let key = PrintHandout.Key(pages: pages, settings: settings)
        guard cache.rendersHandout(key: key) else { return PendingHandout(pages: pages, key: key) }
        return PendingHandout(
            pages: pages, key: key,
            render: WorkerThreads.start([pages], threadCount: 1) {
                try PrintHandout(pages: $0).render(settings: settings, with: templates)
            })
    }

    /// Stage 6, handout: `print.html`, every lab in reading order (the search index is made
    /// alongside since stage 3). `nil` when the cache serves it later (the preview).
    func renderHandout<Cache: PageCache>(
        _ pending: PendingHandout, _ prepared: PreparedSite, cache: inout Cache, sink: PageSink?
    ) async throws -> RenderedPage? {
        progress.begin(.handout)
        defer { progress.end(.handout) }
        let (settings, templates, sections, redacts, pages) =
            (prepared.content.settings, prepared.templates, prepared.sections, options.redact, pending.pages)
        let render = { @Sendable in try PrintHandout(pages: pages).render(settings: settings, with: templates) }
        let handout = try await cache.handout(
            key: pending.key,
            render: {
                guard let started = pending.render else { return try render() }
                return try await started.value()[0].get()
            },
            deferred: {
                let html = String(decoding: try render(), as: UTF8.self)
                return redacts ? sections.redact(html) : html
            })
        return try handout.map { try .made($0.html, reused: $0.reused, path: PrintHandout.path, sink: sink) }
    }

    /// Stage 7, write: the rendered files into the staging folder (the streamed pages are written
    /// there as they are rendered).
    func write(_ site: RenderedSite, to staging: OutputWriter.Staging) throws {
        progress.begin(.write, total: site.files.count)
        defer { progress.end(.write) }
        try staging.write(site.files)
    }
}
