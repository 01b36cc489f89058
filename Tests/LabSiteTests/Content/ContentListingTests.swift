import Foundation
import Testing

@testable import LabSite

/// The fast listing of `content/` must list exactly what the `FileManager` listing lists, and
/// leave folders with symlinks to it.
@Suite("Content listing")
struct ContentListingTests {
    @Test("a folder of folders and regular files is listed as FileManager lists it")
    func plain() throws {
        let site = try TemporarySite(files: [
            "content/a.md": "a", "content/guide/b.md": "b", "content/guide/deep/c.txt": "c",
            "content/.hidden.md": "x", "content/.git/config": "x", "content/img/.DS_Store": "x",
        ])
        let folder = site.root.appendingPathComponent("content")
        let plain = try #require(ContentLoader.plainFiles(under: folder.path))
        #expect(plain == ["a.md", "guide/b.md", "guide/deep/c.txt"])
        #expect(plain == (try ContentLoader.resolvedFiles(under: folder)))
        for repositoryFolder in ["content", "templates"] {
            let url = Repository.root.appendingPathComponent(repositoryFolder)
            #expect(ContentLoader.plainFiles(under: url.path) == (try ContentLoader.resolvedFiles(under: url)))
        }
    }

    @Test("a symlink or a missing folder leaves the listing to FileManager")
    func symlink() throws {
        let site = try TemporarySite(files: ["content/a.md": "a"])
        let folder = site.root.appendingPathComponent("content")
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("b.md"), withDestinationURL: folder.appendingPathComponent("a.md"))
        #expect(ContentLoader.plainFiles(under: folder.path) == nil)
        #expect(ContentLoader.plainFiles(under: site.root.appendingPathComponent("missing").path) == nil)
        #expect(try ContentLoader.files(under: folder) == ContentLoader.resolvedFiles(under: folder))
    }
}
