import Foundation
import Testing

@testable import LabSite

@Suite("Page skeletons")
struct PageSkeletonTests {
    /// Sets variables like an event page's, with texts that must be escaped.
    /// With `contentAsBytes`, the content is set as UTF-8 bytes, as event pages set theirs.
    static func write<Sink: TemplateValueSink>(
        title: String, summary: String, content: String, contentAsBytes: Bool = false, to sink: inout Sink
    ) {
        sink.set("site") {
            $0.set("title", text: "AWS 실습")
            $0.set("language", text: "ko")
        }
        sink.set("page") {
            $0.set("title", text: title)
            $0.set("summary", text: summary)
            $0.set("url", text: "events/x.html")
            $0.set("isGenerated", flag: true)
        }
        sink.set("root", text: "../")
        if contentAsBytes {
            sink.set("content", text: .utf8(Data(content.utf8)))
        } else {
            sink.set("content", text: content)
        }
        sink.set("toc", objects: 1) { _, entry in
            entry.set("id", text: "record")
            entry.set("title", text: "전체 레코드")
            entry.set("level", number: 2)
            entry.set("isStep", flag: false)
            entry.set("number", text: "")
        }
        sink.set("hasToc", flag: true)
        sink.set("steps", objects: 0) { _, _ in }
        sink.set("stepCount", number: 0)
        sink.set("hasBreadcrumbs", flag: true)
        let crumbs = [("CloudTrail 이벤트", "index.html"), (summary, "b.html")]
        sink.set("breadcrumbs", objects: crumbs.count) { index, crumb in
            crumb.set("title", text: crumbs[index].0)
            crumb.set("url", text: crumbs[index].1)
        }
    }

    /// The shape of the page ``write(title:summary:content:to:)`` describes.
    static func shape(title: String, summary: String, content: String) -> PageSkeleton.Shape {
        PageSkeleton.shape { write(title: title, summary: summary, content: content, to: &$0) }
    }

    /// The skeleton of that page's shape, made with `templates`.
    static func skeleton(
        title: String, summary: String, content: String, templates: TemplateRenderer
    ) throws -> PageSkeleton? {
        try PageSkeleton.make(for: { write(title: title, summary: summary, content: content, to: &$0) }) {
            try SiteContext.render($0, with: templates)
        }
    }

