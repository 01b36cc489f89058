import Foundation
import Testing

@testable import LabSite
@testable import LabSitePreview

/// The notifier names the paths that changed, and updating a listing for them gives the listing
/// a full scan gives.
@Suite("Change notifier")
struct ChangeNotifierTests {
    #if os(Linux)
        @Test("edits, new files and folders, deletions and renames are named and update the listing")
        func updates() throws {
            let site = try TemporarySite(files: [
                "content/a.md": "a", "content/b.md": "b", "content/guide/c.md": "c", "templates/page.mustache": "p",
            ])
            let watcher = SourceWatcher(sourceDirectory: site.root)
            let notifier = try #require(ChangeNotifier(sourceDirectory: site.root))
            var listing = watcher.scanListing()
            #expect(listing.isPlain)
            #expect(notifier.changedPaths() == [])

            try site.write("content/a.md", "aa")
            try site.write("content/new/d.md", "d")
            try site.write("content/.hidden.md", "x")
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/b.md"))
            try FileManager.default.moveItem(
                at: site.root.appendingPathComponent("content/guide"),
                to: site.root.appendingPathComponent("content/moved"))
            let before = listing
            let paths = try #require(notifier.changedPaths())
            #expect(
                paths.isSuperset(of: ["content/a.md", "content/new", "content/b.md", "content/guide", "content/moved"]))
            #expect(!paths.contains("content/.hidden.md"))
            watcher.update(&listing, paths: paths, notifier: notifier)
            #expect(listing == watcher.scanListing())
            #expect(
                SourceWatcher.changes(from: before, to: listing, among: paths)
                    == SourceWatcher.changes(from: before.stamps, to: listing.stamps))

            // A file in a folder created since is seen too: the new folder is watched.
            try site.write("content/new/e.md", "e")
            let later = try #require(notifier.changedPaths())
            #expect(later.contains("content/new/e.md"))
            let beforeLater = listing
            watcher.update(&listing, paths: later, notifier: notifier)
            #expect(listing == watcher.scanListing())
            #expect(SourceWatcher.changes(from: beforeLater, to: listing, among: later) == ["content/new/e.md"])
        }
    #endif

    @Test("a symlink makes the listing not plain, so the loader lists content/ itself")
    func symlink() throws {
        let site = try TemporarySite(files: ["content/a.md": "a"])
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("content/b.md"),
            withDestinationURL: site.root.appendingPathComponent("content/a.md"))
        #expect(!SourceWatcher(sourceDirectory: site.root).scanListing().isPlain)
    }
}
