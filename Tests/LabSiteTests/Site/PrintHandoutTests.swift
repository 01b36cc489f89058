import Foundation
import Testing

@testable import LabSite

@Suite("Print handout, 404 and sitemap")
struct PrintHandoutTests {
    static let files = [
        "content/index.md": "---\ntitle: 홈\n---\n홈\n",
        "content/a.md":
            "---\ntitle: 실습 A\norder: 1\n---\n## 1. 시작\n[B의 2단계](guide/b.md#step-2), [B](guide/b.md), [위](#step-1), [파일](f.txt)\n",
        "content/guide/b.md": "---\ntitle: 실습 B\norder: 2\n---\n## 1. 하나\n## 2. 둘\n[A](../a.md) ![그림](../f.txt)\n",
        "content/f.txt": "x",
    ]

    @Test("labs keep their steps with prefixed ids; links between labs stay in the handout")
    func rewrite() async throws {
        let site = try TemporarySite(files: Self.files)
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: []).build()
        let handout = try site.read("print.html")
        #expect(handout.contains("<article id=\"lab-a\" class=\"handout-lab doc\">"))
        #expect(handout.contains("<article id=\"lab-guide-b\" class=\"handout-lab doc\">"))
        #expect(handout.contains("<h2 id=\"a-step-1\" class=\"step\">1. 시작</h2>"))
        #expect(
            handout.contains(
                "<a href=\"#guide-b-step-2\">B의 2단계</a>, <a href=\"#lab-guide-b\">B</a>, "
                    + "<a href=\"#a-step-1\">위</a>, <a href=\"f.txt\">파일</a>"))
        #expect(handout.contains("<h2 id=\"guide-b-step-2\" class=\"step\">2. 둘</h2>"))
        #expect(handout.contains("<a href=\"#lab-a\">A</a> <img src=\"f.txt\" alt=\"그림\" loading=\"lazy\">"))
        #expect(handout.contains("<li><a href=\"#guide-b-step-2\">2. 둘</a></li>"))
        #expect(handout.contains("실습 2개 · 총 3단계"))
        #expect(!handout.contains("홈\n</p>"))
    }

    @Test("only id, href and src attributes after a space change, wherever their `=\"` falls")
    func rewriteAttributes() {
        func lab(_ path: String) -> BuiltPage {
            var page = BuiltPage(
                generated: GeneratedPage(
                    path: path, title: path, html: "",
                    headings: [Heading(level: 2, id: "step-1", title: "1. 하나", stepNumber: 1, line: 1)]))
            page.sourcePath = "content/" + path.replacingOccurrences(of: ".html", with: ".md")
            return page
        }
        let handout = PrintHandout(pages: [lab("a.html"), lab("b.html")])
        let html =
            "<p id=\"x\" data-id=\"y\" class=\"id=\"><a title=\"t id=\" href=\"b.html#step-1\">b</a>"
            + "<img src=\"img/p.png\"><a href=\"#step-1\">위</a>id=\"z\" <span id=\"\">"
        #expect(
            handout.rewrite(html, of: lab("a.html"))
                == "<p id=\"a-x\" data-id=\"y\" class=\"id=\"><a title=\"t id=\"a- href=\"b.html#step-1\">b</a>"
                + "<img src=\"img/p.png\"><a href=\"#a-step-1\">위</a>id=\"z\" <span id=\"a-\">")
    }

    @Test(
        "a lab's HTML goes in where print.mustache puts content, raw or escaped, through any transform",
        arguments: [
            (
                "{{#labs}}[{{{content}}}|{{content}}]{{/labs}}",
                "[\(Self.labHTML)|\(Self.labHTML.escapedForHTML)]"
            ),
            ("{{#labs}}<{{{uppercased(content)}}}>{{/labs}}", "<\(Self.labHTML.uppercased())>"),
            (
                "{{#labs}}{{#content}}{{title}}:{{{content}}}{{/content}}{{/labs}}",
                "\u{E000}&amp;Ls0-1\u{E001}:\(Self.labHTML)"
            ),
        ])
    func contentMarkers(template: String, expected: String) async throws {
        // The lab's title looks like a marker.
        let site = try TemporarySite(files: [
            "content/index.md": "---\ntitle: 홈\n---\n홈\n",
            "content/a.md": "---\ntitle: \"\u{E000}&Ls0-1\u{E001}\"\norder: 1\n---\n## 1. 시작\n\n가 & 나\n",
            "templates/print.mustache": template,
        ])
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: []).build()
        #expect(try site.read("print.html") == expected)
    }

    @Test("print.mustache's labs hold every lab variable, and names they lack come from outside")
    func labVariables() async throws {
        let site = try TemporarySite(files: [
            "content/index.md": "---\ntitle: 홈\n---\n홈\n",
            "content/site.yml": "title: 과정\n",
            "content/a.md": "---\ntitle: 실습 A\norder: 1\n---\n## 1. 시작\n## 2. 끝\n",
            "templates/print.mustache":
                "{{#labs}}[{{title}}|{{stepCount}}|{{#steps}}{{id}} {{/steps}}|{{site.title}}|{{labCount}}]{{/labs}}",
        ])
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: []).build()
        #expect(try site.read("print.html") == "[실습 A|2|a-step-1 a-step-2 |과정|1]")
    }

    static let labHTML = "<h2 id=\"a-step-1\" class=\"step\">1. 시작</h2>\n<p>가 &amp; 나</p>\n"

    @Test(
        "each lab's entry in the contents and its article come from the handout partials, whatever they do",
        arguments: [
            (
                "<{{id}}|{{title}}|{{stepCount}}|{{{content}}}|{{content}}>",
                "<lab-a|실습 A|1|\(Self.labHTML)|\(Self.labHTML.escapedForHTML)>"
                    + "<lab-b|실습 B|2|\(Self.labBHTML)|\(Self.labBHTML.escapedForHTML)>"
            ),
            ("<{{{uppercased(content)}}}>", "<\(Self.labHTML.uppercased())><\(Self.labBHTML.uppercased())>"),
        ])
    func labPartials(article: String, expected: String) async throws {
        let site = try TemporarySite(files: [
            "content/index.md": "---\ntitle: 홈\n---\n홈\n",
            "content/a.md": "---\ntitle: 실습 A\norder: 1\n---\n## 1. 시작\n\n가 & 나\n",
            "content/b.md": "---\ntitle: 실습 B\norder: 2\n---\n## 1. 하나\n## 2. 둘\n",
            "templates/print.mustache": "{{#labs}}{{{tocEntry}}}{{/labs}}\n{{#labs}}{{{article}}}{{/labs}}",
            "templates/partials/handout-toc-lab.mustache": "({{title}}:{{#steps}}{{number}}={{id}};{{/steps}})",
            "templates/partials/handout-lab.mustache": article,
        ])
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: []).build()
        #expect(try site.read("print.html") == "(실습 A:1=a-step-1;)(실습 B:1=b-step-1;2=b-step-2;)\n" + expected)
    }

    static let labBHTML =
        "<h2 id=\"b-step-1\" class=\"step\">1. 하나</h2>\n<h2 id=\"b-step-2\" class=\"step\">2. 둘</h2>\n"

    @Test("404.html links relatively, or from the base URL's path when there is one")
    func notFound() async throws {
        let site = try TemporarySite(files: Self.files)
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: []).build()
        #expect(try site.read("404.html").contains("<a href=\"index.html\">처음 페이지</a>"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("sitemap.xml").path))

        try site.write("content/site.yml", "baseURL: https://example.com/course/\n")
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: []).build()
        let notFound = try site.read("404.html")
        #expect(notFound.contains("<a href=\"/course/index.html\">처음 페이지</a>"))
        #expect(notFound.contains("href=\"/course/assets/style.css\""))
        #expect(
            try site.read("sitemap.xml") == """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>https://example.com/course/a.html</loc></url>
                  <url><loc>https://example.com/course/guide/b.html</loc></url>
                  <url><loc>https://example.com/course/index.html</loc></url>
                  <url><loc>https://example.com/course/print.html</loc></url>
                </urlset>

                """)
    }

    @Test("without a browser, labsite pdf says how to install one")
    func pdfWithoutBrowser() throws {
        #expect(PDFExporter.findBrowser(environment: ["PATH": "/nonexistent"]) == nil)
        let error = try #require(throws: SiteError.self) {
            try PDFExporter(siteDirectory: URL(fileURLWithPath: "/tmp")).export(
                to: URL(fileURLWithPath: "/tmp/x.pdf"), browser: nil)
        }
        #expect(error.reason.contains("`sudo apt-get install chromium`"))
    }
}
