import Foundation

/// What `labsite build` remembers between runs, so that a rebuild over an existing output folder
/// takes the pages whose inputs did not change from that folder instead of running the templates.
///
/// For every page it keeps two digests: of everything the page's HTML is rendered from (its
/// ``SiteContext/RenderKey``, the templates and the labsite executable) and of the HTML written.
/// A page is reused only when its inputs digest is the stored one and the file in the output
/// folder still has the stored output digest, so a file edited or removed by hand is rendered
/// again (`print.html` likewise). Markdown is still rendered on every build (a page's HTML is
/// one of its inputs), and so are streamed pages. The cache is a small JSON file outside the site, in
/// `$XDG_CACHE_HOME/labsite` (or `~/.cache/labsite`); a missing, unreadable or foreign file just
/// means every page is rendered.
public struct BuildCache: PageCache {
    /// One page's digests, as hexadecimal text.
    struct Entry: Codable, Sendable, Equatable {
        var inputs: String
        var output: String
    }

    /// Where the digests are kept between builds.
    let file: URL
    /// The folder the site is written to, which holds the pages to reuse.
    let outputDirectory: URL
    /// The digests stored by the previous build, by output path; read by ``useTemplates(_:)``.
    private var stored: [String: Entry] = [:]
    /// This build's digests, saved by ``saveForNextRun()``.
    private(set) var entries: [String: Entry] = [:]
    /// Mixed into every inputs digest: the templates and the executable that rendered them.
    private var salt = ""

    /// A cache kept in `file` for the site written to `outputDirectory`.
    init(file: URL, outputDirectory: URL) {
        self.file = file
        self.outputDirectory = outputDirectory
    }

    /// The cache file for sites written to `outputDirectory`.
    public static func defaultFile(for outputDirectory: URL) -> URL {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache", isDirectory: true)
        var digest = ContentDigest()
        digest.add(outputDirectory.standardizedFileURL.path)
        return base.appendingPathComponent("labsite", isDirectory: true)
            .appendingPathComponent("build-\(digest.hex).json")
    }

    /// Reads the previous build's digests, unless the file is missing, unreadable or was written
    /// for other templates or another labsite.
    mutating func useTemplates(_ templates: [String: String]) {
        var digest = ContentDigest()
        digest.add(Self.executableStamp)
        for name in templates.keys.sorted() {
            digest.add(name)
            digest.add(templates[name] ?? "")
        }
        salt = digest.hex
        guard let data = try? Data(contentsOf: file),
            let stored = try? JSONDecoder().decode(Stored.self, from: data), stored.salt == salt
        else { return }
        self.stored = stored.entries
    }

    /// Every page through the templates, or from the output folder when it was written from the
    /// same inputs and has not changed since.
    mutating func renderPages(
        of site: SiteContext, with templates: TemplateRenderer, progress: BuildProgress, sink: PageSink?
    ) async -> [Result<RenderedPage, any Error>] {
        let labs = site.labCards
        let cache = self
        let results = await WorkerThreads.map(Array(site.pages.indices)) { index in
            defer { progress.advance(.templates) }
            let inputs = cache.inputsDigest(of: site.renderKey(forPageAt: index, labs: labs))
            let url = site.pages[index].url
            if let (html, entry) = cache.storedPage(url, inputs: inputs) {
                return (try RenderedPage.made(html, reused: true, path: url, sink: sink), entry)
            }
            let html = try site.renderPage(at: index, with: templates)
            let entry = Entry(inputs: inputs, output: Self.outputDigest(of: html))
            return (try RenderedPage.made(html, reused: false, path: url, sink: sink), entry)
        }
        entries = [:]
        for (page, result) in zip(site.pages, results) {
            if case .success(let (_, entry)) = result { entries[page.url] = entry }
        }
        return results.map { $0.map(\.0) }
    }

    /// Whether the stored handout was made from other inputs (its file is read and checked only
    /// by ``handout(key:render:deferred:)``, which renders it after all when the file changed).
    func rendersHandout(key: PrintHandout.Key) -> Bool {
        stored[PrintHandout.path]?.inputs != inputsDigest(of: key)
    }

    /// `print.html`, from the output folder when its inputs are unchanged.
    mutating func handout(
        key: PrintHandout.Key, render: @escaping @Sendable () async throws -> Data,
        deferred: @escaping @Sendable () throws -> String
    ) async throws -> RenderedPage? {
        let inputs = inputsDigest(of: key)
        if let (html, entry) = storedPage(PrintHandout.path, inputs: inputs) {
            entries[PrintHandout.path] = entry
            return RenderedPage(html: html, reused: true)
        }
        let html = try await render()
        entries[PrintHandout.path] = Entry(inputs: inputs, output: Self.outputDigest(of: html))
        return RenderedPage(html: html, reused: false)
    }

    /// Writes this build's digests; a build that cannot has still succeeded, it only saves time.
    func saveForNextRun() {
        try? save(to: file)
    }

    /// Writes the entries to `file` (through a temporary file, so a reader never sees half of it).
    func save(to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(Stored(salt: salt, entries: entries))
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)")
        try data.write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else {
            let failure = OutputWriter.OSFailure(code: errno)
            try? FileManager.default.removeItem(at: temporary)
            throw failure
        }
    }

    /// The inputs digest of a page whose template context is made from `key`.
    func inputsDigest(of key: SiteContext.RenderKey) -> String {
        var digest = ContentDigest()
        digest.add(salt)
        key.addFields(to: &digest)
        return digest.hex
    }

    /// The inputs digest of `print.html`.
    func inputsDigest(of key: PrintHandout.Key) -> String {
        var digest = ContentDigest()
        digest.add(salt)
        digest.add("print")
        key.settings.addFields(to: &digest)
        digest.add(key.labs.count)
        for lab in key.labs {
            for text in [lab.url, lab.title, lab.summary, lab.html] { digest.add(text) }
            digest.add(lab.headings)
        }
        return digest.hex
    }

    /// The page's HTML from `outputDirectory` when it was written from the same inputs and has not
    /// changed since; `nil` otherwise.
    func storedPage(_ path: String, inputs: String) -> (html: Data, entry: Entry)? {
        guard let entry = stored[path], entry.inputs == inputs,
            let html = FileManager.default.contents(atPath: outputDirectory.appendingPathComponent(path).path)
        else { return nil }
        return Self.outputDigest(of: html) == entry.output ? (html, entry) : nil
    }

    /// The digest of a page's HTML as written.
    static func outputDigest(of html: Data) -> String {
        var digest = ContentDigest()
        digest.add(html)
        return digest.hex
    }

    private struct Stored: Codable {
        var salt: String
        var entries: [String: Entry]
    }

    /// The size and modification time of the running executable: a new labsite may render the same
    /// inputs differently, so its pages are never taken from an older one's cache.
    private static let executableStamp: String = {
        guard let url = Bundle.main.executableURL,
            let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey])
        else { return "unknown executable \(UUID().uuidString)" }
        let time = values.contentModificationDate?.timeIntervalSinceReferenceDate ?? 0
        return "\(url.path) \(values.fileSize ?? -1) \(time.bitPattern)"
    }()
}
