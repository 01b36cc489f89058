import LabSite

/// The variables of `partials/alarm.mustache`: the alarm's (``AlarmPageRenderer/write(to:)``), the
/// commands that make it again and the files it was read from.
struct AlarmPageContext: TemplateContext {
    var alarm: AlarmPageRenderer
    /// Each source file's `url` (relative to the page) and `path` (under `content/`).
    var sources: [(url: String, path: String)]

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        alarm.write(to: &sink)
        sink.set("command", text: AlarmCommandRenderer.command(for: alarm.record.alarm))
        sink.set("cloudFormation", text: AlarmCloudFormationRenderer.template(for: alarm.record.alarm))
        let sources = self.sources
        sink.set("sources", objects: sources.count) { position, source in
            source.set("url", text: sources[position].url)
            source.set("path", text: sources[position].path)
        }
    }
}
