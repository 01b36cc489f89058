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
    /// The site's theme, which renders the alarm pages and the directive's cards.
    var templates: TemplateRenderer

    /// The index page's path and title.
    static let indexPath = "alarms/index.html"
    static let indexTitle = "CloudWatch 경보"

    /// Creates a section from records (sorted here), rendered with `templates`: a site's own theme,
    /// so that the built-in one is not parsed for nothing.
    init(records: [AlarmRecord], templates: TemplateRenderer) {
        self.records = records.sorted { $0.alarm.name < $1.alarm.name }
        self.templates = templates
    }

    /// Creates a section from records (sorted here), rendered with the built-in theme.
    public init(records: [AlarmRecord]) {
        self.init(records: records, templates: .builtIn)
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
        return CloudWatchSection(records: records, templates: input.templates)
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

    /// The alarm index (`partials/alarms-index.mustache`) and one page per alarm.
    public func pages() throws -> [GeneratedPage] {
        guard !records.isEmpty else { return [] }
        let findings = self.findings
        let alarms = records.map { AlarmPageRenderer(record: $0, findings: findings[$0.alarm.name] ?? []) }
        var pages = [
            GeneratedPage(
                path: Self.indexPath, title: Self.indexTitle, summary: "실습에서 만드는 CloudWatch 경보의 설정과 검사 결과",
                html: try templates.render("partials/alarms-index", with: AlarmIndexContext(alarms: alarms)),
                inNavigation: true)
        ]
        for alarm in alarms {
            pages.append(try alarm.page(sourceFiles: sourceFiles(of: alarm.record), templates: templates))
        }
        return pages
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
        return try AlarmPageRenderer(record: record, findings: AlarmChecker.findings(for: record.alarm))
            .card(rootPrefix: invocation.rootPrefix, parts: parts, templates: templates)
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
