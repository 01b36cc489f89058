/// A page per event: the key facts in Korean, then the whole record as highlighted JSON.
extension TrailSection {
    /// The page of `events[index]`, whose record (read again from its file) is `record`.
    func eventPage(_ index: Int, record: CloudTrailRecord) -> GeneratedPage {
        let event = events[index]
        let file = logFiles[event.fileIndex]
        let path = event.pagePath
        let filePage = SitePath.relative(from: path, to: file.pagePath).escapedForHTML
        var html = TrailHTML.facts(event, record: record)
        html.reserveCapacity(16_384)
        html += "<p class=\"trail-source\">파일 <a href=\"\(filePage)\"><code>\(file.fileName.escapedForHTML)</code></a>"
        if let position = file.eventIndices.firstIndex(of: index) {
            html += "의 \(position + 1)번째 레코드"
        }
        if let download = file.downloadPath {
            let href = SitePath.relative(from: path, to: download).escapedForHTML
            html += " (<a href=\"\(href)\" download>원본 내려받기</a>)"
        }
        html += ".</p>\n"
        html += "<h2 id=\"record\">전체 레코드</h2>\n"
        let undocumented = record.undocumentedFields.map(\.key)
        if !undocumented.isEmpty {
            html += "<p>CloudTrail 문서에 없는 필드도 그대로 보인다: "
            html += undocumented.map { "<code>\($0.escapedForHTML)</code>" }.joined(separator: ", ") + ".</p>\n"
        }
        html += TrailHTML.highlightedJSON(record.json)
        var neighbours: [String] = []
        if index > 0 {
            let previous = events[index - 1]
            neighbours.append(
                "<a rel=\"prev\" href=\"\(previous.id.escapedForHTML).html\">← \(TrailHTML.text(previous.eventName))</a>"
            )
        }
        if index + 1 < events.count {
            let next = events[index + 1]
            neighbours.append(
                "<a rel=\"next\" href=\"\(next.id.escapedForHTML).html\">\(TrailHTML.text(next.eventName)) →</a>"
            )
        }
        if !neighbours.isEmpty {
            html +=
                "<nav class=\"trail-neighbours\" aria-label=\"시간순 이웃 이벤트\">"
                + neighbours.joined(separator: " ") + "</nav>\n"
        }
        return GeneratedPage(
            path: path, title: event.title, summary: event.summary, html: html,
            headings: [Heading(level: 2, id: "record", title: "전체 레코드", line: 0)],
            breadcrumbs: [
                Breadcrumb(title: Self.indexTitle, path: Self.indexPath),
                Breadcrumb(title: file.fileName, path: file.pagePath),
            ])
    }
}
