import Foundation

/// What a render starts from: the content, the theme and the sections' parts.
///
/// The streamed pages (one per CloudTrail event) need nothing more, so ``SiteBuilder/build()``
/// writes them while the rest of the site is checked and rendered.
struct PreparedSite: Sendable {
    /// The pages, files and settings under `content/`.
    let content: ContentTree
    /// The `content/` folder.
    let contentDirectory: URL
    /// The built-in theme with the site's overrides.
    let theme: Theme
    /// The theme's templates, parsed.
    let templates: TemplateRenderer
    /// What the sections contribute.
    let sections: LoadedSections
    /// Renders the streams' batches.
    let streamRenderer: StreamedPageRenderer
    /// Ids in the published files that reveal an account, as warnings (none with `--redact`,
    /// which replaces them).
    let identifierWarnings: [BuildWarning]

    init(
        content: ContentTree, contentDirectory: URL, theme: Theme, templates: TemplateRenderer,
        sections: LoadedSections, redacts: Bool, identifierWarnings: [BuildWarning] = []
    ) {
        self.identifierWarnings = identifierWarnings
        self.content = content
        self.contentDirectory = contentDirectory
        self.theme = theme
        self.templates = templates
        self.sections = sections
        streamRenderer = StreamedPageRenderer(
            settings: content.settings, templates: templates, sections: sections, redacts: redacts)
    }

    /// How many streamed pages there are (one per CloudTrail event).
    var streamedPageCount: Int { sections.streams.reduce(0) { $0 + $1.entries.count } }

    /// Renders every streamed batch on all cores and hands each batch's files to `body` as soon as
    /// it is done (several batches at once), so only the batches in flight are in memory.
    ///
    /// `body` writes files, and ``WorkerThreads`` keeps the cores busy while a thread waits for
    /// the file system.
    func forEachStreamedBatch(
        progress: BuildProgress, _ body: @escaping @Sendable ([OutputFile]) throws -> Void
    ) async throws {
        let renderer = streamRenderer
        progress.begin(.streamed, total: streamedPageCount)
        defer { progress.end(.streamed) }
        for stream in sections.streams {
            try await WorkerThreads.forEach(stream.batchCount) { batch in
                let files = try renderer.files(forBatch: batch, of: stream)
                try body(files)
                progress.advance(.streamed, by: files.count)
            }
        }
    }

    /// Every streamed page, in batch order (for `labsite serve` and tests, which keep the site in memory).
    func streamedFiles() async throws -> [OutputFile] {
        let renderer = streamRenderer
        var output: [OutputFile] = []
        for stream in sections.streams {
            let results = await WorkerThreads.map(Array(0..<stream.batchCount)) { batch in
                try renderer.files(forBatch: batch, of: stream)
            }
            for result in results { output += try result.get() }
        }
        return output
    }
}
