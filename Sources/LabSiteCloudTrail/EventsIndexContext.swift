import LabSite

/// The variables of `partials/events-index.mustache`, the events index: counts, the highlights'
/// counts and the first rows of the table that `trail-table.js` takes over.
struct EventsIndexContext: TemplateContext {
    var fileCount: Int
    var eventCount: Int
    var isRedacted: Bool
    /// Each highlight with its number of events.
    var highlights: [(highlight: TrailSection.Highlight, count: Int)]
    /// How many events the static table lists.
    var shownCount: Int
    /// The static table's rows (``TrailSection/eventRows(_:linkPrefix:)``).
    var rows: TemplateText

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        sink.set("fileCount", text: String(fileCount))
        sink.set("eventCount", text: String(eventCount))
        sink.set("isRedacted", flag: isRedacted)
        let highlights = self.highlights
        sink.set("highlights", objects: highlights.count) { position, item in
            item.set("flagged", flag: highlights[position].count > 0)
            item.set("id", text: highlights[position].highlight.id)
            item.set("title", text: highlights[position].highlight.title)
            item.set("count", text: String(highlights[position].count))
        }
        sink.set("isPartial", flag: shownCount < eventCount)
        sink.set("shownCount", text: String(shownCount))
        sink.set("rows", text: rows)
        sink.set("scriptPath", text: TrailSection.scriptPath)
    }
}
