/// What the site's sections contribute, gathered once per render (and kept by ``RenderCache``
/// while their input files do not change).
struct LoadedSections: Sendable {
    /// The fenced-block generators of every section.
    var directives: [Directive]
    /// Every section's streamed pages (one page per CloudTrail event), rendered while writing.
    var streams: [PageStream]
    /// Every section's findings.
    var warnings: [BuildWarning]
    /// Input files the sections publish themselves.
    var consumedFiles: Set<String>
    /// The AWS ids and account numbers the sections found in the files they read themselves.
    var identifierScan: IdentifierScan
    /// The sections themselves, for ``redact(_:)``.
    private let sections: [any SiteSection]
    /// Every section's pages and extra files, being made from `init` on.
    private let parts: Task<(pages: [BuiltPage], files: [OutputFile]), any Error>

    /// Asks each section for its parts.
    ///
    /// Only the streams are ready when this returns. The pages and files of a large trail take a
    /// second to make, in which the streamed pages can already be written, so they are made in the
    /// background: a build awaits them in ``pages`` and ``files`` while its streamed pages are
    /// written, and a failure to make them fails the build there.
    init(_ sections: [any SiteSection]) throws {
        directives = sections.flatMap(\.directives)
        streams = try sections.compactMap { try $0.pageStream() }
        parts = Task {
            // Both on all cores: a large trail's pages and its table's data script each take a
            // noticeable share of a build.
            let makers: [@Sendable () throws -> Part] = [
                { .pages(try sections.flatMap { try $0.pages().map(BuiltPage.init(generated:)) }) },
                { .files(try sections.flatMap { try $0.files() }) },
            ]
            var made: (pages: [BuiltPage], files: [OutputFile]) = ([], [])
            for part in WorkerThreads.map(makers, { try $0() }) {
                switch try part.get() {
                case .pages(let pages): made.pages = pages
                case .files(let files): made.files = files
                }
            }
            return made
        }
        warnings = sections.flatMap(\.warnings)
        consumedFiles = sections.reduce(into: Set<String>()) { $0.formUnion($1.consumedFiles) }
        identifierScan = sections.reduce(into: IdentifierScan()) { $0.merge($1.identifierScan) }
        self.sections = sections
    }

    /// Every section's pages, in section order.
    var pages: [BuiltPage] {
        get async throws { try await parts.value.pages }
    }

    /// Every section's extra files.
    var files: [OutputFile] {
        get async throws { try await parts.value.files }
    }

    /// One of the parts the sections contribute, made at the same time as the other.
    private enum Part: Sendable {
        case pages([BuiltPage])
        case files([OutputFile])
    }

    /// Ids in the published files that reveal an account no file names, each with the stand-in
    /// `--redact` writes instead (``identifierScan``, merged with the builder's own scan).
    private(set) var revealingIdentifiers: [(id: String, standIn: String)] = []

    /// Notes the ids of `scan` that reveal an account, for ``redact(_:)`` and the build's warnings.
    mutating func noteRevealingIdentifiers(in scan: IdentifierScan) {
        var seen: Set<String> = []
        var counters: [Substring: Int] = [:]
        revealingIdentifiers = []
        for sighting in scan.revealing where seen.insert(sighting.identifier.text).inserted {
            let id = sighting.identifier.text
            counters[id.prefix(4), default: 0] += 1
            // `0` and `1` are not base32, so a stand-in never decodes to an account itself.
            let number = String(counters[id.prefix(4), default: 0])
            let padding = String(repeating: "0", count: Swift.max(1, id.count - 12 - number.count))
            revealingIdentifiers.append((id, String(id.prefix(4)) + "REDACTED" + padding + number))
        }
    }

    /// `text` with every section's hidden values replaced by their stand-ins (`--redact`), and the
    /// ids that reveal an account replaced too.
    func redact(_ text: String) -> String {
        var text = sections.reduce(text) { $1.redact($0) }
        for (id, standIn) in revealingIdentifiers where text.contains(id) {
            text = text.replacingOccurrences(of: id, with: standIn)
        }
        return text
    }
}
