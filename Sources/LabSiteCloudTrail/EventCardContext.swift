import LabSite

/// The variables of `partials/event-card.mustache`, the `cloudtrail-event` directive's card: a
/// link to the event's page, its time and its fact sheet (``TrailEvent/writeFacts(to:)``).
struct EventCardContext: TemplateContext {
    var event: TrailEvent
    /// The event page, relative to the lab page.
    var url: String

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        event.writeFacts(to: &sink)
        sink.set("url", text: url)
        sink.set("displayTime", text: event.displayTime)
    }
}
