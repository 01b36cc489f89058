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
public struct BuildCache: Sendable {
    /// One page's digests, as hexadecimal text.
    struct Entry: Codable, Sendable, Equatable {
        var inputs: String
        var output: String
    }

    /// The stored digests by output path.
    private(set) var entries: [String: Entry]
    /// Mixed into every inputs digest: the templates and the executable that rendered them.
    let salt: String

    /// An empty cache for a build with `templates`.
    init(templates: [String: String], entries: [String: Entry] = [:]) {
        var digest = ContentDigest()
        digest.add(Self.executableStamp)
        for name in templates.keys.sorted() {
            digest.add(name)
            digest.add(templates[name] ?? "")
        }
        salt = digest.hex
        self.entries = entries
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

    /// The entries stored at `file` for a build with `templates`; none when the file is missing,
    /// unreadable or was written for other templates or another labsite.
    static func load(from file: URL, templates: [String: String]) -> BuildCache {
        var cache = BuildCache(templates: templates)
        guard let data = try? Data(contentsOf: file),
            let stored = try? JSONDecoder().decode(Stored.self, from: data), stored.salt == cache.salt
        else { return cache }
        cache.entries = stored.entries
        return cache
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
    func storedPage(_ path: String, inputs: String, in outputDirectory: URL) -> String? {
        guard let entry = entries[path], entry.inputs == inputs,
            let data = FileManager.default.contents(atPath: outputDirectory.appendingPathComponent(path).path)
        else { return nil }
        let html = String(decoding: data, as: UTF8.self)
        return Self.outputDigest(of: html) == entry.output ? html : nil
    }

    /// The digest of a page's HTML as written.
    static func outputDigest(of html: String) -> String {
        var digest = ContentDigest()
        digest.add(html)
        return digest.hex
    }

    /// This render's entries, replacing the stored ones.
    mutating func replaceEntries(with next: [String: Entry]) {
        entries = next
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
