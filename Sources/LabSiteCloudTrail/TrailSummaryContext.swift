import LabSite

/// The variables of `partials/trail-summary.mustache`, the summary page: the highlights with
/// their events, the timeline (`partials/trail-timeline.mustache`) and four count tables.
struct TrailSummaryContext: TemplateContext {
    /// One highlight, its number of events and their links
    /// (`partials/trail-highlight-event.mustache` each).
    struct HighlightItem: Sendable {
        var highlight: TrailSection.Highlight
        var count: Int
        var events: TemplateText
    }

    /// One count table: its heading's `id` and `title`, and its rows
    /// (`partials/trail-count-row.mustache` each).
    struct CountTable: Sendable {
        var id: String
        var title: String
        var rows: TemplateText
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
            let highlight = highlights[position]
            item.set("id", text: highlight.highlight.id)
            item.set("title", text: highlight.highlight.title)
            item.set("count", text: String(highlight.count))
            item.set("hasEvents", flag: highlight.count > 0)
            item.set("explanation", text: highlight.highlight.explanation)
            item.set("events", text: highlight.events)
        }
        if let timeline { sink.set("timeline") { timeline.write(to: &$0) } }
        let counts = self.counts
        sink.set("counts", objects: counts.count) { position, table in
            table.set("id", text: counts[position].id)
            table.set("title", text: counts[position].title)
            table.set("rows", text: counts[position].rows)
        }
    }
}
