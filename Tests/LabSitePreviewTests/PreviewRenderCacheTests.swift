import Foundation
import Testing

@testable import LabSite
@testable import LabSitePreview

/// The render cache as the preview server drives it: with the watcher's listing of the sources,
/// and answering `print.html` with the deferred handout.
@Suite("Render cache in the preview")
struct PreviewRenderCacheTests {
    @Test("with the watcher's listing instead of the loader's own: equal to a clean build after edits")
    func watcherListing() async throws {
        let copy = try CourseCopy()
        let watcher = SourceWatcher(sourceDirectory: copy.root)
        var cache = RenderCache()
        for step in ["first build", "edit a page", "add a page", "delete a page"] {
            switch step {
            case "edit a page": try copy.edit("content/cloudwatch.md") { $0 + "\n덧붙인 문장.\n" }
            case "add a page": try copy.write("content/extra.md", "---\ntitle: 추가\norder: 2\n---\n\n본문.\n")
            case "delete a page":
                try FileManager.default.removeItem(at: copy.root.appendingPathComponent("content/extra.md"))
            default: break
            }
            cache.sourceListing = watcher.scan()
            let statistics = try await RenderComparison.check(copy.root, cache: &cache, step)
            if step == "edit a page" { #expect(statistics.contentFilesRead == 1) }
        }
    }

    @Test("the preview answers print.html with the deferred handout, equal to a clean build's")
    func servedHandout() async throws {
        // RenderCacheTests follows the deferred handout through edits; here it is served once.
        let copy = try CourseCopy()
        var cache = RenderCache()
        cache.defersHandout = true
        let builder = SiteBuilder(sourceDirectory: copy.root, sectionTypes: courseSections)
        let files = try await builder.renderSite(cache: &cache).files
        let handout = try #require(cache.deferredHandout)
        let clean = try #require(RenderComparison.bytes(try await builder.renderSite().files)[PrintHandout.path])
        let site = PreviewSite(
            files: files, contentDirectory: copy.root.appendingPathComponent("content"), handout: handout)
        #expect(site.data(at: PrintHandout.path) == clean)
    }
}
