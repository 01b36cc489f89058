/// What the site's sections contribute, gathered once per render (and kept by ``RenderCache``
/// while their input files do not change).
struct LoadedSections: Sendable {
    /// The fenced-block generators of every section.
    var directives: [Directive]
    /// Every section's pages, in section order.
    var pages: [BuiltPage]
    /// Every section's streamed pages (one page per CloudTrail event), rendered while writing.
    var streams: [PageStream]
    /// Every section's extra files.
    var files: [OutputFile]
    /// Every section's findings.
    var warnings: [BuildWarning]
    /// Input files the sections publish themselves.
    var consumedFiles: Set<String>
    /// The sections themselves, for ``redact(_:)``.
    private let sections: [any SiteSection]

    /// Asks each section for its parts.
    init(_ sections: [any SiteSection]) throws {
        directives = sections.flatMap(\.directives)
        pages = []
        files = []
        streams = []
        for section in sections {
            pages += try section.pages().map(BuiltPage.init(generated:))
            if let stream = try section.pageStream() { streams.append(stream) }
            files += try section.files()
        }
        warnings = sections.flatMap(\.warnings)
        consumedFiles = sections.reduce(into: Set<String>()) { $0.formUnion($1.consumedFiles) }
        self.sections = sections
    }

    /// `text` with every section's hidden values replaced by their stand-ins (`--redact`).
    func redact(_ text: String) -> String {
        sections.reduce(text) { $1.redact($0) }
    }
}
