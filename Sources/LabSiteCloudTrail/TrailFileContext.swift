import LabSite

/// The variables of `partials/trail-file.mustache`, a log file's page: where it is, what its S3
/// key says, a link to download it and the table of its records.
struct TrailFileContext: TemplateContext {
    var file: TrailLogFile
    /// The original file, relative to the page; `nil` when it is not published.
    var downloadURL: String?
    /// Whether the file is withheld because the site is redacted.
    var isWithheld: Bool
    /// The table's rows (``TrailSection/eventRows(_:linkPrefix:)``).
    var rows: TemplateText

    // Specialized here for the shape, as a page made in bulk needs (see `TemplateContext`).
    func writeShape(_ shape: inout PageSkeleton.Shape) {
        write(to: &shape)
    }

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        sink.set("path", text: file.displayPath)
        if let key = TrailObjectKey(path: file.displayPath) {
            sink.set("objectKey") {
                $0.set("account", text: key.accountID)
                $0.set("region", text: key.region)
                $0.set("year", text: key.year)
                $0.set("month", text: key.month)
                $0.set("day", text: key.day)
                $0.set("deliveryTime", nonEmpty: key.deliveryTime ?? "")
            }
        }
        sink.set("eventCount", text: String(file.eventIndices.count))
        sink.set("downloadURL", nonEmpty: downloadURL ?? "")
        sink.set("withheld", flag: isWithheld)
        sink.set("rows", text: rows)
    }
}
