import LabSite

/// The variables of `partials/trail-highlight-event.mustache`: one event of a highlight on the
/// summary page, as a link with who, when and the error.
struct TrailHighlightEvent: TemplateContext {
    var event: TrailEvent

    // Specialized here for the shape, as a page made in bulk needs (see `TemplateContext`).
    func writeShape(_ shape: inout PageSkeleton.Shape) {
        write(to: &shape)
    }

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        sink.set("url", text: event.pageName)
        sink.set("eventName", text: TrailEvent.dashed(event.eventName))
        sink.set("user", text: TrailEvent.dashed(event.userDisplayName))
        sink.set("time", text: event.displayTime)
        sink.set("error", nonEmpty: event.error)
    }
}
