import Foundation
import LabSite

extension AlarmRecord {
    /// The unit of the alarm's values: the alarm's `Unit`, else the datapoints', else a well-known metric's.
    var valueUnit: String? {
        alarm.unit ?? statistics?.unit.flatMap { $0 == "None" ? nil : $0 }
            ?? AlarmVocabulary.knownUnits[alarm.metricName]
    }

    /// A value as the page shows it: `200 USD`, `70%`.
    func formatted(_ value: Double) -> String { AlarmSentence.value(value, alarm: alarm, unit: valueUnit) }

    /// The spans the alarm spent in ALARM: from the history's state updates when there are any, otherwise
    /// computed from the datapoints with the alarm's M-of-N rule.
    var alarmSpans: (spans: [LineChart.Span], fromHistory: Bool) {
        let updates = history.filter { $0.newState != nil }
        let distantFuture = Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01
        if !updates.isEmpty {
            var spans: [LineChart.Span] = []
            var start: Date? = updates.first?.oldState == .alarm ? Date(timeIntervalSince1970: 0) : nil
            for update in updates {
                if update.newState == .alarm, start == nil { start = update.timestamp }
                if update.newState != .alarm, let begun = start {
                    spans.append(LineChart.Span(start: begun, end: update.timestamp))
                    start = nil
                }
            }
            if let start { spans.append(LineChart.Span(start: start, end: distantFuture)) }
            return (spans, true)
        }
        let points = statistics?.datapoints ?? []
        var spans: [LineChart.Span] = []
        for (index, point) in points.enumerated() {
            let window = points[max(0, index - alarm.evaluationPeriods + 1)...index]
            let breaching = window.filter { alarm.comparison.breaches($0.value, threshold: alarm.threshold) }.count
            guard breaching >= alarm.effectiveDatapointsToAlarm else { continue }
            let end = index + 1 < points.count ? points[index + 1].timestamp : distantFuture
            if let last = spans.last, last.end == point.timestamp {
                spans[spans.count - 1].end = end
            } else {
                spans.append(LineChart.Span(start: point.timestamp, end: end))
            }
        }
        return (spans, false)
    }

    /// The chart of the datapoints against the threshold, or `nil` without datapoints.
    var chart: LineChart? {
        guard let statistics, let first = statistics.datapoints.first, let last = statistics.datapoints.last else {
            return nil
        }
        let (spans, _) = alarmSpans
        let values = statistics.datapoints.map(\.value)
        let unitText =
            alarm.currency ?? valueUnit.map { AlarmVocabulary.unitSuffix($0).trimmingCharacters(in: .whitespaces) }
        let axis = "\(alarm.metricName) \(statistics.statistic)" + (unitText.map { $0.isEmpty ? "" : " (\($0))" } ?? "")
        let firstDay = String(AlarmTimestamp.display(first.timestamp).prefix(10))
        let lastDay = String(AlarmTimestamp.display(last.timestamp).prefix(10))
        var summary =
            "\(AlarmTimestamp.display(first.timestamp))부터 \(AlarmTimestamp.display(last.timestamp))까지 "
            + "데이터 포인트 \(values.count)개, 최소 \(formatted(values.min() ?? 0)), 최대 \(formatted(values.max() ?? 0)). "
            + "임계값 \(formatted(alarm.threshold))."
        let inChart = spans.filter { $0.end > first.timestamp && $0.start < last.timestamp }
        if inChart.isEmpty {
            summary += " 이 기간에 경보(ALARM) 상태였던 구간은 없다."
        } else {
            summary +=
                " 경보(ALARM) 구간: "
                + inChart.map {
                    "\(AlarmTimestamp.display(max($0.start, first.timestamp))) ~ "
                        + AlarmTimestamp.display(min($0.end, last.timestamp))
                }.joined(separator: ", ") + "."
        }
        return LineChart(
            points: statistics.datapoints.map { LineChart.Point(time: $0.timestamp, value: $0.value) },
            threshold: alarm.threshold, thresholdLabel: "임계값 \(formatted(alarm.threshold))", shaded: spans,
            title: "\(alarm.name) 경보의 \(alarm.metricName) 지표와 임계값", summary: summary,
            timeAxisLabel: firstDay == lastDay ? "시간 (UTC, \(firstDay))" : "날짜 (UTC, \(firstDay) ~ \(lastDay))",
            valueAxisLabel: axis)
    }
}
