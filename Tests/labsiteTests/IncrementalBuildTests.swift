import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail
@testable import LabSiteCloudWatch
@testable import LabSiteIAM

/// The default site (the repository's content/ and templates/, copied) edited step by step:
/// after every edit the cached render must equal a clean render byte for byte.
@Suite("Incremental rebuilds")
struct IncrementalBuildTests {
    @Test("edits, a new page, a title change, a deletion, data and template changes: equal to a clean build")
    func series() async throws {
        let copy = try CourseCopy()
        var cache = RenderCache()
        let first = try await RenderComparison.check(copy.root, cache: &cache, "first build")
        #expect(first.sectionsLoaded)
        #expect(first.pagesRendered == first.pageCount + 1)

        let unchanged = try await RenderComparison.check(copy.root, cache: &cache, "no change")
        #expect(!unchanged.sectionsLoaded)
        #expect(unchanged.markdownRendered == 0)
        #expect(unchanged.pagesRendered == 0)

        // A sentence in a lab: that page and the handout (print.html) are rendered again, nothing else.
        try copy.edit("content/cloudwatch.md") { $0 + "\n수정한 뒤에 덧붙인 문장이다.\n" }
        let edited = try await RenderComparison.check(copy.root, cache: &cache, "edit a page")
        #expect(edited.markdownRendered == 1)
        #expect(edited.pagesRendered == 2)

        // A new lab joins the reading order: its neighbours and the home page's lab list change.
        try copy.write(
            "content/extra.md",
            "---\ntitle: 추가 실습\norder: 3\nsummary: 새 실습.\n---\n\n## 1. 준비\n\n[홈](index.md)으로 간다.\n")
        let added = try await RenderComparison.check(copy.root, cache: &cache, "add a page")
        #expect(added.markdownRendered == 1)
        #expect(added.pagesRendered < added.pageCount)

        try copy.edit("content/cloudtrail.md") { text in
            guard let title = text.range(of: "title: ") else { return text }
            return text.replacingCharacters(in: title, with: "title: 새 제목 ")
        }
        let retitled = try await RenderComparison.check(copy.root, cache: &cache, "change a title")
        // The title is front matter: no Markdown is rendered, but the page, its neighbours and the home page are.
        #expect(retitled.markdownRendered == 0)
        #expect(retitled.pagesRendered >= 4)

        // Lab facts, the last update and a page's own value are front matter too: the page, its
        // card on the home page and the handout change; the value changes the page's Markdown.
        try copy.edit("content/cloudwatch.md") { text in
            text.replacingOccurrences(of: "duration: 30분", with: "duration: 45분")
                .replacingOccurrences(of: "updated: 2026-12-03", with: "updated: 2026-12-04\nparams:\n  prefix: kim")
        }
        let facts = try await RenderComparison.check(copy.root, cache: &cache, "change lab facts and a value")
        #expect(facts.markdownRendered == 1)
        #expect(facts.pagesRendered >= 3)

        try copy.edit("content/site.yml") { $0.replacingOccurrences(of: "default: lab,", with: "default: lab2,") }
        let values = try await RenderComparison.check(copy.root, cache: &cache, "change a site value")
        #expect(values.markdownRendered >= 2)

        try FileManager.default.removeItem(at: copy.root.appendingPathComponent("content/extra.md"))
        let deleted = try await RenderComparison.check(copy.root, cache: &cache, "delete a page")
        #expect(deleted.markdownRendered == 0)

        try copy.edit("content/iam/matrix.yml") { $0 + "\n" }
        let data = try await RenderComparison.check(copy.root, cache: &cache, "change section data")
        #expect(data.sectionsLoaded)

        try copy.edit("templates/page.mustache") { $0 + "<!-- changed -->\n" }
        let template = try await RenderComparison.check(copy.root, cache: &cache, "change a template")
        #expect(template.markdownRendered == 0)
        #expect(template.pagesRendered == template.pageCount + 1)
        #expect(!template.sectionsLoaded)

        // A section's partial: the section's pages and the directives in lab pages change with it.
        try copy.edit("templates/partials/alarm-config.mustache") { "<p>설정</p>\n" + $0 }
        let partial = try await RenderComparison.check(copy.root, cache: &cache, "change a section's partial")
        #expect(partial.sectionsLoaded)
    }

    @Test("a failed render keeps the cache usable: the next good render equals a clean one")
    func failure() async throws {
        let copy = try CourseCopy()
        var cache = RenderCache()
        _ = try await RenderComparison.check(copy.root, cache: &cache, "first build")
        try copy.write("content/broken.md", "---\ntitle: 깨진 페이지\n---\n\n[없음](missing.md)\n")
        do {
            _ = try await SiteBuilder(sourceDirectory: copy.root, sectionTypes: courseSections).renderSite(
                cache: &cache)
            Issue.record("the broken link did not fail the build")
        } catch is BuildErrors {}
        try FileManager.default.removeItem(at: copy.root.appendingPathComponent("content/broken.md"))
        _ = try await RenderComparison.check(copy.root, cache: &cache, "after the failure")
    }
}
