import LabSite

/// The variables of `partials/alarms-index.mustache`: every alarm
/// (``AlarmPageRenderer/write(to:)``) with a link to its page and its number of findings.
struct AlarmIndexContext: TemplateContext {
    var alarms: [AlarmPageRenderer]

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        let alarms = self.alarms
        sink.set("alarmCount", text: String(alarms.count))
        sink.set("alarms", objects: alarms.count) { position, row in
            let alarm = alarms[position]
            alarm.write(to: &row)
            row.set("url", text: SitePath.relative(from: CloudWatchSection.indexPath, to: alarm.record.pagePath))
            row.set("findingCount", nonEmpty: alarm.findings.isEmpty ? "" : String(alarm.findings.count))
        }
    }
}
