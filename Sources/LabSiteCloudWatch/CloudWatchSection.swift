import Foundation
import LabSite

/// CloudWatch alarm pages from `content/alarms/`: an index, one page per alarm, the `alarm` directive for
/// lab pages, and the configuration checks as build warnings.
///
/// Input files, in the AWS CLI's own shapes:
/// - `NAME.json`: `aws cloudwatch describe-alarms` output (`MetricAlarms`);
/// - `NAME.datapoints.json`: `aws cloudwatch get-metric-statistics` output for the alarm in `NAME.json`;
/// - `NAME.history.json`: `aws cloudwatch describe-alarm-history` output for alarms in `NAME.json`.
public struct CloudWatchSection: SiteSection {
    /// The alarms, sorted by name.
    public var records: [AlarmRecord]

    /// The index page's path and title.
    static let indexPath = "alarms/index.html"
    static let indexTitle = "CloudWatch 경보"

    /// Creates a section from records (sorted here).
    public init(records: [AlarmRecord]) {
        self.records = records.sorted { $0.alarm.name < $1.alarm.name }
    }

    /// Reads every `.json` file under `content/alarms/`.
    public static func load(from input: SectionInput) throws -> CloudWatchSection {
        let files = input.files(under: "alarms").filter { $0.hasSuffix(".json") }
        func read(_ file: String) throws -> Data {
            do {
                return try Data(contentsOf: input.contentDirectory.appendingPathComponent(file))
            } catch {
                throw CloudWatchError(path: "content/" + file, reason: "The file could not be read.")
            }
        }
        var records: [AlarmRecord] = []
        var definedIn: [String: String] = [:]
        for file in files where !file.hasSuffix(".datapoints.json") && !file.hasSuffix(".history.json") {
            let path = "content/" + file
            for (alarm, line) in try AlarmDecoder.alarms(from: try read(file), path: path) {
                if let first = definedIn[alarm.name] {
                    throw CloudWatchError(
                        path: path, line: line, reason: "The alarm `\(alarm.name)` is already defined in \(first).")
                }
                definedIn[alarm.name] = path
                records.append(AlarmRecord(alarm: alarm, path: path, line: line))
            }
        }
        for file in files where file.hasSuffix(".datapoints.json") || file.hasSuffix(".history.json") {
            let path = "content/" + file
            let isHistory = file.hasSuffix(".history.json")
            let owner =
                "content/" + file.dropLast(isHistory ? ".history.json".count : ".datapoints.json".count) + ".json"
            let indices = records.indices.filter { records[$0].path == owner }
            guard !indices.isEmpty else {
                throw CloudWatchError(path: path, reason: "There is no alarm file \(owner) for this file to belong to.")
            }
            if isHistory {
                for item in try AlarmDecoder.history(from: try read(file), path: path) {
                    guard let index = indices.first(where: { records[$0].alarm.name == item.alarmName }) else {
                        throw CloudWatchError(
                            path: path,
                            reason:
                                "The history is about the alarm `\(item.alarmName)`, which \(owner) does not define.")
                    }
                    records[index].history.append(item)
                }
            } else {
                let data = try read(file)
                let label = (try? JSONValue.parse(data))?.objectValue?.string("Label")
                let matching = indices.count == 1 ? indices : indices.filter { records[$0].alarm.metricName == label }
                guard matching.count == 1, let index = matching.first else {
                    throw CloudWatchError(
                        path: path,
                        reason: "\(owner) defines several alarms; the datapoints' `Label` must name the metric of one.")
                }
                records[index].statistics = try AlarmDecoder.statistics(
                    from: data, path: path, preferred: records[index].alarm.statisticName)
            }
        }
        return CloudWatchSection(records: records)
    }

    /// The findings of every alarm, by alarm name.
    var findings: [String: [AlarmFinding]] {
        Dictionary(uniqueKeysWithValues: records.map { ($0.alarm.name, AlarmChecker.findings(for: $0.alarm)) })
    }

    /// The files a record was read from, for the page's download links.
    private func sourceFiles(of record: AlarmRecord) -> [String] {
        let stem = record.path.dropLast(".json".count)
        return [record.path]
            + (record.statistics == nil ? [] : [stem + ".datapoints.json"])
            + (record.history.isEmpty ? [] : [stem + ".history.json"])
    }

