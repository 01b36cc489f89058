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
        return try file.eventIndices.map { index in
            let event = events[index]
            let context = EventPageContext(
                event: event, fileURL: fileURL, fileName: file.fileName, downloadURL: downloadURL,
                recordJSON: blocks[event.position], previous: index > 0 ? events[index - 1] : nil,
                next: index + 1 < events.count ? events[index + 1] : nil, hasNeighbours: events.count > 1)
            var html = HTMLBuffer(capacity: 16_384)
            try templates.render("partials/event", with: context, into: &html)
            var page = GeneratedPage(
                path: event.pagePath, title: event.title, summary: event.summary, html: "", headings: headings,
                breadcrumbs: breadcrumbs)
            // Kept as bytes to the file (see `TemplateText`).
            page.content = .utf8(html.data())
            return page
        }
    }
}
