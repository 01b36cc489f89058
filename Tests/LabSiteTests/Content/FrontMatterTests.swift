import Testing

@testable import LabSite

@Suite("Front matter")
struct FrontMatterTests {
    @Test("title, order, summary and other keys are read; the body starts after the block")
    func valid() throws {
        let text = "---\ntitle: \"CloudTrail: 추적\"\norder: 2\nsummary: 추적을 만든다.\nlevel: 입문\n---\n# 본문\n"
        let (matter, body, firstLine) = try FrontMatter.split(text, path: "content/a.md")
        #expect(
            matter
                == FrontMatter(title: "CloudTrail: 추적", order: 2, summary: "추적을 만든다.", params: ["level": "입문"]))
        #expect(body == "# 본문\n")
        #expect(firstLine == 7)
    }

    @Test("a byte order mark and Windows line endings are accepted")
    func bomAndCRLF() throws {
        let (matter, body, _) = try FrontMatter.split("\u{FEFF}---\r\ntitle: 홈\r\n---\r\n본문\r\n", path: "x.md")
        #expect(matter.title == "홈")
        #expect(body == "본문\n")
    }

    // Found by Fuzz/ (FuzzFrontMatter): a lone carriage return ended a line for libyaml but not for
    // the split, so such a page had "no front matter".
    @Test("a lone carriage return ends a line, as it does for libyaml and cmark")
    func loneCarriageReturn() throws {
        let text = try Fixtures.text("fuzz/front-matter-lone-cr.md")
        let (matter, body, firstLine) = try FrontMatter.split(text, path: "content/a.md")
        #expect(matter == FrontMatter(title: "홈"))
        #expect(body == "본문\n")
        #expect(firstLine == 4)
    }

    // Found by Fuzz/ (FuzzFrontMatter): Yams traps reading a YAML 1.1 base-60 number too large for Int.
    @Test("an order too large for a whole number is an error at its line")
    func base60Order() throws {
        let text = try Fixtures.text("fuzz/front-matter-base-60-order.md")
        let error = try #require(throws: ContentError.self) { try FrontMatter.split(text, path: "content/lab.md") }
        #expect(error.errorDescription == "content/lab.md:3: error: `order` must be a whole number.")
    }

    @Test(
        "malformed front matter names the file and line",
        arguments: [
            ("# 제목만\n", 1, "The page has no front matter"),
            ("---\ntitle: x\n본문\n", 1, "The front matter starting here is never closed"),
            ("---\ntitle: x\norder: [1, 2\n---\n", 4, "The front matter is not valid YAML"),
            ("---\ntitle: x\n  summary: y\n---\n", 3, "The front matter is not valid YAML"),
            ("---\ntitle: x\norder: 둘\n---\n", 3, "`order` must be a whole number."),
            ("---\nsummary: y\n---\n", 2, "The front matter has no `title`."),
            ("---\n- a\n- b\n---\n", 2, "The front matter must be a YAML mapping"),
            ("---\ntitle: x\ntags:\n  - a\n---\n", 3, "The value of `tags` must be a single value"),
        ])
    func malformed(text: String, line: Int, reason: String) throws {
        let error = try #require(throws: ContentError.self) { try FrontMatter.split(text, path: "content/lab.md") }
        #expect(error.path == "content/lab.md")
        #expect(error.line == line)
        #expect(error.reason.hasPrefix(reason))
        #expect(error.errorDescription?.hasPrefix("content/lab.md:\(line): error: ") == true)
    }
}

@Suite("Site settings")
struct SiteSettingsTests {
    @Test("settings are read and default where absent")
    func read() throws {
        let settings = try SiteSettings.parse("title: 실습\nrawHTML: true\n", path: "content/site.yml")
        #expect(settings == SiteSettings(title: "실습", language: "ko", description: "", allowsRawHTML: true))
        #expect(try SiteSettings.parse("", path: "content/site.yml") == SiteSettings())
        #expect(
            try SiteSettings.parse("baseURL: https://example.com/course", path: "s").baseURL
                == "https://example.com/course/")
    }

    @Test("a base URL must be an absolute web address")
    func badBaseURL() throws {
        let error = try #require(throws: ContentError.self) {
            try SiteSettings.parse("baseURL: /course/\n", path: "content/site.yml")
        }
        #expect(
            error.errorDescription
                == "content/site.yml:1: error: `baseURL` must be an absolute http or https address, such as https://example.com/course/."
        )
    }

    @Test("an unknown key is an error at its line")
    func unknownKey() throws {
        let error = try #require(throws: ContentError.self) {
            try SiteSettings.parse("title: x\ntheme: y\n", path: "content/site.yml")
        }
        #expect(error.line == 2)
        #expect(error.reason.hasPrefix("`theme` is not a site setting"))
    }

    // Found by Fuzz/ (FuzzFrontMatter): libyaml puts a problem at the end of the input on the line
    // after it, which a file without a final newline does not have, and the reason spoke of front
    // matter in site.yml.
    @Test("a YAML error at the end of site.yml names its last line and the site settings")
    func yamlErrorAtTheEnd() throws {
        let text = try Fixtures.text("fuzz/site-unclosed-flow-mapping.yml")
        let error = try #require(throws: ContentError.self) { try SiteSettings.parse(text, path: "content/site.yml") }
        #expect(
            error.errorDescription
                == "content/site.yml:1: error: The site settings file is not valid YAML: did not find expected node content (at the end)."
        )
    }

    // Found by Fuzz/ (FuzzFrontMatter): libyaml also ends a line at U+0085 (NEL), U+2028 and
    // U+2029, so an error after one named a line past the end of the file.
    @Test("a NEL inside a line does not move the line an error names")
    func nextLineCharacter() throws {
        let text = try Fixtures.text("fuzz/site-nel-line-break.yml")
        let error = try #require(throws: ContentError.self) { try SiteSettings.parse(text, path: "content/site.yml") }
        #expect(error.line == 1)
        #expect(error.reason.hasPrefix("`theme` is not a site setting"))
    }
}
