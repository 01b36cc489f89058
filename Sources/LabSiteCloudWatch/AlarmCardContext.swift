import LabSite

/// The variables of `partials/alarm-card.mustache`: the alarm's (``AlarmPageRenderer/write(to:)``),
/// a link to its page and which parts the directive's `show` asked for.
struct AlarmCardContext: TemplateContext {
    var alarm: AlarmPageRenderer
    /// The alarm's page, relative to the lab page.
    var url: String
    /// `card`, `chart` and `findings`, or those of them the directive shows.
    var parts: Set<String>

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        alarm.write(to: &sink)
        sink.set("url", text: url)
        sink.set("showCard", flag: parts.contains("card"))
        sink.set("showChart", flag: parts.contains("chart"))
        sink.set("showFindings", flag: parts.contains("findings"))
    }
}
