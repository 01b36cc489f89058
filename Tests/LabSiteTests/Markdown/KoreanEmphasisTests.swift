import Testing

@testable import LabSite

@Suite("Korean emphasis")
struct KoreanEmphasisTests {
    let renderer = MarkdownRenderer()

    @Test(
        "spans followed by a Korean particle become strong or em",
        arguments: [
            ("**[경보 생성]**을 클릭한다", "<p><strong>[경보 생성]</strong>을 클릭한다</p>\n"),
            ("*`EstimatedCharges`*를 확인한다", "<p><em><code>EstimatedCharges</code></em>를 확인한다</p>\n"),
            ("**\"lab-user\"**로 로그인한다", "<p><strong>&quot;lab-user&quot;</strong>로 로그인한다</p>\n"),
            ("**리전**을 **[아시아 태평양 (서울)]**로 변경", "<p><strong>리전</strong>을 <strong>[아시아 태평양 (서울)]</strong>로 변경</p>\n"),
            ("먼저**[다음]**을 누른다", "<p>먼저<strong>[다음]</strong>을 누른다</p>\n"),
            ("값은*(기본값)*이다", "<p>값은<em>(기본값)</em>이다</p>\n"),
            ("メニュー**「設定」**を開く", "<p>メニュー<strong>「設定」</strong>を開く</p>\n"),
        ])
    func koreanParticles(markdown: String, html: String) throws {
        #expect(try renderer.render(markdown).html == html)
    }

    @Test(
        "everything else keeps CommonMark's rules",
        arguments: [
            // Latin letters after punctuation still cannot close, as in CommonMark.
            ("**[a]**b", "<p>**[a]**b</p>\n"),
            // Underscores are left alone, so identifiers next to Hangul stay literal.
            ("변수 lab_user_이름을 쓴다", "<p>변수 lab_user_이름을 쓴다</p>\n"),
            ("__[경보]__를", "<p>__[경보]__를</p>\n"),
            ("snake_case_값", "<p>snake_case_값</p>\n"),
            // Asterisks inside code spans and code blocks are untouched.
            ("`**[a]**을`", "<p><code>**[a]**을</code></p>\n"),
            ("```\n**[a]**을\n```", "<pre><code>**[a]**을\n</code></pre>\n"),
            // Emphasis that CommonMark already allows is unchanged.
            ("**굵게**와 *기울임*", "<p><strong>굵게</strong>와 <em>기울임</em></p>\n"),
            ("* 목록 **[항목]**을", "<ul>\n<li>목록 <strong>[항목]</strong>을</li>\n</ul>\n"),
        ])
    func unchangedCases(markdown: String, html: String) throws {
        #expect(try renderer.render(markdown).html == html)
    }

    @Test("the marker never reaches the output, links and code included")
    func markerIsRemoved() throws {
        let markdown = "[**[열기]**를](page.md?q=**[a]**를) `x**[b]**를` <https://example.com/**[c]**를>"
        let html = try renderer.render(markdown).html
        for marker in KoreanEmphasis.markerCandidates {
            #expect(!html.unicodeScalars.contains(marker))
        }
        #expect(html.contains("<strong>[열기]</strong>를</a>"))
        #expect(html.contains("<code>x**[b]**를</code>"))
    }

    @Test("a document that already contains the first marker gets another one")
    func markerChoice() {
        let first = KoreanEmphasis.markerCandidates[0]
        let source = "\(first) **[경보]**를"
        let prepared = KoreanEmphasis.prepare(source)
        #expect(prepared.marker == KoreanEmphasis.markerCandidates[1])
    }

    @Test("text without CJK letters is passed through untouched")
    func noCJK() {
        let prepared = KoreanEmphasis.prepare("**[a]**b and *c*")
        #expect(prepared.marker == nil)
        #expect(prepared.bytes == Array("**[a]**b and *c*".utf8))
    }
}
