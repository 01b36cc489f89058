import Foundation
import LabSite

/// The variables of the alarm partials: `partials/alarm.mustache` (an alarm's page),
/// `partials/alarm-card.mustache` (the `alarm` directive), a row of
/// `partials/alarms-index.mustache`, and the pieces they include (`alarm-config`, `alarm-chart`,
/// `alarm-history`, `alarm-findings`).
struct AlarmPageRenderer {
    var record: AlarmRecord
    var findings: [AlarmFinding]

    private var alarm: MetricAlarm { record.alarm }

    /// Sets the variables every alarm partial shares.
    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        let alarm = self.alarm
        sink.set("name", text: alarm.name)
        Self.write(state: alarm.state, to: &sink)
        sink.set("stateReason", nonEmpty: alarm.stateReason ?? "")
        sink.set("region", nonEmpty: alarm.region ?? "")
        sink.set("account", nonEmpty: alarm.account ?? "")
        sink.set("arn", text: alarm.arn ?? "")
        sink.set("description", nonEmpty: alarm.description ?? "")
        sink.set("sentence", text: AlarmSentence(alarm: alarm, unit: record.valueUnit).html)
        sink.set("findings", objects: findings.count) { position, finding in
            finding.set("finding", text: findings[position].html)
        }
        sink.set("metricName", text: alarm.metricName)
        sink.set("namespace", text: alarm.namespace)
        let dimensions = alarm.dimensions
        sink.set("dimensions", objects: dimensions.count) { position, dimension in
            dimension.set("first", flag: position == 0)
            dimension.set("dimension", text: "\(dimensions[position].name)=\(dimensions[position].value)")
        }
        sink.set("statisticName", text: alarm.statisticName)
        if let statistic = alarm.statistic {
            sink.set("statistic", nonEmpty: statistic)
            sink.set("statisticMeaning", text: AlarmVocabulary.statistic(statistic))
        }
        if let extended = alarm.extendedStatistic {
            sink.set("extendedStatistic", nonEmpty: extended)
            sink.set("extendedStatisticMeaning", text: AlarmVocabulary.statistic(extended))
        }
        sink.set("period", text: String(alarm.period))
        sink.set("periodText", text: AlarmVocabulary.duration(seconds: alarm.period))
        sink.set("evaluationPeriods", text: String(alarm.evaluationPeriods))
        sink.set("datapointsToAlarm", nonEmpty: alarm.datapointsToAlarm.map(String.init) ?? "")
        sink.set("effectiveDatapointsToAlarm", text: String(alarm.effectiveDatapointsToAlarm))
        sink.set("comparison", text: alarm.comparison.rawValue)
        sink.set("comparisonText", text: alarm.comparison.koreanName)
        sink.set("comparisonSymbol", text: alarm.comparison.symbol)
        sink.set("threshold", text: record.formatted(alarm.threshold))
        sink.set("unit", nonEmpty: alarm.unit ?? "")
        sink.set("treatMissingData", text: alarm.treatMissingData ?? "missing")
        sink.set("treatMissingDataText", text: AlarmVocabulary.missingData(alarm.treatMissingData))
        sink.set("treatMissingDataDefault", flag: alarm.treatMissingData == nil)
        sink.set("actionsEnabled", text: alarm.actionsEnabled ? "true" : "false")
        Self.write(actions: alarm.alarmActions, as: "alarmActions", to: &sink)
        Self.write(actions: alarm.okActions, as: "okActions", to: &sink)
        Self.write(actions: alarm.insufficientDataActions, as: "insufficientDataActions", to: &sink)
        if let chart = record.chart, let statistics = record.statistics {
            let fromHistory = record.alarmSpans.fromHistory
            sink.set("chart") {
                $0.set("svg", text: chart.svg)
                $0.set("chartStatistic", text: statistics.statistic)
                $0.set("fromHistory", flag: fromHistory)
                $0.set("otherStatistic", flag: statistics.statistic != alarm.statisticName)
            }
        }
        let history = record.history
        sink.set("hasHistory", flag: !history.isEmpty)
        sink.set("history", objects: history.count) { position, entry in
            let item = history[position]
            entry.set("iso", text: AlarmTimestamp.iso(item.timestamp))
            entry.set("time", text: AlarmTimestamp.display(item.timestamp))
            if let old = item.oldState, let new = item.newState {
                entry.set("change") {
                    $0.set("oldCSS", text: old.cssName)
                    $0.set("oldName", text: old.koreanName)
                    $0.set("oldValue", text: old.rawValue)
                    $0.set("newCSS", text: new.cssName)
                    $0.set("newName", text: new.koreanName)
                    $0.set("newValue", text: new.rawValue)
                }
            }
            entry.set("type", text: item.type)
            entry.set("summary", text: item.summary)
            entry.set("reason", nonEmpty: item.newStateReason ?? "")
        }
    }

    /// `state`: the state's `css` class suffix, Korean `name` and `value` as AWS writes it; not
    /// set when the alarm has no state.
    private static func write<Sink: TemplateValueSink>(state: AlarmState?, to sink: inout Sink) {
        guard let state else { return }
        sink.set("state") {
            $0.set("css", text: state.cssName)
            $0.set("name", text: state.koreanName)
            $0.set("value", text: state.rawValue)
        }
    }

    private static func write<Sink: TemplateValueSink>(
        actions: [String], as name: TemplateKey, to sink: inout Sink
    ) {
        sink.set(name, objects: actions.count) { position, action in
            action.set("first", flag: position == 0)
            action.set("action", text: actions[position])
        }
    }

    // MARK: - Pages

    /// The alarm's own page, through `partials/alarm.mustache`.
    func page(sourceFiles: [String], templates: TemplateRenderer) throws -> GeneratedPage {
        let pagePath = record.pagePath
        let sources = sourceFiles.map { String($0.dropFirst("content/".count)) }
        let context = AlarmPageContext(
            alarm: self, sources: sources.map { (SitePath.relative(from: pagePath, to: $0), $0) })
        let headings = [
            ("alarm-config", "경보 설정"), ("alarm-chart", "지표와 임계값"), ("alarm-history", "상태 기록"),
            ("alarm-cli", "AWS CLI로 만들기"), ("alarm-cloudformation", "CloudFormation으로 만들기"),
            ("alarm-source", "원본 데이터"),
        ].map { Heading(level: 2, id: $0.0, title: $0.1, line: 0) }
        return GeneratedPage(
            path: pagePath, title: alarm.name,
            summary: "\(alarm.namespace) \(alarm.metricName) 지표의 CloudWatch 경보"
                + (alarm.region.map { ", \($0)" } ?? ""),
            html: try templates.render("partials/alarm", with: context), headings: headings,
            breadcrumbs: [Breadcrumb(title: CloudWatchSection.indexTitle, path: CloudWatchSection.indexPath)])
    }

    /// The card the `alarm` directive embeds in a lab page, through `partials/alarm-card.mustache`.
    func card(rootPrefix: String, parts: Set<String>, templates: TemplateRenderer) throws -> String {
        try templates.render(
            "partials/alarm-card",
            with: AlarmCardContext(alarm: self, url: rootPrefix + record.pagePath, parts: parts))
    }
}
