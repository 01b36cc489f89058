import Foundation

/// What a render may take from an earlier one instead of making it again.
///
/// Every stage of ``SiteBuilder`` that a cache can shorten asks its cache, and the protocol's
/// default answers make everything anew, so a stage reads the same whichever cache it has:
/// ``NoPageCache`` for a clean build, ``BuildCache`` for `labsite build` over an earlier output
/// folder (pages kept on disk between runs), ``RenderCache`` for `labsite serve` (every part, in
/// memory). A cache only saves time: with any of them a render is byte-identical to a clean one.
protocol PageCache: Sendable {
    /// The content tree under `content/`.
    mutating func loadContent(with loader: ContentLoader) throws -> ContentTree

    /// The loaded sections; `load` loads them anew.
    mutating func sections(
        input: SectionInput, types: [any SiteSection.Type], load: () throws -> LoadedSections
    ) throws -> LoadedSections

    /// Every Markdown page rendered by `render`, in order, each page's error kept in its `Result`.
    mutating func renderMarkdown(
        _ pages: [SourcePage], settings: SiteSettings,
        render: @escaping @Sendable (SourcePage) throws -> RenderedMarkdown
    ) async -> [Result<RenderedMarkdown, any Error>]

    /// `assets/nav.js` for the pages in the navigation; `make` makes it anew.
    mutating func navigationScript(for pages: [BuiltPage], make: ([BuiltPage]) throws -> String) throws -> String

    /// The search index script of `pages`, being made while the caller goes on.
    mutating func searchIndex(for pages: [BuiltPage]) -> Task<SearchScript, any Error>

    /// Each page's broken links.
    mutating func linkErrors(in pages: [BuiltPage], outputPaths: Set<String>) throws -> [ErrorTally]

    /// Called once the theme is known, before ``renderPages(of:with:progress:)`` and
    /// ``handout(key:render:deferred:)``: pages rendered with other templates cannot be reused.
    mutating func useTemplates(_ sources: [String: String])

    /// Every page of `site` through the templates, in order, each page's error kept in its `Result`;
    /// with a `sink`, each page goes to it as soon as it is made instead of staying in the result.
    mutating func renderPages(
        of site: SiteContext, with templates: TemplateRenderer, progress: BuildProgress, sink: PageSink?
    ) async -> [Result<RenderedPage, any Error>]

    /// Whether ``handout(key:render:deferred:)`` with `key` will call its `render`, so that the
    /// builder may start the handout early, alongside the pages.
    func rendersHandout(key: PrintHandout.Key) -> Bool

    /// `print.html`: `render` makes it now; a cache that serves it later instead (the preview)
    /// returns `nil` for its HTML and keeps `deferred`, which also redacts it.
    mutating func handout(
        key: PrintHandout.Key, render: @escaping @Sendable () async throws -> Data,
        deferred: @escaping @Sendable () throws -> String
    ) async throws -> RenderedPage?

    /// Keeps what the next run needs, once the build has been written.
    func saveForNextRun()
}

/// Where pages go as soon as they are made: `labsite build` writes each into the staging folder at
/// once, so a large site's pages are not all held in memory until the end.
typealias PageSink = @Sendable (_ path: String, _ html: Data) throws -> Void

/// A page's HTML from the templates, and whether it was taken from a cache rather than rendered.
///
/// The HTML is kept as the UTF-8 bytes the templates wrote and the file gets: making a `String`
/// of them checks every byte again, which for a large course's pages, handout and search index
/// was a tenth of the build.
struct RenderedPage: Sendable {
    /// The page's HTML; empty once it went to a ``PageSink``.
    var html: Data
    /// Whether the HTML came from an earlier render.
    var reused: Bool
    /// Whether the page went to a ``PageSink`` (and so is written already).
    var delivered = false

    /// The page at `path` with `html`, handed to `sink` at once when there is one.
    static func made(_ html: Data, reused: Bool, path: String, sink: PageSink?) throws -> RenderedPage {
        guard let sink else { return RenderedPage(html: html, reused: reused) }
        try sink(path, html)
        return RenderedPage(html: Data(), reused: reused, delivered: true)
    }
}

/// The search index script and the bytes of page text it holds.
struct SearchScript: Sendable {
    /// `assets/search-index.js`.
    var script: Data
    /// Bytes of page text the index holds, to judge its overhead.
    var textBytes: Int
}

extension PageCache {
    mutating func loadContent(with loader: ContentLoader) throws -> ContentTree {
        try loader.load()
    }

    mutating func sections(
        input: SectionInput, types: [any SiteSection.Type], load: () throws -> LoadedSections
    ) throws -> LoadedSections {
        try load()
    }

    mutating func renderMarkdown(
        _ pages: [SourcePage], settings: SiteSettings,
        render: @escaping @Sendable (SourcePage) throws -> RenderedMarkdown
    ) async -> [Result<RenderedMarkdown, any Error>] {
        await WorkerThreads.map(pages, render)
    }

    mutating func navigationScript(
        for pages: [BuiltPage], make: ([BuiltPage]) throws -> String
    ) throws -> String {
        try make(pages)
    }

    mutating func searchIndex(for pages: [BuiltPage]) -> Task<SearchScript, any Error> {
        Task { try SearchScript(index: SearchIndex(pages: pages)) }
    }

    mutating func linkErrors(in pages: [BuiltPage], outputPaths: Set<String>) throws -> [ErrorTally] {
        let checker = LinkChecker(pages: pages, outputPaths: outputPaths)
        return try WorkerThreads.map(pages, checker.errors(in:)).map { try $0.get() }
    }

    mutating func useTemplates(_ sources: [String: String]) {}

    mutating func renderPages(
        of site: SiteContext, with templates: TemplateRenderer, progress: BuildProgress, sink: PageSink?
    ) async -> [Result<RenderedPage, any Error>] {
        await WorkerThreads.map(Array(site.pages.indices)) { index in
            defer { progress.advance(.templates) }
            let html = try site.renderPage(at: index, with: templates)
            return try .made(html, reused: false, path: site.pages[index].url, sink: sink)
        }
    }

    func rendersHandout(key: PrintHandout.Key) -> Bool { true }

    mutating func handout(
        key: PrintHandout.Key, render: @escaping @Sendable () async throws -> Data,
        deferred: @escaping @Sendable () throws -> String
    ) async throws -> RenderedPage? {
        RenderedPage(html: try await render(), reused: false)
    }

    func saveForNextRun() {}
}

/// The cache of a clean build, which keeps nothing: every stage makes everything anew.
struct NoPageCache: PageCache {
    /// A cache that keeps nothing.
    init() {}
}

extension SearchScript {
    /// The script of `index`.
    init(index: SearchIndex) throws {
        self.init(script: try index.script(), textBytes: index.textBytes)
    }
}
