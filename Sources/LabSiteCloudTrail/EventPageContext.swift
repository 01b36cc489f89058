import Foundation
import LabSite

/// The variables of `partials/event.mustache`, the article of an event's page: its fact sheet
/// (``TrailEvent/writeFacts(to:)``), where the record comes from, the whole record as JSON and
/// the events before and after it in time.
struct EventPageContext: TemplateContext {
    /// The event.
    var event: TrailEvent
    /// The log file's page, relative to the event page.
    var fileURL: String
    /// The log file's name.
    var fileName: String
    /// The log file to download, relative to the event page; `nil` with `--redact`.
    var downloadURL: String?
    /// What the file is, in Korean (``TrailSection/formName(_:)``).
    var sourceForm: String
    /// The other files the same `eventID` was read from: their names and pages, relative to the event page.
    var otherFiles: [(name: String, url: String)]
    /// The record as a `pre.trail-json` block, already escaped (``TrailHTML/jsonBlock(_:)``).
    var recordJSON: Data
    /// The event before, in time.
    var previous: TrailEvent?
    /// The event after, in time.
    var next: TrailEvent?
    /// Whether the trail has other events at all (then the page has a neighbours bar).
    var hasNeighbours: Bool

    // Specialized here for the shape, as a page made in bulk needs (see `TemplateContext`).
    func writeShape(_ shape: inout PageSkeleton.Shape) {
        write(to: &shape)
    }

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        event.writeFacts(to: &sink)
        sink.set("fileURL", text: fileURL)
        sink.set("fileName", text: fileName)
        sink.set("recordNumber", text: String(event.position + 1))
        sink.set("downloadURL", nonEmpty: downloadURL ?? "")
        let undocumented = event.sheet.undocumentedFields
        sink.set("hasUndocumentedFields", flag: !undocumented.isEmpty)
        sink.set("undocumentedFields", objects: undocumented.count) { position, field in
            field.set("first", flag: position == 0)
            field.set("field", text: undocumented[position])
        }
        let missing = event.fieldsNotInSource
        sink.set("hasFieldsNotInSource", flag: !missing.isEmpty)
        sink.set("sourceForm", text: sourceForm)
        sink.set("fieldsNotInSource", objects: missing.count) { position, field in
            field.set("first", flag: position == 0)
            field.set("field", text: missing[position])
        }
        let otherFiles = self.otherFiles
        sink.set("hasOtherFiles", flag: !otherFiles.isEmpty)
        sink.set("otherFiles", objects: otherFiles.count) { position, file in
            file.set("first", flag: position == 0)
            file.set("name", text: otherFiles[position].name)
            file.set("url", text: otherFiles[position].url)
        }
        sink.set("recordJSON", text: .utf8(recordJSON))
        guard hasNeighbours else { return }
        let (previous, next) = (self.previous, self.next)
        sink.set("neighbours") { neighbours in
            if let previous { neighbours.set("previous") { Self.write(previous, to: &$0) } }
            neighbours.set("between", flag: previous != nil && next != nil)
            if let next { neighbours.set("next") { Self.write(next, to: &$0) } }
        }
    }

    /// A neighbour's link: `url` (a name in the same folder) and `name`.
    private static func write<Sink: TemplateValueSink>(_ neighbour: TrailEvent, to sink: inout Sink) {
        sink.set("url", text: neighbour.pageName)
        sink.set("name", text: TrailEvent.dashed(neighbour.eventName))
    }
}
