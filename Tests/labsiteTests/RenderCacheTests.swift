import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail
@testable import LabSiteCloudWatch
@testable import LabSiteIAM

/// The caches a rebuild reuses (content files, navigation, search index, link checks, the
/// deferred handout) each follow the edit they depend on; every render is also compared with a
/// clean one byte for byte.
@Suite("Render cache")
struct RenderCacheTests {
    /// The text of one output file of a render.
    static func text(_ path: String, in files: [OutputFile]) throws -> String {
        let bytes = try RenderComparison.bytes(files)
        return String(decoding: try #require(bytes[path], "\(path) is missing"), as: UTF8.self)
    }

    /// Renders with `cache` (and checks the result against a clean render) and returns the files.
    static func render(
        _ root: URL, cache: inout RenderCache, _ step: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [OutputFile] {
        _ = try await RenderComparison.check(root, cache: &cache, step, sourceLocation: sourceLocation)
        return try await SiteBuilder(sourceDirectory: root, sectionTypes: courseSections).renderSite(cache: &cache)
            .files
    }

    @Test("only the saved file is read again")
    func contentFiles() async throws {
        let copy = try CourseCopy()
        var cache = RenderCache()
        let first = try await RenderComparison.check(copy.root, cache: &cache, "first build")
        #expect(first.contentFilesRead > 1)
        let unchanged = try await RenderComparison.check(copy.root, cache: &cache, "no change")
        #expect(unchanged.contentFilesRead == 0)
        try copy.edit("content/cloudwatch.md") { $0 + "\n덧붙인 문장.\n" }
        let edited = try await RenderComparison.check(copy.root, cache: &cache, "edit a page")
        #expect(edited.contentFilesRead == 1)
        try copy.edit("content/site.yml") { $0.replacingOccurrences(of: "title: AWS", with: "title: 개정판 AWS") }
        let settings = try await RenderComparison.check(copy.root, cache: &cache, "edit the settings")
        #expect(settings.contentFilesRead == 1)
        #expect(settings.pagesRendered == settings.pageCount + 1)
    }

    @Test("a changed title updates nav.js, the neighbours' prev/next links and the search index")
    func title() async throws {
        let copy = try CourseCopy()
        var cache = RenderCache()
        _ = try await Self.render(copy.root, cache: &cache, "first build")
        try copy.edit("content/cloudwatch.md") { text in
            guard let title = text.range(of: "title: ") else { return text }
            return text.replacingCharacters(in: title, with: "title: 바뀐제목표시 ")
        }
        let files = try await Self.render(copy.root, cache: &cache, "change a title")
        #expect(try Self.text(SiteBuilder.navigationScriptPath, in: files).contains("바뀐제목표시"))
        #expect(try Self.text(SearchIndex.path, in: files).contains("바뀐제목표시"))
        let neighbours = try files.filter { $0.path.hasSuffix(".html") && $0.path != "cloudwatch.html" }.filter {
            try Self.text($0.path, in: files).contains("바뀐제목표시")
        }
        // The home page's lab card and at least one prev/next neighbour.
        #expect(neighbours.map(\.path).contains("index.html"))
        #expect(neighbours.count >= 2)
    }

    @Test("an edited page's text reaches the search index")
    func search() async throws {
        let copy = try CourseCopy()
        var cache = RenderCache()
        let before = try Self.text(SearchIndex.path, in: try await Self.render(copy.root, cache: &cache, "first"))
        try copy.edit("content/cloudwatch.md") { $0 + "\n검색에걸릴새문장이다.\n" }
        let after = try Self.text(SearchIndex.path, in: try await Self.render(copy.root, cache: &cache, "edit"))
        #expect(!before.contains("검색에걸릴새문장이다"))
        #expect(after.contains("검색에걸릴새문장이다"))
    }

    @Test("a broken link in an edited page is reported, and so is one broken by a renamed heading")
    func links() async throws {
        let copy = try CourseCopy()
        var cache = RenderCache()
        _ = try await Self.render(copy.root, cache: &cache, "first build")
        let builder = SiteBuilder(sourceDirectory: copy.root, sectionTypes: courseSections)

        try copy.edit("content/cloudwatch.md") { $0 + "\n[없는 페이지](missing.md)\n" }
        let missing = try await #require(throws: BuildErrors.self) { try await builder.renderSite(cache: &cache) }
        #expect(missing.errors.map(\.path) == ["content/cloudwatch.md"])
        try copy.edit("content/cloudwatch.md") { $0.replacingOccurrences(of: "\n[없는 페이지](missing.md)\n", with: "") }
        _ = try await Self.render(copy.root, cache: &cache, "link removed")

        // An unchanged page links to an anchor of the edited page; renaming the heading breaks it.
        try copy.edit("content/cloudtrail.md") { $0 + "\n[결제 설정](cloudwatch.md#step-2)\n" }
        _ = try await Self.render(copy.root, cache: &cache, "anchor link added")
        try copy.edit("content/cloudwatch.md") { $0.replacingOccurrences(of: "## 2. ", with: "## 이름만 바뀐 절 ") }
        let anchor = try await #require(throws: BuildErrors.self) { try await builder.renderSite(cache: &cache) }
        #expect(anchor.errors.contains { $0.path == "content/cloudtrail.md" && $0.reason.contains("#step-2") })
    }

    @Test("the deferred handout equals a clean build's print.html, after edits too")
    func deferredHandout() async throws {
        let copy = try CourseCopy()
        var cache = RenderCache()
        cache.defersHandout = true
        let builder = SiteBuilder(sourceDirectory: copy.root, sectionTypes: courseSections)
        for step in ["first build", "edit"] {
            if step == "edit" { try copy.edit("content/cloudtrail.md") { $0 + "\n인쇄본에도 들어갈 문장.\n" } }
            let files = try await builder.renderSite(cache: &cache).files
            #expect(try Self.text(PrintHandout.path, in: files).isEmpty, "\(step): print.html is deferred")
            let handout = try #require(cache.deferredHandout)
            let clean = try Self.text(PrintHandout.path, in: try await builder.renderSite().files)
            #expect(try handout.html() == clean, "\(step)")
        }
        #expect(try cache.deferredHandout?.html().contains("인쇄본에도 들어갈 문장") == true)
    }
}