    /// The page rendered by swift-mustache.
    static func rendered(
        title: String, summary: String, content: String, templates: TemplateRenderer
    ) throws -> String {
        var context = TemplateDictionary()
        write(title: title, summary: summary, content: content, to: &context)
        return try SiteContext.render(context.values, with: templates)
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
        let shape = Self.shape(title: title, summary: summary, content: content)
        let skeleton = try #require(
            try Self.skeleton(title: title, summary: summary, content: content, templates: templates))
        #expect(
            skeleton.filledText(shape.values)
                == (try Self.rendered(title: title, summary: summary, content: content, templates: templates)))
    }

    @Test("one skeleton serves every page of a shape")
    func reusedAcrossPages() throws {
        let templates = try TemplateRenderer(theme: Theme.builtIn)
        let skeleton = try #require(try Self.skeleton(title: "A", summary: "B", content: "C", templates: templates))
        let first = Self.shape(title: "A", summary: "B", content: "C")
        for (title, summary, content) in Self.hostile
        where ![title, summary, content].contains(where: { $0.hasSuffix("\n") }) {
            let shape = Self.shape(title: title, summary: summary, content: content)
            #expect(shape.shapeKey == first.shapeKey)
            #expect(
                skeleton.filledText(shape.values)
                    == (try Self.rendered(title: title, summary: summary, content: content, templates: templates)))
        }
        #expect(Self.shape(title: "A\n", summary: "B", content: "C").shapeKey != first.shapeKey)
        #expect(Self.shape(title: "", summary: "B", content: "C").shapeKey != first.shapeKey)
    }

    @Test(
        "content given as UTF-8 bytes has the shape and fills the page of the same content as text",
        arguments: ["<p>한국어 &amp; JSON</p>\n", "끝에 줄바꿈 없음", "<pre>a\r\n</pre>\r\n"])
    func bytesContent(content: String) throws {
        let asText = Self.shape(title: "T", summary: "S", content: content)
        let asBytes = PageSkeleton.shape {
            Self.write(title: "T", summary: "S", content: content, contentAsBytes: true, to: &$0)
        }
        #expect(asBytes.shapeKey == asText.shapeKey)
        let builtIn = try TemplateRenderer(theme: Theme.builtIn)
        // A theme that escapes the content takes the other path through `fill`.
        let escaping = try TemplateRenderer(
            theme: Theme(templates: ["layout": "{{{body}}}", "page": "<div>{{content}}</div>"], assets: [:]))
        for templates in [builtIn, escaping] {
            let skeleton = try #require(
                try Self.skeleton(title: "T", summary: "S", content: content, templates: templates))
            #expect(
                skeleton.filledText(asBytes.values)
                    == (try Self.rendered(title: "T", summary: "S", content: content, templates: templates)))
        }
    }

    @Test("a page's HTML as bytes equals the same HTML as text")
    func bytesEqualText() {
        var page = GeneratedPage(path: "events/a.html", title: "A", html: "<p>한국어</p>\n")
        var sameAsBytes = page
        sameAsBytes.content = .utf8(Data("<p>한국어</p>\n".utf8))
        #expect(sameAsBytes == page)
        #expect(sameAsBytes.html == page.html)
        page.content = .utf8(Data("<p>다른 글</p>\n".utf8))
        #expect(sameAsBytes != page)
    }

    @Test("names made at run time never make two shapes share a key, whatever bytes they hold")
    func madeNamesKeepShapesApart() {
        // Names in variables: `TemplateKey("…")` with a literal is the literal itself.
        let names = ["a:s,b", "a", "b", "\u{01}abcdefgh", "abcdefgh", "abcdefghi"]
        let joined = PageSkeleton.shape { $0.set(TemplateKey(names[0]), text: "x") }
        let separate = PageSkeleton.shape {
            $0.set(TemplateKey(names[1]), text: "x")
            $0.set(TemplateKey(names[2]), text: "")
        }
        #expect(joined.shapeKey != separate.shapeKey)
        // Names of eight bytes and more, whose bytes fill words of the key, are kept apart too.
        let shapes = names.map { name in PageSkeleton.shape { $0.set(TemplateKey(name), text: "") } }
        #expect(Set(shapes.map(\.shapeKey)).count == names.count)
        // A name's text and an object holding it differ, and so do a flag and a text.
        let nested = PageSkeleton.shape { $0.set(TemplateKey("a")) { $0.set(TemplateKey("b"), text: "") } }
        let flat = PageSkeleton.shape {
            $0.set(TemplateKey("a"), text: "")
            $0.set(TemplateKey("b"), text: "")
        }
        #expect(nested.shapeKey != flat.shapeKey)
        #expect(
            PageSkeleton.shape { $0.set("a", flag: false) }.shapeKey
                != PageSkeleton.shape { $0.set("a", text: "") }.shapeKey)
    }

    @Test("the same variables set twice give equal keys and equal hashes; other numbers and lengths do not")
    func keysFollowTheStructure() {
        func shape(number: Int, items: Int) -> PageSkeleton.Shape {
            PageSkeleton.shape {
                $0.set("count", number: number)
                $0.set("items", objects: items) { index, item in item.set("name", text: "item \(index)") }
                $0.set(TemplateKey("made"), text: "x")
            }
        }
        #expect(shape(number: 3, items: 2).shapeKey == shape(number: 3, items: 2).shapeKey)
        #expect(shape(number: 3, items: 2).shapeKey == shape(number: 3, items: 2).shapeKey)
        #expect(shape(number: 3, items: 2).shapeKey.hash == shape(number: 3, items: 2).shapeKey.hash)
        #expect(shape(number: 3, items: 2).shapeKey != shape(number: 4, items: 2).shapeKey)
        #expect(shape(number: 3, items: 2).shapeKey != shape(number: 3, items: 1).shapeKey)
        #expect(shape(number: 3, items: 2).values == ["item 0", "item 1", "x"].map(TemplateText.string))
    }

    @Test(
        "templates that transform or measure a text get no skeleton",
        arguments: ["{{uppercased(page.title)}}", "{{lowercased(page.title)}}", "{{reversed(page.title)}}"])
    func transformsAreDetected(template: String) throws {
        let theme = Theme(
            templates: ["layout": "<title>\(template)</title>{{{body}}}", "page": "{{{content}}}"], assets: [:])
        let templates = try TemplateRenderer(theme: theme)
        #expect(try Self.skeleton(title: "Title", summary: "s", content: "c", templates: templates) == nil)
    }

    @Test("indented partials indent after a value that ends in a line break, as swift-mustache does")
    func indentation() throws {
        let theme = Theme(
            templates: [
                "layout": "<main>\n  {{> partials/x}}\n</main>", "page": "{{{content}}}",
                "partials/x": "{{{content}}}{{page.summary}}\nend\n",
            ], assets: [:])
        let templates = try TemplateRenderer(theme: theme)
        for content in ["one line", "two\nlines\n", "ends\n"] {
            let skeleton = try #require(
                try Self.skeleton(title: "T", summary: "S", content: content, templates: templates))
            #expect(
                skeleton.filledText(Self.shape(title: "T", summary: "S", content: content).values)
                    == (try Self.rendered(title: "T", summary: "S", content: content, templates: templates)))
        }
    }
}

extension PageSkeleton {
    /// The page for `values` as text, filled the way the build fills streamed pages.
    func filledText(_ values: [TemplateText]) -> String {
        var html = HTMLBuffer(capacity: capacity(for: values))
        fill(values, into: &html)
        return html.string
    }
}
