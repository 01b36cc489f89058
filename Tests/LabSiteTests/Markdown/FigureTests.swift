import Foundation
import LabSiteTestSupport
import Testing

@testable import LabSite

@Suite("Figures and image checks")
struct FigureTests {
    /// A renderer that finds images under `site`'s `content/`, as a site build does.
    func renderer(for site: borrowing TemporarySite) -> MarkdownRenderer {
        var options = MarkdownOptions()
        options.imageFile = SiteBuilder.imageFile(in: site.root.appendingPathComponent("content"))
        return MarkdownRenderer(options: options)
    }

    static let diagram = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"360\"></svg>\n"

    @Test("an image alone in its paragraph becomes a figure with its size, lazy, linked full size, alt as caption")
    func alone() throws {
        let site = try TemporarySite(files: ["content/labs/images/trail.svg": Self.diagram])
        let rendered = try renderer(for: site).render("![추적 목록](images/trail.svg)\n", path: "content/labs/lab.md")
        #expect(
            rendered.html == """
                <figure class="figure">
                <a class="figure-zoom" href="images/trail.svg"><img src="images/trail.svg" alt="추적 목록" \
                width="640" height="360" loading="lazy"></a>
                <figcaption>추적 목록</figcaption>
                </figure>

                """)
        #expect(rendered.warnings.isEmpty)
    }

    @Test("an image with a title becomes a figure captioned by the title, splitting the paragraph it was in")
    func titled() throws {
        let site = try TemporarySite(files: ["content/trail.svg": Self.diagram])
        let html = try renderer(for: site).render(
            "앞 문장\n![추적](trail.svg \"콘솔의 <추적> 목록\")\n뒤 문장", path: "content/lab.md"
        ).html
        #expect(
            html == """
                <p>앞 문장</p>
                <figure class="figure">
                <a class="figure-zoom" href="trail.svg"><img src="trail.svg" alt="추적" width="640" height="360" \
                loading="lazy"></a>
                <figcaption>콘솔의 &lt;추적&gt; 목록</figcaption>
                </figure>
                <p>뒤 문장</p>

                """)
    }

    @Test("an image inside text stays inline, with its size and lazy loading; a web image is not checked")
    func inline() throws {
        let site = try TemporarySite(files: ["content/icon.svg": Self.diagram])
        let html = try renderer(for: site).render(
            "아이콘 ![메뉴](icon.svg)과 ![로고](https://example.com/logo.png) 그림", path: "content/lab.md"
        ).html
        #expect(
            html == """
                <p>아이콘 <img src="icon.svg" alt="메뉴" width="640" height="360" loading="lazy">과 \
                <img src="https://example.com/logo.png" alt="로고" loading="lazy"> 그림</p>

                """)
    }

    @Test("a missing image file is an error naming the page and line")
    func missing() throws {
        let site = try TemporarySite(files: [:])
        #expect(
            throws: MarkdownError(
                path: "content/lab.md", line: 3,
                reason: "The image `images/%EC%97%86%EC%9D%8C.png` is not there: no file "
                    + site.root.appendingPathComponent("content/images/없음.png").standardizedFileURL.path
                    + " was found next to the page.")
        ) {
            try renderer(for: site).render("# 제목\n\n![그림](images/%EC%97%86%EC%9D%8C.png)", path: "content/lab.md")
        }
    }

    @Test("an empty alt text and an image over 1 MB are warnings at the image's line")
    func warnings() throws {
        let site = try TemporarySite(files: ["content/a.svg": Self.diagram])
        var large = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        large += Data("IHDR".utf8) + Data([0, 0, 0x05, 0, 0, 0, 0x02, 0xD0, 8, 2, 0, 0, 0])
        large += Data(count: 1_200_000)
        try large.write(to: site.root.appendingPathComponent("content/big.png"))
        let rendered = try renderer(for: site).render("![](a.svg)\n\n![큰 그림](big.png)", path: "content/lab.md")
        #expect(
            rendered.warnings == [
                BuildWarning(
                    path: "content/lab.md", line: 1,
                    message: "The image `a.svg` has no alt text; describe what it shows for readers who cannot see it."),
                BuildWarning(
                    path: "content/lab.md", line: 3,
                    message: "The image `big.png` is 1.2 MB; over 1 MB it loads slowly on a phone or a lab network. "
                        + "Make it smaller (a PNG screenshot saved as WebP or JPEG, say)."),
            ])
        #expect(
            rendered.html.contains("<img src=\"big.png\" alt=\"큰 그림\" width=\"1280\" height=\"720\" loading=\"lazy\">"))
        #expect(
            rendered.html.hasPrefix(
                "<figure class=\"figure\">\n<a class=\"figure-zoom\" href=\"a.svg\"><img src=\"a.svg\" alt=\"\" width=\"640\" height=\"360\" loading=\"lazy\"></a>\n</figure>\n"
            ))
    }
}
