import LabSite

/// The variables of `partials/event-row.mustache`, one event as a row of an events table.
struct EventRow: TemplateContext {
    /// The event.
    var event: TrailEvent
    /// What leads from the table's page to the `events/` folder.
    var linkPrefix: String

    // Specialized here for the shape, as a page made in bulk needs (see `TemplateContext`).
    func writeShape(_ shape: inout PageSkeleton.Shape) {
        write(to: &shape)
    }

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        sink.set("isoTime", nonEmpty: event.timestamp?.iso8601 ?? "")
        sink.set("time", text: event.displayTime)
        sink.set("user", text: TrailEvent.dashed(event.userDisplayName))
        sink.set("eventSource", text: TrailEvent.dashed(event.eventSource))
        sink.set("url", text: linkPrefix + event.pageName)
        sink.set("eventName", text: TrailEvent.dashed(event.eventName))
        sink.set("region", text: TrailEvent.dashed(event.awsRegion))
        sink.set("sourceIP", text: TrailEvent.dashed(event.sourceIPAddress))
        sink.set("readWrite", text: event.readWrite)
        sink.set("error", nonEmpty: event.error)
    }
}
