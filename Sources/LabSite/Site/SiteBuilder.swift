import Foundation

/// Builds a site in named stages: load → Markdown → sections → checks → templates → search index
/// and handout → write (one function each, in `SiteBuilder+Stages.swift`), with the event pages
/// streamed into the output folder while the rest is rendered.
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
    /// Where ``build()`` reports its stages as it goes (a progress line on a terminal).
    public var progress = BuildProgress.silent

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
    ///   ``BuildErrors`` counting the broken pages, links and steps found and listing the first.
    @discardableResult
    public func build() async throws -> Report {
        // `--redact` output must never be taken from an unredacted earlier build, so it keeps no cache.
        if let buildCacheFile, !options.redact {
            var cache = BuildCache(file: buildCacheFile, outputDirectory: outputDirectory)
            return try await build(with: &cache)
        }
        var cache = NoPageCache()
        return try await build(with: &cache)
    }

    private func build<Cache: PageCache>(with cache: inout Cache) async throws -> Report {
        let prepared = try load(cache: &cache)
        let staging = try OutputWriter(
            destination: outputDirectory, removesOldSiteInBackground: removesOldSiteInBackground
        ).stage()
        let site: RenderedSite
        do {
            // The streamed pages need only the sections and the theme, so they are written while the
            // rest of the site is checked and rendered, which alone keeps the cores only partly busy.
            // A failed check cancels them, and leaving this scope waits for them to stop.
            async let streamed: Void = prepared.forEachStreamedBatch(progress: progress) { try staging.write($0) }
            // Pages go into the staging folder as soon as they are made, so they are not all in memory
            // at once; `--redact` rewrites each on its way.
            let (redacts, sections) = (options.redact, prepared.sections)
            site = try await render(prepared, cache: &cache) { path, html in
                let file = OutputFile(path: path, contents: .data(html))
                try staging.write([redacts ? try Self.redacted(file, by: sections) : file])
            }
            try write(site, to: staging)
            try await streamed
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
        cache.saveForNextRun()
        let report = Report(
            pageCount: site.files.count { $0.path.hasSuffix(".html") } + site.writtenPages + prepared.streamedPageCount,
            fileCount: site.files.count + site.writtenPages + prepared.streamedPageCount,
            warnings: site.warnings, searchIndexBytes: site.searchIndexBytes, searchTextBytes: site.searchTextBytes,
            reusedPageCount: site.reusedPageCount,
            redactedIdentifierCount: options.redact ? prepared.sections.revealingIdentifiers.count : 0)
        // Freeing a large site (every event's facts, the search index) takes a noticeable moment
        // that the caller need not wait for: the last references go away on another thread.
        DispatchQueue.global(qos: .utility).async { [site = consume site, prepared = consume prepared] in
            withExtendedLifetime((site, prepared)) {}
        }
        return report
    }

    /// Renders the whole site in memory, without writing anything.
    public func renderSite() async throws -> (files: [OutputFile], warnings: [BuildWarning], searchTextBytes: Int) {
        var cache = NoPageCache()
        return try await renderInMemory(cache: &cache)
    }

    /// Renders the whole site in memory, reusing the parts of `cache` whose inputs did not change
    /// and storing this render's parts in it (`labsite serve`).
    public func renderSite(
        cache: inout RenderCache
    ) async throws -> (files: [OutputFile], warnings: [BuildWarning], searchTextBytes: Int) {
        try await renderInMemory(cache: &cache)
    }

    private func renderInMemory<Cache: PageCache>(
        cache: inout Cache
    ) async throws -> (files: [OutputFile], warnings: [BuildWarning], searchTextBytes: Int) {
        let prepared = try load(cache: &cache)
        let site = try await render(prepared, cache: &cache)
        return (site.files + (try await prepared.streamedFiles()), site.warnings, site.searchTextBytes)
    }
}
