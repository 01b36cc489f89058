import Foundation
import LabSite

/// A page per event: the key facts in Korean, then the whole record as JSON (coloured by the theme's script).
extension TrailSection {
    /// The pages of the events of `logFiles[fileIndex]`, whose records' JSON blocks (read again
    /// from the file) are `blocks`.
    func eventPages(inFile fileIndex: Int, blocks: [Data]) -> [GeneratedPage] {
        let file = logFiles[fileIndex]
        // Every event page is in `events/`, so what leads to the file is the same on each of them.
        let filePage = SitePath.relative(from: Self.indexPath, to: file.pagePath)
        var source = HTMLBuffer(capacity: 512)
        source.append("<p class=\"trail-source\">파일 <a href=\"")
        source.append(text: filePage)
        source.append("\"><code>")
        source.append(text: file.fileName)
        source.append("</code></a>의 ")
        var download = HTMLBuffer(capacity: 256)
        if let path = file.downloadPath {
            download.append(" (<a href=\"")
            download.append(text: SitePath.relative(from: Self.indexPath, to: path))
            download.append("\" download>원본 내려받기</a>)")
        }
        download.append(".</p>\n<h2 id=\"record\">전체 레코드</h2>\n")
        let breadcrumbs = [
            Breadcrumb(title: Self.indexTitle, path: Self.indexPath),
            Breadcrumb(title: file.fileName, path: file.pagePath),
        ]
        let headings = [Heading(level: 2, id: "record", title: "전체 레코드", line: 0)]
        return file.eventIndices.map { index in
            let event = events[index]
            var html = HTMLBuffer(capacity: 16_384)
            TrailHTML.appendFacts(event, to: &html)
            html.append(source)
            html.append(markup: String(event.position + 1))
            html.append("번째 레코드")
            html.append(download)
            let undocumented = event.sheet.undocumentedFields
            if !undocumented.isEmpty {
                html.append("<p>CloudTrail 문서에 없는 필드도 그대로 보인다: ")
                for (number, field) in undocumented.enumerated() {
                    if number > 0 { html.append(", ") }
                    TrailHTML.appendCode(field, to: &html)
                }
                html.append(".</p>\n")
            }
            html.append(markup: blocks[event.position])
            appendNeighbours(of: index, to: &html)
            var page = GeneratedPage(
                path: event.pagePath, title: event.title, summary: event.summary, html: "", headings: headings,
                breadcrumbs: breadcrumbs)
            // Kept as bytes to the file (see `TemplateText`).
            page.content = .utf8(html.data())
            return page
        }
    }

    /// Links to the events before and after `events[index]` in time.
    private func appendNeighbours(of index: Int, to html: inout HTMLBuffer) {
        guard events.count > 1 else { return }
        html.append("<nav class=\"trail-neighbours\" aria-label=\"시간순 이웃 이벤트\">")
        if index > 0 {
            html.append("<a rel=\"prev\" href=\"")
            html.append(text: events[index - 1].pageName)
            html.append("\">← ")
            TrailHTML.appendText(events[index - 1].eventName, to: &html)
            html.append("</a>")
        }
        if index > 0 && index + 1 < events.count { html.append(" ") }
        if index + 1 < events.count {
            html.append("<a rel=\"next\" href=\"")
            html.append(text: events[index + 1].pageName)
            html.append("\">")
            TrailHTML.appendText(events[index + 1].eventName, to: &html)
            html.append(" →</a>")
        }
        html.append("</nav>\n")
    }
}
