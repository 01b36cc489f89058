import Foundation
import Testing
@testable import LabSite
@testable import LabSiteCloudWatch

@Suite("Alarm decoding")
struct AlarmDecoderTests {
    @Test("the AWS CLI example alarm, datapoints and history decode")
    func cliExample() throws {
        let section = try CloudWatchFixtures.section(CloudWatchFixtures.files())
        #expect(section.records.map(\.alarm.name) == ["lab-myalarm", "lab-myalarm-seoul", "myalarm"])
        let record = try #require(section.records.last)
        #expect(record.path == "content/alarms/aws-cli-myalarm.json")
        #expect(record.line == 18)
        #expect(
            record.alarm
                == MetricAlarm(
                    name: "myalarm", arn: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:myalarm",
                    description: "CPU usage exceeds 70 percent",
                    alarmActions: ["arn:aws:sns:us-east-1:123456789012:myHighCpuAlarm"], state: .ok,
                    stateReason: "Threshold Crossed: 2 datapoints were not greater than the threshold (70.0). "
                        + "The most recent datapoints: [38.958, 40.292].",
                    stateUpdated: AlarmTimestamp.parse("2014-04-09T18:59:06.442Z"), metricName: "CPUUtilization",
                    namespace: "AWS/EC2", statistic: "Average",
                    dimensions: [AlarmDimension(name: "InstanceId", value: "i-0c986c72")], period: 300,
                    evaluationPeriods: 2, threshold: 70, comparison: .greaterThan))
        let statistics = try #require(record.statistics)
        #expect(statistics.statistic == "Maximum")
        #expect(statistics.unit == "Percent")
        #expect(statistics.datapoints.count == 21)
        #expect(statistics.datapoints.first?.timestamp == AlarmTimestamp.parse("2014-02-18T23:18:00Z"))
        #expect(statistics.datapoints.map(\.timestamp) == statistics.datapoints.map(\.timestamp).sorted())
        #expect(record.history.map(\.summary) == ["Alarm updated from OK to ALARM", "Alarm updated from ALARM to OK"])
        #expect(record.history.map(\.newState) == [.alarm, .ok])
        #expect(record.history.first?.newStateReason == "testing purposes")
    }

    @Test("the lab's month of billing datapoints crosses 200 USD once and is in ALARM from then on")
    func labMonth() throws {
        let section = try CloudWatchFixtures.section(CloudWatchFixtures.files())
        let record = try #require(section.records.first)
        let values = try #require(record.statistics?.datapoints.map(\.value))
        #expect(values.count == 124)
        #expect(values == values.sorted())
        #expect(values.filter { $0 > 200 }.count == values.count - (values.firstIndex { $0 > 200 } ?? 0))
        let spans = record.alarmSpans
        #expect(spans.fromHistory)
        #expect(spans.spans.count == 1)
        #expect(spans.spans.first?.start == AlarmTimestamp.parse("2024-03-26T12:04:12.345Z"))
    }

    @Test(
        "timestamps of every CloudWatch shape parse",
        arguments: [
            "2014-04-09T18:59:06.442Z", "2014-04-09T18:59:06Z", "2014-04-09T18:59:06.442+0000",
            "2014-04-09T18:59:06+00:00",
        ])
    func timestamps(text: String) throws {
        let date = try #require(AlarmTimestamp.parse(text))
        #expect(AlarmTimestamp.display(date) == "2014-04-09 18:59 UTC")
    }

    static let good = #"""
        {"MetricAlarms": [{"AlarmName": "a", "MetricName": "M", "Namespace": "N", "Statistic": "Maximum",
          "Period": 60, "EvaluationPeriods": 1, "Threshold": 1, "ComparisonOperator": "GreaterThanThreshold"}]}
        """#

    @Test(
        "bad input fails with the file, the field and the cause",
        arguments: [
            (
                "a.json", "{\"MetricAlarms\": [",
                "content/alarms/a.json:1: error: The file is not valid JSON: the JSON ends where a value was expected "
                    + "(column 19)."
            ),
            (
                "a.json", "[]",
                "content/alarms/a.json: error: The file is not `aws cloudwatch describe-alarms` output: it has no `MetricAlarms` list."
            ),
            (
                "a.json", #"{"MetricAlarms": [{"MetricName": "M"}]}"#,
                "content/alarms/a.json: error: Alarm 1 in `MetricAlarms` has no `AlarmName`."
            ),
            (
                "a.json", good.replacingOccurrences(of: #""MetricName": "M", "#, with: ""),
                "content/alarms/a.json:1: error: The alarm `a` has no `MetricName`."
            ),
            (
                "a.json", good.replacingOccurrences(of: #""Threshold": 1, "#, with: ""),
                "content/alarms/a.json:1: error: The alarm `a` has no `Threshold`."
            ),
            (
                "a.json", good.replacingOccurrences(of: #""Threshold": 1"#, with: #""Threshold": "1""#),
                "content/alarms/a.json:1: error: The alarm `a` has a `Threshold` that is not a number."
            ),
            (
                "a.json", good.replacingOccurrences(of: "GreaterThanThreshold", with: "Bigger"),
                "content/alarms/a.json:1: error: The alarm `a` has the unknown `ComparisonOperator` `Bigger`; expected one of "
                    + "GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold."
            ),
            (
                "a.json", good.replacingOccurrences(of: "GreaterThanThreshold", with: "GreaterThanUpperThreshold"),
                "content/alarms/a.json:1: error: The alarm `a` compares with an anomaly-detection band "
                    + "(`GreaterThanUpperThreshold`), which labsite does not draw; use a static threshold."
            ),
            (
                "a.json", good.replacingOccurrences(of: #""Period": 60"#, with: #""Period": 0"#),
                "content/alarms/a.json:1: error: The alarm `a` has a `Period` that is not a whole number of at least 1."
            ),
            (
                "a.datapoints.json", #"{"Datapoints": [{"Maximum": 1}]}"#,
                "content/alarms/a.datapoints.json: error: Datapoint 1 in `Datapoints` has no `Timestamp`."
            ),
            (
                "a.datapoints.json", #"{"Datapoints": [{"Timestamp": "yesterday", "Maximum": 1}]}"#,
                "content/alarms/a.datapoints.json: error: Datapoint 1 in `Datapoints` has the `Timestamp` `yesterday`, "
                    + "which is not an ISO 8601 time such as 2024-03-01T00:00:00Z."
            ),
            (
                "a.datapoints.json",
                #"{"Datapoints": [{"Timestamp": "2024-03-01T00:00:00Z", "Maximum": 1}, {"Timestamp": "2024-03-01T06:00:00Z"}]}"#,
                "content/alarms/a.datapoints.json: error: Datapoint 2 in `Datapoints` has no `Maximum` value; every "
                    + "datapoint needs the charted statistic."
            ),
            (
                "b.datapoints.json", #"{"Datapoints": []}"#,
                "content/alarms/b.datapoints.json: error: There is no alarm file content/alarms/b.json for this file to belong to."
            ),
            (
                "a.history.json",
                #"{"AlarmHistoryItems": [{"AlarmName": "a", "Timestamp": "2024-03-01T00:00:00Z", "HistoryData": "{"}]}"#,
                "content/alarms/a.history.json: error: History item 1 in `AlarmHistoryItems` has a `HistoryData` string that is not JSON."
            ),
            (
                "a.history.json", #"{"AlarmHistoryItems": [{"AlarmName": "z", "Timestamp": "2024-03-01T00:00:00Z"}]}"#,
                "content/alarms/a.history.json: error: The history is about the alarm `z`, which content/alarms/a.json does not define."
            ),
            (
                "c.json", good,
                "content/alarms/c.json:1: error: The alarm `a` is already defined in content/alarms/a.json."
            ),
        ])
    func badInput(file: String, text: String, message: String) async throws {
        var files = ["content/index.md": "---\ntitle: 홈\n---\n", "content/alarms/a.json": Self.good]
        files["content/alarms/" + file] = text
        let error = try #require(throws: CloudWatchError.self) {
            try CloudWatchFixtures.section(files)
        }
        #expect(error.errorDescription == message)
    }

    @Test("the whole build fails with the same message")
    func buildFails() async throws {
        let site = try TemporarySite(files: [
            "content/index.md": "---\ntitle: 홈\n---\n",
            "content/alarms/a.json": Self.good.replacingOccurrences(of: #""Threshold": 1, "#, with: ""),
        ])
        let error = try await #require(throws: CloudWatchError.self) {
            try await SiteBuilder(sourceDirectory: site.root, sectionTypes: [CloudWatchSection.self]).build()
        }
        #expect(error.errorDescription == "content/alarms/a.json:1: error: The alarm `a` has no `Threshold`.")
    }

    @Test(
        "alarm names become safe, distinct file names",
        arguments: [
            ("lab-myalarm", "lab-myalarm"), ("my alarm/<x>", "my_20alarm_2F_3Cx_3E"), ("a_b", "a_5Fb"),
            ("경보", "_EA_B2_BD_EB_B3_B4"), ("index", "_index"), ("..", "_2E."),
        ])
    func fileNames(name: String, file: String) {
        #expect(AlarmRecord.fileName(for: name) == file)
    }
}
