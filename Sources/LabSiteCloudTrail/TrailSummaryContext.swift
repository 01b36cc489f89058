import LabSite

/// The variables of `partials/trail-summary.mustache`, the summary page: the highlights with
/// their events, the timeline (`partials/trail-timeline.mustache`) and four count tables.
struct TrailSummaryContext: TemplateContext {
    /// One highlight and its events.
    struct HighlightItem: Sendable {
        var highlight: TrailSection.Highlight
        var events: [TrailEvent]
    }

    /// One count table: its heading's `id` and `title`, and each value with its number of events.
    struct CountTable: Sendable {
        var id: String
        var title: String
        /// The filter of the events index that the counts link to.
        var filter: String
        var rows: [(value: String, count: Int)]
    }

    var eventCount: Int
    var highlights: [HighlightItem]
    /// `nil` when no event has a time that could be read.
    var timeline: TrailTimeline?
    var counts: [CountTable]

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        sink.set("eventCount", text: String(eventCount))
        let highlights = self.highlights
        sink.set("highlights", objects: highlights.count) { position, item in
            let highlight = highlights[position].highlight
            let events = highlights[position].events
            item.set("id", text: highlight.id)
            item.set("title", text: highlight.title)
            item.set("count", text: String(events.count))
            item.set("hasEvents", flag: !events.isEmpty)
            item.set("explanation", text: highlight.explanation)
            item.set("events", objects: events.count) { index, link in
                let event = events[index]
                link.set("url", text: event.pageName)
                link.set("eventName", text: TrailEvent.dashed(event.eventName))
                link.set("user", text: TrailEvent.dashed(event.userDisplayName))
                link.set("time", text: event.displayTime)
                link.set("error", nonEmpty: event.error)
            }
        }
        if let timeline { sink.set("timeline") { timeline.write(to: &$0) } }
        let counts = self.counts
        sink.set("counts", objects: counts.count) { position, table in
            let count = counts[position]
            table.set("id", text: count.id)
            table.set("title", text: count.title)
            table.set("rows", objects: count.rows.count) { index, row in
                let (value, number) = count.rows[index]
                row.set("value", nonEmpty: value)
                row.set("count", text: String(number))
                row.set("url", text: "index.html?\(count.filter)=" + TrailSection.queryEscaped(value) + "#events")
            }
        }
    }
}
