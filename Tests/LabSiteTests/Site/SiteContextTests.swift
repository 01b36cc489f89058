import Foundation
import Testing

@testable import LabSite

@Suite("Site context")
struct SiteContextTests {
    /// Generated pages of different shapes: with and without a summary, breadcrumbs or headings,
    /// texts that end in a line break and texts that must be escaped.
    static let pages: [GeneratedPage] = [
        GeneratedPage(
            path: "events/a.html", title: "CreateBucket · 2022-06-04 12:37:22 UTC", summary: "lab-user · s3",
            html: "<p>a</p>\n", headings: [Heading(level: 2, id: "record", title: "전체 레코드", line: 0)],
            breadcrumbs: [Breadcrumb(title: "이벤트", path: "events/index.html")]),
        GeneratedPage(path: "events/b.html", title: "<b>\"x\" & 'y'</b>", html: "<pre>&lt;</pre>"),
        GeneratedPage(
            path: "deep/er/c.html", title: "줄바꿈\n", summary: "요약 & <i>",
            html: "text",
            headings: [
                Heading(level: 2, id: "one", title: "1. 첫 단계", stepNumber: 1, line: 3),
                Heading(level: 3, id: "sub", title: "<세부>", line: 5),
                Heading(level: 4, id: "deep", title: "깊은", line: 7),
            ],
            breadcrumbs: [
                Breadcrumb(title: "a", path: "deep/index.html"), Breadcrumb(title: "b", path: "deep/er/index.html"),
            ]),
    ]

    @Test("a streamed page filled into its skeleton is the page swift-mustache renders", arguments: pages)
    func skeletonEqualsTemplates(generated: GeneratedPage) throws {
        let templates = try TemplateRenderer(theme: Theme.builtIn)
        let site = SiteContext(
            settings: SiteSettings(title: "실습 <안내서>", language: "ko", description: ""), pages: [])
        let page = BuiltPage(generated: generated)
        var context = TemplateDictionary()
        site.write(page, at: nil, to: &context)
        let rendered = try SiteContext.render(context.values, with: templates)
        let skeleton = try #require(
            try PageSkeleton.make(for: { site.write(page, at: nil, to: &$0) }) {
                try SiteContext.render($0, with: templates)
            })
        #expect(skeleton.filledText(PageSkeleton.shape { site.write(page, at: nil, to: &$0) }.values) == rendered)
        #expect(rendered.contains(generated.html))
    }

    @Test("pages rendered through their shape's skeleton are the pages swift-mustache renders")
    func pagesThroughSkeletons() throws {
        let templates = try TemplateRenderer(theme: Theme.builtIn)
        // Two pages of each shape (outside the navigation, so that no page has neighbours), so
        // that the second of each goes through a skeleton.
        let pages = Self.pages.map { page in
            var page = page
            page.inNavigation = false
            return page
        }
        let generated =
            pages
            + pages.map { page in
                var twin = page
                twin.path = "twin/" + page.path
                twin.title = "둘째 " + page.title
                return twin
            }
        let site = SiteContext(
            settings: SiteSettings(title: "실습 <안내서>", language: "ko", description: ""),
            pages: generated.map(BuiltPage.init(generated:)))
        for index in site.pages.indices {
            let expected = try SiteContext.render(site.context(forPageAt: index), with: templates)
            #expect(try site.renderPage(at: index, with: templates) == Data(expected.utf8))
        }
        for index in site.pages.indices {
            let key = PageSkeleton.shape { site.write(site.pages[index], at: index, to: &$0) }.shapeKey
            #expect(try templates.pageSkeletons.skeleton(for: key) { nil } != nil)
        }
    }

    @Test("a page shows its table of contents only with two headings or more")
    func tableOfContents() throws {
        let templates = try TemplateRenderer(theme: Theme.builtIn)
        let site = SiteContext(settings: SiteSettings(), pages: [])
        func rendered(_ headings: [Heading]) throws -> String {
            var context = TemplateDictionary()
            let generated = GeneratedPage(path: "a.html", title: "a", html: "<p>a</p>", headings: headings)
            site.write(BuiltPage(generated: generated), at: nil, to: &context)
            return try SiteContext.render(context.values, with: templates)
        }
        let one = try rendered([Heading(level: 2, id: "one", title: "하나", line: 1)])
        #expect(one.contains("<article class=\"doc\">"))
        #expect(!one.contains("page-toc"))
        let two = try rendered([
            Heading(level: 2, id: "one", title: "하나", line: 1), Heading(level: 3, id: "two", title: "둘", line: 2),
        ])
        #expect(two.contains("<article class=\"doc has-toc\">"))
        #expect(two.contains("<li class=\"page-toc-item level-2\"><a href=\"#one\">하나</a></li>"))
        #expect(two.contains("<li class=\"page-toc-item level-3\"><a href=\"#two\">둘</a></li>"))
    }

    @Test("pages of different shapes get different keys")
    func keys() {
        let site = SiteContext(settings: SiteSettings(), pages: [])
        let keys = Self.pages.map { generated in
            PageSkeleton.shape { site.write(BuiltPage(generated: generated), at: nil, to: &$0) }.shapeKey
        }
        #expect(Set(keys).count == keys.count)
    }
}
