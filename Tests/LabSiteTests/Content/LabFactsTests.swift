import Testing

@testable import LabSite

@Suite("Lab facts, updated dates and values in front matter and site.yml")
struct LabFactsTests {
    @Test("duration, cost, region, objectives, prerequisites, updated and params are read")
    func frontMatter() throws {
        let (frontMatter, _, _) = try FrontMatter.split(
            """
            ---
            title: 실습
            duration: 40분
            cost: 1달러 미만
            region: 서울 (ap-northeast-2)
            objectives:
              - 추적을 만든다.
              - 로그를 읽는다.
            prerequisites: 관리자 권한
            updated: 2026-12-01
            params:
              bucket: my-bucket
              region: { default: us-east-1, label: 결제 리전 }
            ---
            본문
            """, path: "content/lab.md")
        #expect(
            frontMatter.facts
                == LabFacts(
                    duration: "40분", cost: "1달러 미만", region: "서울 (ap-northeast-2)",
                    objectives: ["추적을 만든다.", "로그를 읽는다."], prerequisites: ["관리자 권한"]))
        #expect(frontMatter.updated == "2026-12-01")
        #expect(
            frontMatter.values == [
                PersonalValue(name: "bucket", defaultValue: "my-bucket"),
                PersonalValue(name: "region", label: "결제 리전", defaultValue: "us-east-1"),
            ])
        #expect(frontMatter.params.isEmpty)
    }

    @Test(
        "bad facts and values are errors at their line",
        arguments: [
            ("updated: 2026-02-30", 3, "`updated` must be a date written as YYYY-MM-DD, such as 2026-12-01."),
            ("updated: 1 Dec 2026", 3, "`updated` must be a date written as YYYY-MM-DD, such as 2026-12-01."),
            ("objectives:\n  - a: b", 3, "Each item of `objectives` must be a text."),
            ("duration: \"\"", 3, "`duration` must be a non-empty text."),
            (
                "params:\n  1st: x", 4,
                "`1st` cannot name a value: use letters, digits, `_` and `-`, starting with a letter."
            ),
            ("params:\n  a: [x]", 4, "The value `a` needs a default: `a: 기본값` or `a: { default: 기본값, label: 이름 }`."),
            (
                "params:\n  a: { default: x, hint: y }", 4,
                "`hint` is not a field of a value; the fields are default and label."
            ),
            ("params: [a]", 3, "`params` must map each name to its default, such as `region: ap-northeast-2`."),
        ])
    func errors(yaml: String, line: Int, reason: String) {
        #expect(throws: ContentError(path: "content/lab.md", line: line, reason: reason)) {
            try FrontMatter.split("---\ntitle: 실습\n\(yaml)\n---\n", path: "content/lab.md")
        }
    }

    @Test("site.yml reads params in both forms and editURL")
    func settings() throws {
        let settings = try SiteSettings.parse(
            """
            title: 과정
            editURL: https://github.com/example/course/edit/main/content/
            params:
              account: { default: "123456789012", label: 계정 ID }
              prefix: lab
            """, path: "content/site.yml")
        #expect(settings.editURL == "https://github.com/example/course/edit/main/content/")
        #expect(
            settings.values == [
                PersonalValue(name: "account", label: "계정 ID", defaultValue: "123456789012"),
                PersonalValue(name: "prefix", label: "prefix", defaultValue: "lab"),
            ])
        #expect(throws: ContentError(path: "content/site.yml", line: 3, reason: "The value `a` is declared twice.")) {
            try SiteSettings.parse("params:\n  a: x\n  a: y", path: "content/site.yml")
        }
        #expect(throws: (any Error).self) { try SiteSettings.parse("editURL: github.com/x", path: "content/site.yml") }
    }
}
