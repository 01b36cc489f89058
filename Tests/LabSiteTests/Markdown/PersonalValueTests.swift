import Testing

@testable import LabSite

@Suite("Personal values in Markdown")
struct PersonalValueTests {
    let renderer = MarkdownRenderer(
        options: MarkdownOptions(values: [
            PersonalValue(name: "account", label: "계정 ID", defaultValue: "123456789012"),
            PersonalValue(name: "region", label: "리전", defaultValue: "ap-northeast-2"),
            PersonalValue(name: "prefix", defaultValue: "a<b&c"),
        ]))

    @Test("a declared {{name}} in text and inline code becomes a param span with the default, escaped")
    func text() throws {
        let html = try renderer.render("리전은 {{region}}, ARN은 `arn:aws:iam::{{account}}:root`, 접두사 {{prefix}}.").html
        #expect(
            html == """
                <p>리전은 <span class="param" data-param="region">ap-northeast-2</span>, ARN은 \
                <code>arn:aws:iam::<span class="param" data-param="account">123456789012</span>:root</code>, \
                접두사 <span class="param" data-param="prefix">a&lt;b&amp;c</span>.</p>

                """)
    }

    @Test("an undeclared name, a backslashed one and stray marker characters stay text")
    func untouched() throws {
        let html = try renderer.render("{{unknown}} \\{{region}} {{ region }} \u{E000}region\u{E001}").html
        #expect(html == "<p>{{unknown}} {{region}} {{ region }} region</p>\n")
    }

    @Test("a link keeps its address as a template and shows the defaults; the link is checked with the defaults")
    func links() throws {
        let rendered = try renderer.render("[콘솔](https://{{region}}.console.aws.amazon.com/?region={{region}}&a=1)")
        #expect(
            rendered.html == """
                <p><a href="https://ap-northeast-2.console.aws.amazon.com/?region=ap-northeast-2&amp;a=1" \
                data-param-href="https://{{region}}.console.aws.amazon.com/?region={{region}}&amp;a=1">콘솔</a></p>

                """)
        #expect(
            rendered.links == [
                MarkdownLink(
                    destination: "https://ap-northeast-2.console.aws.amazon.com/?region=ap-northeast-2&a=1", line: 1)
            ])
    }

    @Test("a heading's title and id use the default; the heading shows the span")
    func headings() throws {
        let rendered = try renderer.render("## 1. {{region}} 리전 고르기")
        #expect(
            rendered.html
                == "<h2 id=\"step-1\" class=\"step\">1. <span class=\"param\" data-param=\"region\">ap-northeast-2</span> 리전 고르기</h2>\n"
        )
        #expect(rendered.headings.first?.title == "1. ap-northeast-2 리전 고르기")
    }

    @Test("a page's own values add to the site's and may change a default")
    func pageValues() throws {
        let html = try renderer.render(
            "{{bucket}} {{region}}",
            values: [
                PersonalValue(name: "bucket", defaultValue: "my-bucket"),
                PersonalValue(name: "region", defaultValue: "us-east-1"),
            ]
        ).html
        #expect(
            html == """
                <p><span class="param" data-param="bucket">my-bucket</span> \
                <span class="param" data-param="region">us-east-1</span></p>

                """)
    }

    @Test("an image's alt text takes the default inside the tag")
    func attributes() throws {
        let html = try renderer.render("글 ![{{region}} 콘솔](https://example.com/a.png) 끝").html
        #expect(
            html == "<p>글 <img src=\"https://example.com/a.png\" alt=\"ap-northeast-2 콘솔\" loading=\"lazy\"> 끝</p>\n")
    }

    @Test("without values nothing changes, braces included")
    func noValues() throws {
        #expect(try MarkdownRenderer().render("{{region}}").html == "<p>{{region}}</p>\n")
    }
}
