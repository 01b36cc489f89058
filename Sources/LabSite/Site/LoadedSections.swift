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
        // The three parts on all cores: a large trail's pages and its table's data script each take
        // a noticeable share of a build.
        let makers: [@Sendable () throws -> Part] = [
            { .pages(try sections.flatMap { try $0.pages().map(BuiltPage.init(generated:)) }) },
            { .streams(try sections.compactMap { try $0.pageStream() }) },
            { .files(try sections.flatMap { try $0.files() }) },
        ]
        let parts = makers.concurrentMap { try $0() }
        (pages, streams, files) = ([], [], [])
        for part in parts {
            switch try part.get() {
            case .pages(let made): pages = made
            case .streams(let made): streams = made
            case .files(let made): files = made
            }
        }
        warnings = sections.flatMap(\.warnings)
        consumedFiles = sections.reduce(into: Set<String>()) { $0.formUnion($1.consumedFiles) }
        self.sections = sections
    }

    /// One of the parts the sections contribute, made at the same time as the others.
    private enum Part: Sendable {
        case pages([BuiltPage])
        case streams([PageStream])
        case files([OutputFile])
    }

    /// `text` with every section's hidden values replaced by their stand-ins (`--redact`).
    func redact(_ text: String) -> String {
        sections.reduce(text) { $1.redact($0) }
    }
}
