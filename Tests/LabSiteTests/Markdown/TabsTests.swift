import Testing

@testable import LabSite

@Suite("Tabs and folding callouts")
struct TabsTests {
    @Test("neighbouring [!TAB] blockquotes become one tab set, each panel labelled")
    func tabSet() throws {
        let markdown = """
            > [!TAB 콘솔]
            > **Trails**를 고른다.

            > [!tab AWS CLI]
            > ```bash
            > aws cloudtrail describe-trails
            > ```

            다음 문단.

            > [!TAB 콘솔]
            > 혼자인 탭.
            """
        let html = try MarkdownRenderer().render(markdown).html
        #expect(
            html == """
                <div class="tabs">
                <div class="tab-panel" data-tab="콘솔">
                <p class="tab-label">콘솔</p>
                <p><strong>Trails</strong>를 고른다.</p>
                </div>
                <div class="tab-panel" data-tab="AWS CLI">
                <p class="tab-label">AWS CLI</p>
                <pre><code class="language-bash"><span class="hl-command">aws</span> cloudtrail describe-trails
                </code></pre>
                </div>
                </div>
                <p>다음 문단.</p>
                <div class="tabs">
                <div class="tab-panel" data-tab="콘솔">
                <p class="tab-label">콘솔</p>
                <p>혼자인 탭.</p>
                </div>
                </div>

                """)
    }

    @Test("a tab label is escaped; an empty label or text after the bracket is a plain blockquote")
    func labels() throws {
        let html = try MarkdownRenderer().render("> [!TAB a & \"b\"]\n> 본문\n\n> [!TAB ]\n> 빈 이름\n\n> [!TAB 콘솔] 뒤\n> 글")
            .html
        #expect(
            html == """
                <div class="tabs">
                <div class="tab-panel" data-tab="a &amp; &quot;b&quot;">
                <p class="tab-label">a &amp; &quot;b&quot;</p>
                <p>본문</p>
                </div>
                </div>
                <blockquote>
                <p>[!TAB ]
                빈 이름</p>
                </blockquote>
                <blockquote>
                <p>[!TAB 콘솔] 뒤
                글</p>
                </blockquote>

                """)
    }

    @Test("[!NOTE]- folds a callout into <details>; [!TIP]+ starts it open; a title may follow")
    func folding() throws {
        let html = try MarkdownRenderer().render("> [!NOTE]- 접힌 메모\n> 안쪽\n\n> [!tip]+\n> 열린 팁").html
        #expect(
            html == """
                <details class="callout callout-note">
                <summary class="callout-title">참고: 접힌 메모</summary>
                <p>안쪽</p>
                </details>
                <details class="callout callout-tip" open>
                <summary class="callout-title">팁</summary>
                <p>열린 팁</p>
                </details>

                """)
    }

    @Test("a sign not right after the bracket is the title's, and the callout does not fold")
    func signsInTitles() throws {
        let html = try MarkdownRenderer().render("> [!NOTE] - 목록 같은 제목\n> 본문").html
        #expect(
            html == """
                <aside class="callout callout-note" role="note">
                <p class="callout-title">참고: - 목록 같은 제목</p>
                <p>본문</p>
                </aside>

                """)
    }
}
