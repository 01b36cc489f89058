import LabSite

/// The variables of `partials/event-list.mustache`, the `cloudtrail-events` directive: a table of
/// the events it selects and a link to the events index.
struct EventListContext: TemplateContext {
    var eventCount: Int
    /// The events index, relative to the lab page.
    var indexURL: String
    /// The table's rows (``TrailSection/eventRows(_:linkPrefix:)``).
    var rows: TemplateText

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        sink.set("eventCount", text: String(eventCount))
        sink.set("indexURL", text: indexURL)
        sink.set("rows", text: rows)
    }
}
