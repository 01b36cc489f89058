import Foundation
import LabSite

/// The HTML of alarm pages, the alarm index and the `alarm` directive's card.
struct AlarmPageRenderer {
    var record: AlarmRecord
    var findings: [AlarmFinding]

    private var alarm: MetricAlarm { record.alarm }

    /// `<span class="alarm-state alarm-state-ok">정상 (OK)</span>`, or `상태 없음`.
    static func stateBadge(_ state: AlarmState?) -> String {
        guard let state else { return "<span class=\"alarm-state\">상태 없음</span>" }
        return "<span class=\"alarm-state alarm-state-\(state.cssName)\">\(state.koreanName) (\(state.rawValue))</span>"
    }

    private func code(_ text: String) -> String { "<code>\(text.escapedForHTML)</code>" }

    // MARK: - Pieces

    /// The configuration table: Korean label, API field, value.
    var configurationTable: String {
        let none = "<span class=\"alarm-none\">없음</span>"
        func actions(_ arns: [String]) -> String {
            arns.isEmpty ? none : arns.map(code).joined(separator: "<br>")
        }
        var rows: [(String, String, String)] = [
            ("지표 이름", "MetricName", code(alarm.metricName)),
            ("네임스페이스", "Namespace", code(alarm.namespace)),
            (
                "차원", "Dimensions",
                alarm.dimensions.isEmpty
                    ? none
                    : alarm.dimensions.map { code("\($0.name)=\($0.value)") }.joined(
                        separator: "<br>")
            ),
        ]
        if let statistic = alarm.statistic {
            rows.append(("통계", "Statistic", "\(code(statistic)) (\(AlarmVocabulary.statistic(statistic)))"))
        }
        if let extended = alarm.extendedStatistic {
            rows.append(
                (
                    "확장 통계", "ExtendedStatistic",
                    "\(code(extended)) (\(AlarmVocabulary.statistic(extended).escapedForHTML))"
                ))
        }
        rows += [
            ("기간", "Period", "\(alarm.period)초 (\(AlarmVocabulary.duration(seconds: alarm.period)))"),
            ("평가 기간", "EvaluationPeriods", "\(alarm.evaluationPeriods)"),
            (
                "경보를 발생시킬 데이터 포인트", "DatapointsToAlarm",
                "\(alarm.datapointsToAlarm.map(String.init) ?? "지정 안 함")"
                    + " (\(alarm.evaluationPeriods)개 중 \(alarm.effectiveDatapointsToAlarm)개)"
            ),
            (
                "비교 연산자", "ComparisonOperator",
                "\(code(alarm.comparison.rawValue)) (\(alarm.comparison.koreanName), \(alarm.comparison.symbol.escapedForHTML))"
            ),
            ("임계값", "Threshold", record.formatted(alarm.threshold).escapedForHTML),
        ]
        if let unit = alarm.unit { rows.append(("단위", "Unit", code(unit))) }
        rows += [
            (
                "누락된 데이터 처리", "TreatMissingData",
                "\(code(alarm.treatMissingData ?? "missing")) (\(AlarmVocabulary.missingData(alarm.treatMissingData)))"
                    + (alarm.treatMissingData == nil ? " — 지정 안 함, 기본값" : "")
            ),
            ("작업 활성화", "ActionsEnabled", code(alarm.actionsEnabled ? "true" : "false")),
            ("경보 상태 작업", "AlarmActions", actions(alarm.alarmActions)),
            ("정상 상태 작업", "OKActions", actions(alarm.okActions)),
            ("데이터 부족 상태 작업", "InsufficientDataActions", actions(alarm.insufficientDataActions)),
            (
                "상태", "StateValue",
                Self.stateBadge(alarm.state)
                    + (alarm.stateReason.map { "<br><span class=\"alarm-reason\">\($0.escapedForHTML)</span>" } ?? "")
            ),
        ]
        if let region = alarm.region { rows.append(("리전", "AlarmArn", "\(code(region))<br>\(code(alarm.arn ?? ""))")) }
        var html = "<table class=\"alarm-config\">\n<thead><tr><th scope=\"col\">항목</th><th scope=\"col\">API 필드</th>"
        html += "<th scope=\"col\">값</th></tr></thead>\n<tbody>\n"
        for (label, field, value) in rows {
            html += "<tr><th scope=\"row\">\(label)</th><td><code>\(field)</code></td><td>\(value)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The chart in a `<figure>` with a legend, or a paragraph saying there is no data.
    var chartFigure: String {
        guard let chart = record.chart, let statistics = record.statistics else {
            return "<p class=\"alarm-no-data\">이 경보의 데이터 포인트 파일이 없어 차트를 그리지 않는다.</p>\n"
        }
        let fromHistory = record.alarmSpans.fromHistory
        var html = "<figure class=\"alarm-chart\">\n\(chart.svg)\n<figcaption>"
        html += "<span class=\"alarm-legend alarm-legend-line\">실선: \(code(statistics.statistic)) 값</span> "
        html += "<span class=\"alarm-legend alarm-legend-threshold\">점선: 임계값 "
        html += "\(record.formatted(alarm.threshold).escapedForHTML)</span> "
        html += "<span class=\"alarm-legend alarm-legend-shade\">음영: 경보(ALARM) 구간"
        html += fromHistory ? " (상태 기록 기준)" : " (데이터 포인트로 계산)"
        html += "</span></figcaption>\n</figure>\n"
        if statistics.statistic != alarm.statisticName {
            html += "<p class=\"alarm-chart-note\">데이터 파일에는 경보가 평가하는 \(code(alarm.statisticName)) 대신 "
            html += "\(code(statistics.statistic)) 값만 있어 그 값을 그렸다. 임계값과 직접 비교할 수 있는 값이 아니다.</p>\n"
        }
        return html
    }

    /// The findings as warning callouts.
    var findingsHTML: String {
        findings.map { finding in
            "<aside class=\"callout callout-warning alarm-finding\" role=\"note\">\n<p class=\"callout-title\">주의</p>\n"
                + "<p>\(finding.html)</p>\n</aside>\n"
        }.joined()
    }

    /// The state history as an ordered timeline.
    var timeline: String {
        guard !record.history.isEmpty else { return "<p>상태 기록 파일이 없다.</p>\n" }
        var html = "<ol class=\"alarm-timeline\">\n"
        for item in record.history {
            html += "<li><time datetime=\"\(AlarmTimestamp.iso(item.timestamp))\">"
            html += "\(AlarmTimestamp.display(item.timestamp))</time> "
            if let old = item.oldState, let new = item.newState {
                html += "\(Self.stateBadge(old)) → \(Self.stateBadge(new))"
            } else {
                html += "<span class=\"alarm-history-type\">\(item.type.escapedForHTML)</span>"
            }
            html += "<br><span class=\"alarm-history-summary\">\(item.summary.escapedForHTML)</span>"
            if let reason = item.newStateReason {
                html += "<br><span class=\"alarm-reason\">\(reason.escapedForHTML)</span>"
            }
            html += "</li>\n"
        }
        return html + "</ol>\n"
    }

    /// The headline: state, region, account.
    var lead: String {
        var html = "<p class=\"alarm-lead\">\(Self.stateBadge(alarm.state))"
        if let region = alarm.region { html += " 리전 \(code(region))" }
        if let account = alarm.account { html += " · 계정 \(code(account))" }
        return html
            + "</p>\n<p class=\"alarm-sentence\">\(AlarmSentence(alarm: alarm, unit: record.valueUnit).html)</p>\n"
    }

    // MARK: - Pages

    /// The article of the alarm's own page.
    func page(sourceFiles: [String]) -> GeneratedPage {
        let pagePath = record.pagePath
        var html = lead
        if let description = alarm.description, !description.isEmpty {
            html += "<p class=\"alarm-description\">설명: \(description.escapedForHTML)</p>\n"
        }
        html += findingsHTML
        let sections: [(String, String, String)] = [
            ("alarm-config", "경보 설정", configurationTable),
            ("alarm-chart", "지표와 임계값", chartFigure),
            ("alarm-history", "상태 기록", timeline),
            (
                "alarm-cli", "AWS CLI로 만들기",
                "<pre><code class=\"language-sh\">\(AlarmCommandRenderer.command(for: alarm).escapedForHTML)</code></pre>\n"
            ),
            (
                "alarm-cloudformation", "CloudFormation으로 만들기",
                "<pre><code class=\"language-yaml\">"
                    + "\(AlarmCloudFormationRenderer.template(for: alarm).escapedForHTML)</code></pre>\n"
            ),
            (
                "alarm-source", "원본 데이터",
                "<ul class=\"alarm-sources\">\n"
                    + sourceFiles.map { file in
                        let target = String(file.dropFirst("content/".count))
                        let href = SitePath.relative(from: pagePath, to: target).escapedForHTML
                        return "<li><a href=\"\(href)\">\(target.escapedForHTML)</a></li>\n"
                    }.joined() + "</ul>\n"
            ),
        ]
        var headings: [Heading] = []
        for (id, title, body) in sections {
            html += "<h2 id=\"\(id)\">\(title)</h2>\n\(body)"
            headings.append(Heading(level: 2, id: id, title: title, line: 0))
        }
        return GeneratedPage(
            path: pagePath, title: alarm.name,
            summary: "\(alarm.namespace) \(alarm.metricName) 지표의 CloudWatch 경보"
                + (alarm.region.map { ", \($0)" } ?? ""),
            html: html, headings: headings,
            breadcrumbs: [Breadcrumb(title: CloudWatchSection.indexTitle, path: CloudWatchSection.indexPath)])
    }

    /// The card the `alarm` directive embeds in a lab page.
    func card(rootPrefix: String, parts: Set<String>) -> String {
        let href = (rootPrefix + record.pagePath).escapedForHTML
        var html = "<div class=\"directive alarm-card\">\n<p class=\"alarm-card-title\">경보 <a href=\"\(href)\">"
        html += "\(code(alarm.name))</a> \(Self.stateBadge(alarm.state))</p>\n"
        if parts.contains("card") {
            html += "<p class=\"alarm-sentence\">\(AlarmSentence(alarm: alarm, unit: record.valueUnit).html)</p>\n"
            html += configurationTable
        }
        if parts.contains("chart") { html += chartFigure }
        if parts.contains("findings") {
            html += findings.isEmpty ? "<p class=\"alarm-no-findings\">검사에서 문제를 찾지 못했다.</p>\n" : findingsHTML
        }
        html += "<p class=\"alarm-card-more\"><a href=\"\(href)\">상태 기록, AWS CLI 명령, CloudFormation 템플릿 보기</a></p>\n"
        return html + "</div>\n"
    }
}