    /// The alarm index and one page per alarm.
    public func pages() throws -> [GeneratedPage] {
        guard !records.isEmpty else { return [] }
        let findings = self.findings
        var pages = [indexPage(findings: findings)]
        for record in records {
            pages.append(
                AlarmPageRenderer(record: record, findings: findings[record.alarm.name] ?? [])
                    .page(sourceFiles: sourceFiles(of: record)))
        }
        return pages
    }

    private func indexPage(findings: [String: [AlarmFinding]]) -> GeneratedPage {
        var html = "<p>CloudWatch 경보 \(records.count)개. 각 경보의 설정, 지표 차트, 상태 기록과 재현용 CLI 명령·"
        html += "CloudFormation 템플릿은 경보 이름을 누르면 볼 수 있다. 발견 사항은 AWS 규칙에 맞지 않는 설정이다.</p>\n"
        html += "<table class=\"alarm-index\">\n<thead><tr><th scope=\"col\">이름</th><th scope=\"col\">상태</th>"
        html += "<th scope=\"col\">지표</th><th scope=\"col\">조건</th><th scope=\"col\">리전</th>"
        html += "<th scope=\"col\">발견 사항</th></tr></thead>\n<tbody>\n"
        for record in records {
            let alarm = record.alarm
            let href = SitePath.relative(from: Self.indexPath, to: record.pagePath).escapedForHTML
            let count = findings[alarm.name]?.count ?? 0
            html += "<tr><td><a href=\"\(href)\"><code>\(alarm.name.escapedForHTML)</code></a></td>"
            html += "<td>\(AlarmPageRenderer.stateBadge(alarm.state))</td>"
            html +=
                "<td><code>\(alarm.namespace.escapedForHTML)</code> <code>\(alarm.metricName.escapedForHTML)</code></td>"
            html += "<td>\(alarm.statisticName.escapedForHTML) \(alarm.comparison.symbol.escapedForHTML) "
            html += "\(record.formatted(alarm.threshold).escapedForHTML)</td>"
            html += "<td>\(alarm.region.map { "<code>\($0.escapedForHTML)</code>" } ?? "—")</td>"
            html += count == 0 ? "<td>0</td>" : "<td class=\"alarm-has-findings\">\(count)</td>"
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        return GeneratedPage(
            path: Self.indexPath, title: Self.indexTitle, summary: "실습에서 만드는 CloudWatch 경보의 설정과 검사 결과",
            html: html, inNavigation: true)
    }

    /// ```` ```alarm ```` with `name: lab-myalarm` and optionally `show: card, chart, findings`.
    public var directives: [Directive] {
        let section = self
        return [Directive(name: "alarm") { invocation in try section.renderDirective(invocation) }]
    }

    func renderDirective(_ invocation: DirectiveInvocation) throws -> String {
        func fail(_ reason: String) -> MarkdownError {
            MarkdownError(path: invocation.path, line: invocation.line, reason: reason)
        }
        var name: String?
        var parts: Set<String> = ["card", "chart", "findings"]
        for rawLine in invocation.body.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw fail("The `alarm` block's line `\(line)` is not `key: value`; use `name: ALARM-NAME`.")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "name": name = value
            case "show":
                parts = Set(value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                let unknown = parts.subtracting(["card", "chart", "findings"]).sorted()
                if !unknown.isEmpty {
                    throw fail(
                        "The `alarm` block shows `\(unknown.joined(separator: ", "))`; "
                            + "`show` takes card, chart and findings.")
                }
            default: throw fail("The `alarm` block has the unknown key `\(key)`; it takes `name` and `show`.")
            }
        }
        guard let name else { throw fail("The `alarm` block has no `name: ALARM-NAME` line.") }
        guard let record = records.first(where: { $0.alarm.name == name }) else {
            let known = records.map(\.alarm.name).joined(separator: ", ")
            throw fail(
                "No alarm named `\(name)` is defined under content/alarms/"
                    + (known.isEmpty ? "." : "; the alarms are \(known)."))
        }
        return AlarmPageRenderer(record: record, findings: AlarmChecker.findings(for: record.alarm))
            .card(rootPrefix: invocation.rootPrefix, parts: parts)
    }

    /// Every finding as a warning at the alarm's `AlarmName` line.
    public var warnings: [BuildWarning] {
        records.flatMap { record in
            AlarmChecker.findings(for: record.alarm).map {
                BuildWarning(path: record.path, line: record.line, message: $0.message)
            }
        }
    }
}
