import Testing

@testable import LabSite

@Suite("Markdown renderer")
struct MarkdownRendererTests {
    @Test("Korean headings get readable ids; duplicates are numbered; {#id} wins")
    func headingIDs() throws {
        let markdown = """
            # 실습 안내
            ## 사전 준비물
            ## 사전 준비물
            ## CloudWatch 경보, 만들기!
            ### 이름 바꾸기 {#rename}
            ## 17. 추적 이름 지정
            """
        let rendered = try MarkdownRenderer().render(markdown)
        #expect(
            rendered.html == """
                <h1 id="실습-안내">실습 안내</h1>
                <h2 id="사전-준비물">사전 준비물</h2>
                <h2 id="사전-준비물-1">사전 준비물</h2>
                <h2 id="cloudwatch-경보-만들기">CloudWatch 경보, 만들기!</h2>
                <h3 id="rename">이름 바꾸기</h3>
                <h2 id="step-17" class="step">17. 추적 이름 지정</h2>

                """)
        #expect(rendered.headings.map(\.stepNumber) == [nil, nil, nil, nil, nil, 17])
        #expect(rendered.headings.map(\.line) == [1, 2, 3, 4, 5, 6])
    }

    @Test("a custom id keeps inline markup before it")
    func customIDWithMarkup() throws {
        let html = try MarkdownRenderer().render("## **[경보]** 설정 {#alarm_setup}").html
        #expect(html == "<h2 id=\"alarm_setup\"><strong>[경보]</strong> 설정</h2>\n")
    }

    @Test(
        "GitHub-style callouts become asides",
        arguments: [
            ("NOTE", "note", "참고"), ("TIP", "tip", "팁"), ("WARNING", "warning", "주의"),
            ("CAUTION", "caution", "경고"), ("IMPORTANT", "important", "중요"),
            ("CHECKPOINT", "checkpoint", "확인 지점"), ("TROUBLESHOOTING", "troubleshooting", "문제 해결"),
        ])
    func callouts(marker: String, kind: String, title: String) throws {
        let html = try MarkdownRenderer().render("> [!\(marker)]\n> 결제 지표는 **us-east-1**에만 있다.\n").html
        #expect(
            html == """
                <aside class="callout callout-\(kind)" role="note">
                <p class="callout-title">\(title)</p>
                <p>결제 지표는 <strong>us-east-1</strong>에만 있다.</p>
                </aside>

                """)
    }

    @Test("text after the marker is the callout's own title, escaped, after the kind's title")
    func calloutTitles() throws {
        let renderer = MarkdownRenderer()
        #expect(
            try renderer.render("> [!TROUBLESHOOTING] 결제 지표가 <없을> 때\n> 리전을 확인한다.\n").html == """
                <aside class="callout callout-troubleshooting" role="note">
                <p class="callout-title">문제 해결: 결제 지표가 &lt;없을&gt; 때</p>
                <p>리전을 확인한다.</p>
                </aside>

                """)
        #expect(
            try renderer.render("> [!NOTE] 같은 줄\n").html
                == "<aside class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">참고: 같은 줄</p>\n</aside>\n"
        )
    }

    @Test("a blockquote that only looks like a callout stays a blockquote")
    func notCallouts() throws {
        let renderer = MarkdownRenderer()
        #expect(try renderer.render("> [!NOTE]같은 줄\n").html == "<blockquote>\n<p>[!NOTE]같은 줄</p>\n</blockquote>\n")
        #expect(
            try renderer.render("> [!TIP] `코드` 제목\n> x\n").html
                == "<blockquote>\n<p>[!TIP] <code>코드</code> 제목\nx</p>\n</blockquote>\n")
        #expect(
            try renderer.render("> [!UNKNOWN]\n> x\n").html == "<blockquote>\n<p>[!UNKNOWN]\nx</p>\n</blockquote>\n")
    }

    @Test("a callout may hold several blocks")
    func calloutBlocks() throws {
        let html = try MarkdownRenderer().render("> [!TIP]\n>\n> 첫 문단\n>\n> - 항목\n").html
        #expect(
            html == """
                <aside class="callout callout-tip" role="note">
                <p class="callout-title">팁</p>
                <p>첫 문단</p>
                <ul>
                <li>항목</li>
                </ul>
                </aside>

                """)
    }

    @Test("fenced code carries a language class; a known language is highlighted, another stays plain")
    func codeLanguage() throws {
        let html = try MarkdownRenderer().render("```json\n{\"Records\": []}\n```\n\n```hcl\na = \"b\"\n```\n").html
        #expect(
            html == """
                <pre><code class="language-json">{<span class="hl-key">&quot;Records&quot;</span>: []}
                </code></pre>
                <pre><code class="language-hcl">a = &quot;b&quot;
                </code></pre>

                """)
    }

    @Test("values in a code block are param spans inside its tokens; a bad line list is a warning")
    func codeValues() throws {
        let renderer = MarkdownRenderer(
            options: MarkdownOptions(values: [PersonalValue(name: "region", defaultValue: "ap-northeast-2")]))
        let rendered = try renderer.render("# 명령\n\n```console {x}\n$ aws s3 ls --region {{region}}\nok\n```\n")
        #expect(
            rendered.html.hasSuffix(
                """
                <pre class="console"><code class="language-console"><span class="line command">\
                <span class="prompt">$ </span><span class="hl-command">aws</span> s3 ls <span class="hl-option">--region</span> \
                <span class="param" data-param="region">ap-northeast-2</span>
                </span><span class="line output">ok
                </span></code></pre>

                """))
        #expect(rendered.warnings.map(\.line) == [3])
        #expect(rendered.warnings.first?.path == "")
    }

    @Test("a registered directive replaces its fenced block; an unknown one stays code")
    func directives() throws {
        let echo = Directive(name: "echo") { invocation in
            "<div class=\"directive\">\(invocation.arguments.joined(separator: ","))|\(invocation.body.escapedForHTML)|\(invocation.line)</div>"
        }
        let renderer = MarkdownRenderer(directives: [echo])
        let markdown = "문단\n\n```echo a b\n<b>x</b>\n```\n\n```unknown\ny\n```\n"
        let html = try renderer.render(markdown, path: "content/lab.md", firstLine: 5).html
        #expect(
            html == """
                <p>문단</p>
                <div class="directive">a,b|&lt;b&gt;x&lt;/b&gt;
                |7</div>
                <pre><code class="language-unknown">y
                </code></pre>

                """)
    }

    @Test("a failing directive is an error at the block's line")
    func directiveError() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "no such event" } }
        let renderer = MarkdownRenderer(directives: [Directive(name: "cloudtrail") { _ in throw Broken() }])
        let error = try #require(throws: MarkdownError.self) {
            try renderer.render("\n\n```cloudtrail\nx\n```\n", path: "content/lab.md", firstLine: 4)
        }
        #expect(error.path == "content/lab.md")
        #expect(error.line == 6)
        #expect(error.errorDescription?.hasPrefix("content/lab.md:6: error: The `cloudtrail` block") == true)
    }

    @Test("raw HTML is omitted unless the site allows it")
    func rawHTML() throws {
        let markdown = "<script>alert(1)</script>\n\n문단 <b>굵게</b>\n"
        #expect(
            try MarkdownRenderer().render(markdown).html
                == "<!-- raw HTML omitted -->\n<p>문단 <!-- raw HTML omitted -->굵게<!-- raw HTML omitted --></p>\n")
        #expect(
            try MarkdownRenderer(options: MarkdownOptions(allowsRawHTML: true)).render(markdown).html
                == "<script>alert(1)</script>\n<p>문단 <b>굵게</b></p>\n")
    }

    @Test("dangerous link schemes are dropped in safe mode")
    func javascriptLinks() throws {
        #expect(try MarkdownRenderer().render("[x](javascript:alert(1))").html == "<p><a href=\"\">x</a></p>\n")
    }

    @Test("links are rewritten and reported with their source lines")
    func links() throws {
        let renderer = MarkdownRenderer(options: MarkdownOptions(linkRewriter: SitePath.rewriteMarkdownLink))
        let markdown = "첫 줄\n[17단계](cloudtrail.md#step-17)와\n[경보](https://aws.amazon.com/)\n\n![그림](a/b.png)\n"
        let rendered = try renderer.render(markdown, firstLine: 10)
        #expect(
            rendered.html == """
                <p>첫 줄
                <a href="cloudtrail.html#step-17">17단계</a>와
                <a href="https://aws.amazon.com/">경보</a></p>
                <figure class="figure">
                <a class="figure-zoom" href="a/b.png"><img src="a/b.png" alt="그림" loading="lazy"></a>
                <figcaption>그림</figcaption>
                </figure>

                """)
        #expect(
            rendered.links == [
                MarkdownLink(destination: "cloudtrail.md#step-17", line: 11),
                MarkdownLink(destination: "https://aws.amazon.com/", line: 12),
                MarkdownLink(destination: "a/b.png", line: 14),
            ])
    }

    // Found by Fuzz/ (FuzzMarkdown): cmark counts a lone carriage return as a line end, labsite's
    // own source lines did not, so a link after one was reported on an earlier line.
    @Test("a lone carriage return ends a line for the lines links and headings report")
    func loneCarriageReturn() throws {
        let markdown = try Fixtures.text("fuzz/markdown-lone-cr.md")
        let rendered = try MarkdownRenderer(options: .site(allowsRawHTML: false)).render(markdown, firstLine: 3)
        #expect(rendered.links == [MarkdownLink(destination: "missing.md", line: 4)])
        #expect(rendered.headings.map(\.line) == [6])
        #expect(rendered.html == "<p>a\n<a href=\"missing.html\">x</a></p>\n<h1 id=\"제목\">제목</h1>\n")
    }
}
