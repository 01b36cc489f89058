import LabSite

/// The variables of `partials/trail-count-row.mustache`: one value of a count table on the
/// summary page, with its number of events linking to the index filtered by it.
struct TrailCountRow: TemplateContext {
    var value: String
    var count: Int
    /// The events index's filter the count links to (`user`, `event`, …).
    var filter: String

    // Specialized here for the shape, as a page made in bulk needs (see `TemplateContext`).
    func writeShape(_ shape: inout PageSkeleton.Shape) {
        write(to: &shape)
    }

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        sink.set("value", nonEmpty: value)
        sink.set("count", text: String(count))
        sink.set("url", text: "index.html?\(filter)=" + TrailSection.queryEscaped(value) + "#events")
    }
}
