import Foundation

/// What ``ContentLoader`` read last time, by path under `content/`, with each file's size and
/// modification time: a file whose stamp is unchanged is not read or parsed again
/// (`labsite serve` rebuilds a large site after every save).
public struct ContentCache: Sendable {
    /// Equal stamps stand for equal contents.
    typealias Stamp = FileStamp

    /// A parsed file: a page, or the settings.
    enum Entry: Sendable {
        case page(SourcePage)
        case settings(SiteSettings)
    }

    private var entries: [String: (stamp: Stamp, entry: Entry)] = [:]

    /// How many pages and settings files the last load read rather than took from the cache.
    public private(set) var filesRead = 0

    /// The source folder's files with their stamps, by path from the source folder
    /// (`content/cloudtrail.md`), as a watcher that lists them anyway found them; the loader then
    /// neither lists `content/` nor stats its files (each costs a system call per file).
    /// `nil`: the loader lists and stats them itself.
    var listing: [String: Stamp]?
    /// The last listing and its sorted paths under `content/`, reused while it holds the same paths.
    private var listedPaths: (listing: [String: Stamp], paths: [String])?

    /// The paths under `content/` of `listing`, relative to it and sorted; sorted again only when
    /// a file was added, removed or renamed since the last call.
    mutating func contentPaths(of listing: [String: Stamp]) -> [String] {
        if let listedPaths, listedPaths.listing.count == listing.count,
            listedPaths.listing.keys.allSatisfy({ listing[$0] != nil })
        {
            return listedPaths.paths
        }
        let prefix = "content/"
        let paths = listing.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
        listedPaths = (listing, paths)
        return paths
    }

    /// Creates an empty cache; the first load with it reads every file.
    public init() {}

    /// The stored parse of `path` when its stamp is still `stamp`.
    func entry(_ path: String, stamp: Stamp?) -> Entry? {
        guard let stamp, let stored = entries[path], stored.stamp == stamp else { return nil }
        return stored.entry
    }

    /// Replaces the stored parses with this load's (files that are gone are forgotten).
    mutating func replace(with next: [String: (stamp: Stamp, entry: Entry)], filesRead: Int) {
        entries = next
        self.filesRead = filesRead
    }
}
