import Testing

@testable import LabSite

@Suite("Page skeletons")
struct PageSkeletonTests {
    /// A context like an event page's, with texts that must be escaped.
    static func context(title: String, summary: String, content: String) -> [String: Any] {
        [
            "site": ["title": "AWS 실습", "language": "ko"],
            "page": ["title": title, "summary": summary, "url": "events/x.html", "isGenerated": true],
            "root": "../",
            "content": content,
            "toc": [["id": "record", "title": "전체 레코드", "level": 2, "isStep": false, "number": ""]],
            "hasToc": true,
            "steps": [[String: Any]](),
            "stepCount": 0,
            "hasBreadcrumbs": true,
            "breadcrumbs": [["title": "CloudTrail 이벤트", "url": "index.html"], ["title": summary, "url": "b.html"]],
        ]
    }

    static let hostile = [
        ("CreateBucket · 2022-06-04", "lab-user · s3", "<p>a</p>\n"),
        ("</title><script>alert('x')</script>", "\"quoted\" & 'single' <b>", "<pre>x &amp; y</pre>"),
        ("줄바꿈으로 끝남\n", "요약\n", "no newline at the end"),
        ("\u{E000}Ka&0\u{E001}", "&amp;", "\u{E000}"),
    ]

    @Test("filling the skeleton gives the same bytes as the built-in theme", arguments: hostile)
    func sameAsTemplates(title: String, summary: String, content: String) throws {
        let templates = try TemplateRenderer(theme: Theme.builtIn)
        let render = { (context: [String: Any]) in try SiteContext.render(context, with: templates) }
        let context = Self.context(title: title, summary: summary, content: content)
        let shape = PageSkeleton.shape(of: context)
        let skeleton = try #require(try PageSkeleton.make(for: context, render: render))
        #expect(skeleton.fill(shape.values) == (try render(context)))
    }

    @Test("one skeleton serves every page of a shape")
    func reusedAcrossPages() throws {
        let templates = try TemplateRenderer(theme: Theme.builtIn)
        let render = { (context: [String: Any]) in try SiteContext.render(context, with: templates) }
        let first = Self.context(title: "A", summary: "B", content: "C")
        let skeleton = try #require(try PageSkeleton.make(for: first, render: render))
        for (title, summary, content) in Self.hostile
        where ![title, summary, content].contains(where: { $0.hasSuffix("\n") }) {
            let context = Self.context(title: title, summary: summary, content: content)
            let shape = PageSkeleton.shape(of: context)
            #expect(shape.key == PageSkeleton.shape(of: first).key)
            #expect(skeleton.fill(shape.values) == (try render(context)))
        }
        let endsInNewline = Self.context(title: "A\n", summary: "B", content: "C")
        #expect(PageSkeleton.shape(of: endsInNewline).key != PageSkeleton.shape(of: first).key)
    }

    @Test(
        "templates that transform or measure a text get no skeleton",
        arguments: ["{{uppercased(page.title)}}", "{{lowercased(page.title)}}", "{{reversed(page.title)}}"])
    func transformsAreDetected(template: String) throws {
        let theme = Theme(
            templates: ["layout": "<title>\(template)</title>{{{body}}}", "page": "{{{content}}}"], assets: [:])
        let templates = try TemplateRenderer(theme: theme)
        let render = { (context: [String: Any]) in try SiteContext.render(context, with: templates) }
        let context = Self.context(title: "Title", summary: "s", content: "c")
        #expect(try PageSkeleton.make(for: context, render: render) == nil)
    }

    @Test("indented partials indent after a value that ends in a line break, as swift-mustache does")
    func indentation() throws {
        let theme = Theme(
            templates: [
                "layout": "<main>\n  {{> partials/x}}\n</main>", "page": "{{{content}}}",
                "partials/x": "{{{content}}}{{page.summary}}\nend\n",
            ], assets: [:])
        let templates = try TemplateRenderer(theme: theme)
        let render = { (context: [String: Any]) in try SiteContext.render(context, with: templates) }
        for content in ["one line", "two\nlines\n", "ends\n"] {
            let context = Self.context(title: "T", summary: "S", content: content)
            let skeleton = try #require(try PageSkeleton.make(for: context, render: render))
            #expect(skeleton.fill(PageSkeleton.shape(of: context).values) == (try render(context)))
        }
    }
}
