import Foundation
import LabSiteTestSupport
import Testing

@testable import LabSite

@Suite("Lab facts, last update, edit link and values on built pages")
struct LabPageTemplateTests {
    static let files = [
        "content/site.yml": """
        title: 테스트 과정
        editURL: https://github.com/example/course/edit/main/content/
        params:
          region: { default: ap-northeast-2, label: 리전 }
        """,
        "content/index.md": "---\ntitle: 홈\n---\n시작\n",
        "content/lab.md": """
        ---
        title: 실습
        duration: 40분
        cost: 1달러 미만
        region: 서울
        objectives:
          - 추적을 만든다.
        prerequisites:
          - 관리자 & 권한
        updated: 2026-12-01
        params:
          bucket: my-bucket
        ---
        ## 1. 시작

        {{bucket}} in {{region}}
        """,
    ]

    @Test("a lab's header shows its facts box; the page ends with the last update and the edit link")
    func labPage() async throws {
        let site = try TemporarySite(files: Self.files)
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: []).build()
        let page = try site.read("lab.html")
        #expect(
            page.contains(
                """
                    <p class="doc-meta"><span class="doc-meta-steps">총 1단계</span></p>
                    <section class="lab-facts" aria-label="실습 개요">
                      <dl>
                        <div><dt>소요 시간</dt><dd>40분</dd></div>
                        <div><dt>예상 비용</dt><dd>1달러 미만</dd></div>
                        <div><dt>리전</dt><dd>서울</dd></div>
                      </dl>
                      <h2 class="lab-facts-title">학습 목표</h2>
                      <ul><li>추적을 만든다.</li></ul>
                      <h2 class="lab-facts-title">사전 준비</h2>
                      <ul><li>관리자 &amp; 권한</li></ul>
                    </section>
                  </header>
                """))
        #expect(
            page.contains(
                """
                  </nav>
                  <footer class="doc-footer">
                    <p class="doc-updated">마지막 수정: <time datetime="2026-12-01">2026년 12월 1일</time></p>
                    <p class="doc-edit"><a class="edit-link" href="https://github.com/example/course/edit/main/content/lab.md">이 페이지 고치기</a></p>
                  </footer>
                </article>
                """))
        #expect(page.contains("<meta name=\"labsite-site\" content=\"테스트-과정\">"))
        #expect(
            page.contains(
                "<script type=\"application/json\" id=\"labsite-params\">"
                    + "[{\"default\":\"my-bucket\",\"label\":\"bucket\",\"name\":\"bucket\"}]</script>\n</body>"))
        #expect(
            page.contains(
                "<p><span class=\"param\" data-param=\"bucket\">my-bucket</span> in "
                    + "<span class=\"param\" data-param=\"region\">ap-northeast-2</span></p>"))
    }

    @Test("the site's values are in nav.js; a page without its own values carries none, nor facts")
    func siteValues() async throws {
        let site = try TemporarySite(files: Self.files)
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: []).build()
        #expect(
            try site.read("assets/nav.js").hasSuffix(
                "window.LABSITE_PARAMS = [{\"default\":\"ap-northeast-2\",\"label\":\"리전\",\"name\":\"region\"}];\n"))
        let home = try site.read("index.html")
        #expect(!home.contains("labsite-params"))
        #expect(!home.contains("doc-updated"))
        #expect(
            home.contains(
                "<a class=\"edit-link\" href=\"https://github.com/example/course/edit/main/content/index.md\">"))
        #expect(
            home.contains(
                "<p class=\"lab-card-facts\"><span>소요 시간 40분</span> <span>비용 1달러 미만</span> <span>리전 서울</span></p>"))
    }

    @Test("a source without index.md gets an index.html with the site's title over its labs' cards")
    func generatedHome() async throws {
        let site = try TemporarySite(files: [
            "content/site.yml": "title: 새 과정\ndescription: 설명 한 줄",
            "content/labs/a.md": "---\ntitle: 실습 A\nsummary: 요약\n---\n## 1. 하나\n",
        ])
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: []).build()
        let home = try site.read("index.html")
        #expect(home.contains("<title>새 과정</title>"))
        #expect(
            home.contains(
                """
                <li class="lab-card">
                  <h3 class="lab-card-title"><a href="labs/a.html">실습 A</a></h3>
                  <p class="lab-card-summary">요약</p>
                  <p class="lab-card-meta">1단계</p>
                </li>
                """))
        #expect(try site.read("assets/nav.js").contains("{\"steps\":[],\"title\":\"새 과정\",\"url\":\"index.html\"}"))
    }

    @Test(
        "each lab's card on the home page comes from partials/lab-card, whatever it does",
        arguments: [
            ("[{{root}}{{url}}|{{title}}|{{stepCount}}]", "[labs/a.html|Lab a|1][labs/b.html|Lab b|2]"),
            ("[{{uppercased(title)}}]", "[LAB A][LAB B]"),
        ])
    func labCards(card: String, expected: String) async throws {
        let site = try TemporarySite(files: [
            "content/index.md": "---\ntitle: 홈\n---\n홈\n",
            "content/labs/a.md": "---\ntitle: Lab a\norder: 1\n---\n## 1. 하나\n",
            "content/labs/b.md": "---\ntitle: Lab b\norder: 2\n---\n## 1. 하나\n## 2. 둘\n",
            "templates/partials/lab-cards.mustache": "<cards>{{#labs}}{{{card}}}{{/labs}}</cards>",
            "templates/partials/lab-card.mustache": card,
        ])
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: []).build()
        #expect(try site.read("index.html").contains("<cards>\(expected)</cards>"))
    }

    @Test("print.html shows each lab's facts box")
    func handout() async throws {
        let site = try TemporarySite(files: Self.files)
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: []).build()
        let handout = try site.read("print.html")
        #expect(handout.contains("<section class=\"lab-facts\" aria-label=\"실습 개요\">"))
        #expect(handout.contains("<ul><li>관리자 &amp; 권한</li></ul>"))
    }
}
