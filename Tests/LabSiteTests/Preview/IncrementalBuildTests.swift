import Foundation
import Testing

@testable import LabSite

/// The default site (the repository's content/ and templates/, copied) edited step by step:
/// after every edit the cached render must equal a clean render byte for byte.
@Suite("Incremental rebuilds")
struct IncrementalBuildTests {
    /// A copy of the repository's source folder, removed at the end.
    struct Copy: ~Copyable {
        let root: URL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent(
                "labsite-incremental-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for folder in ["content", "templates"] {
                try FileManager.default.copyItem(
                    at: Repository.root.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit of \(path) changes nothing")
            try Data(changed.utf8).write(to: url)
        }

        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
    }

    /// Every output file's bytes.
    static func bytes(_ files: [OutputFile]) throws -> [String: Data] {
        var bytes: [String: Data] = [:]
        for file in files {
            switch file.contents {
            case .data(let data): bytes[file.path] = data
            case .text(let text): bytes[file.path] = Data(text.utf8)
            case .copy(let url): bytes[file.path] = try Data(contentsOf: url)
            }
        }
        return bytes
    }

    /// Renders with the cache and without, and expects the same bytes; returns what the cache redid.
    static func check(
        _ root: URL, cache: inout RenderCache?, _ step: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> RenderCache.Statistics {
        let builder = SiteBuilder(sourceDirectory: root)
        let incremental = try bytes(try await builder.renderSite(cache: &cache).files)
        let clean = try bytes(try await builder.renderSite().files)
        #expect(incremental.keys.sorted() == clean.keys.sorted(), "\(step): file list", sourceLocation: sourceLocation)
        for (path, data) in clean where incremental[path] != data {
            Issue.record("\(step): \(path) differs from a clean build", sourceLocation: sourceLocation)
        }
        return try #require(cache?.statistics)
    }

    @Test("edits, a new page, a title change, a deletion, data and template changes: equal to a clean build")
    func series() async throws {
        let copy = try Copy()
        var cache: RenderCache? = RenderCache()
        let first = try await Self.check(copy.root, cache: &cache, "first build")
        #expect(first.sectionsLoaded)
        #expect(first.pagesRendered == first.pageCount + 1)

        let unchanged = try await Self.check(copy.root, cache: &cache, "no change")
        #expect(!unchanged.sectionsLoaded)
        #expect(unchanged.markdownRendered == 0)
        #expect(unchanged.pagesRendered == 0)

        // A sentence in a lab: that page and the handout (print.html) are rendered again, nothing else.
        try copy.edit("content/cloudwatch.md") { $0 + "\n수정한 뒤에 덧붙인 문장이다.\n" }
        let edited = try await Self.check(copy.root, cache: &cache, "edit a page")
        #expect(edited.markdownRendered == 1)
        #expect(edited.pagesRendered == 2)

        // A new lab joins the reading order: its neighbours and the home page's lab list change.
        try copy.write(
            "content/extra.md",
            "---\ntitle: 추가 실습\norder: 3\nsummary: 새 실습.\n---\n\n## 1. 준비\n\n[홈](index.md)으로 간다.\n")
        let added = try await Self.check(copy.root, cache: &cache, "add a page")
        #expect(added.markdownRendered == 1)
        #expect(added.pagesRendered < added.pageCount)

        try copy.edit("content/cloudtrail.md") { text in
            guard let title = text.range(of: "title: ") else { return text }
            return text.replacingCharacters(in: title, with: "title: 새 제목 ")
        }
        let retitled = try await Self.check(copy.root, cache: &cache, "change a title")
        // The title is front matter: no Markdown is rendered, but the page, its neighbours and the home page are.
        #expect(retitled.markdownRendered == 0)
        #expect(retitled.pagesRendered >= 4)

        try FileManager.default.removeItem(at: copy.root.appendingPathComponent("content/extra.md"))
        let deleted = try await Self.check(copy.root, cache: &cache, "delete a page")
        #expect(deleted.markdownRendered == 0)

        try copy.edit("content/iam/matrix.yml") { $0 + "\n" }
        let data = try await Self.check(copy.root, cache: &cache, "change section data")
        #expect(data.sectionsLoaded)

        try copy.edit("templates/page.mustache") { $0 + "<!-- changed -->\n" }
        let template = try await Self.check(copy.root, cache: &cache, "change a template")
        #expect(template.markdownRendered == 0)
        #expect(template.pagesRendered == template.pageCount + 1)
    }

    @Test("a failed render keeps the cache usable: the next good render equals a clean one")
    func failure() async throws {
        let copy = try Copy()
        var cache: RenderCache? = RenderCache()
        _ = try await Self.check(copy.root, cache: &cache, "first build")
        try copy.write("content/broken.md", "---\ntitle: 깨진 페이지\n---\n\n[없음](missing.md)\n")
        do {
            _ = try await SiteBuilder(sourceDirectory: copy.root).renderSite(cache: &cache)
            Issue.record("the broken link did not fail the build")
        } catch is BuildErrors {}
        try FileManager.default.removeItem(at: copy.root.appendingPathComponent("content/broken.md"))
        _ = try await Self.check(copy.root, cache: &cache, "after the failure")
    }
}
