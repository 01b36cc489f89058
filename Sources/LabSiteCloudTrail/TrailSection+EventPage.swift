import Foundation
import LabSite

/// A page per event through `partials/event.mustache`: the key facts in Korean, then the whole
/// record as JSON (coloured by the theme's script).
extension TrailSection {
    /// The pages of the events of `logFiles[fileIndex]`, whose records' JSON blocks (read again
    /// from the file) are `blocks`.
    func eventPages(inFile fileIndex: Int, blocks: [Data]) throws -> [GeneratedPage] {
        let file = logFiles[fileIndex]
        // Every event page is in `events/`, so what leads to the file is the same on each of them.
        let fileURL = SitePath.relative(from: Self.indexPath, to: file.pagePath)
        let downloadURL = file.downloadPath.map { SitePath.relative(from: Self.indexPath, to: $0) }
        let breadcrumbs = [
            Breadcrumb(title: Self.indexTitle, path: Self.indexPath),
            Breadcrumb(title: file.fileName, path: file.pagePath),
        ]
        let headings = [Heading(level: 2, id: "record", title: "전체 레코드", line: 0)]
        var recent = RecentSkeletons()
        return try file.eventIndices.map { index in
            let event = events[index]
            let otherFiles = event.alsoIn.map { other in
                (
                    name: logFiles[other].fileName,
                    url: SitePath.relative(from: Self.indexPath, to: logFiles[other].pagePath)
                )
            }
            let context = EventPageContext(
                event: event, fileURL: fileURL, fileName: file.fileName, downloadURL: downloadURL,
                sourceForm: Self.formName(file.container), otherFiles: otherFiles,
                recordJSON: blocks[event.position], previous: index > 0 ? events[index - 1] : nil,
                next: index + 1 < events.count ? events[index + 1] : nil, hasNeighbours: events.count > 1)
            var html = HTMLBuffer(capacity: 16_384)
            try templates.render("partials/event", with: context, into: &html, recent: &recent)
            var page = GeneratedPage(
                path: event.pagePath, title: event.title, summary: event.summary, html: "", headings: headings,
                breadcrumbs: breadcrumbs)
            // Kept as bytes to the file (see `TemplateText`).
            page.content = .utf8(html.data())
            return page
        }
    }

    /// What a form of event file is called on an event page, after "이 레코드는 … 에서 읽었다".
    static func formName(_ container: TrailFile.Container) -> String {
        switch container {
        case .records, .digest: "S3의 CloudTrail 로그 파일"
        case .array: "레코드 배열 파일"
        case .singleRecord: "레코드 하나뿐인 파일"
        case .lookupEvents: "aws cloudtrail lookup-events 출력"
        case .eventHistoryCSV: "콘솔 이벤트 기록(Event history)의 CSV 다운로드"
        case .athenaResults: "Amazon Athena 쿼리 결과"
        }
    }
}
