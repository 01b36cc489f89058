import Foundation
@testable import LabSite
@testable import LabSiteCloudWatch

/// The fixtures under Fixtures/cloudwatch/ as a source folder's `content/alarms/` files.
enum CloudWatchFixtures {
    static let names = [
        "lab-myalarm.json", "lab-myalarm.datapoints.json", "lab-myalarm.history.json", "lab-myalarm-seoul.json",
        "aws-cli-myalarm.json", "aws-cli-myalarm.datapoints.json", "aws-cli-myalarm.history.json",
    ]

    static func files() throws -> [String: String] {
        var files: [String: String] = [:]
        for name in names { files["content/alarms/" + name] = try Fixtures.text("cloudwatch/" + name) }
        return files
    }

    static func section(_ files: [String: String]) throws -> CloudWatchSection {
        let site = try TemporarySite(files: files.merging(["content/index.md": "---\ntitle: 홈\n---\n"]) { $1 })
        let content = try ContentLoader(sourceDirectory: site.root).load()
        return try CloudWatchSection.load(
            from: SectionInput(
                content: content, contentDirectory: site.root.appendingPathComponent("content"),
                options: BuildOptions()))
    }

    /// The lab's billing alarm as the console creates it.
    static func billing(
        region: String = "us-east-1", topicRegion: String? = nil, period: Int = 21_600, actionsEnabled: Bool = true,
        alarmActions: [String]? = nil
    ) -> MetricAlarm {
        let topic = "arn:aws:sns:\(topicRegion ?? region):123456789012:lab-billing-alarm-topic"
        return MetricAlarm(
            name: "lab-myalarm", arn: "arn:aws:cloudwatch:\(region):123456789012:alarm:lab-myalarm",
            actionsEnabled: actionsEnabled, alarmActions: alarmActions ?? [topic], metricName: "EstimatedCharges",
            namespace: "AWS/Billing", statistic: "Maximum",
            dimensions: [AlarmDimension(name: "Currency", value: "USD")],
            period: period, evaluationPeriods: 1, datapointsToAlarm: 1, threshold: 200, comparison: .greaterThan,
            treatMissingData: "missing")
    }
}
