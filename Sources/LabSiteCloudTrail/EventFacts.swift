import LabSite

/// The variables of `partials/event-facts.mustache` alone: an event's fact sheet
/// (``TrailEvent/writeFacts(to:)``).
struct EventFacts: TemplateContext {
    /// The event.
    var event: TrailEvent

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        event.writeFacts(to: &sink)
    }
}
