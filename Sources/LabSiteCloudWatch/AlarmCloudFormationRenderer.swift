import Foundation
import LabSite

/// The alarm as an `AWS::CloudWatch::Alarm` resource in a CloudFormation YAML template.
public enum AlarmCloudFormationRenderer {
    /// The template text (not HTML).
    public static func template(for alarm: MetricAlarm) -> String {
        var lines = [
            "Resources:", "  \(logicalID(for: alarm.name)):", "    Type: AWS::CloudWatch::Alarm", "    Properties:",
        ]
        func add(_ key: String, _ value: String) { lines.append("      \(key): \(value)") }
        func addList(_ key: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            lines.append("      \(key):")
            lines += values.map { "        - \(scalar($0))" }
        }
        add("AlarmName", scalar(alarm.name))
        if let description = alarm.description, !description.isEmpty { add("AlarmDescription", scalar(description)) }
        add("Namespace", scalar(alarm.namespace))
        add("MetricName", scalar(alarm.metricName))
        if !alarm.dimensions.isEmpty {
            lines.append("      Dimensions:")
            for dimension in alarm.dimensions {
                lines.append("        - Name: \(scalar(dimension.name))")
                lines.append("          Value: \(scalar(dimension.value))")
            }
        }
        if let statistic = alarm.statistic { add("Statistic", statistic) }
        if let extended = alarm.extendedStatistic { add("ExtendedStatistic", scalar(extended)) }
        add("Period", String(alarm.period))
        add("EvaluationPeriods", String(alarm.evaluationPeriods))
        if let needed = alarm.datapointsToAlarm { add("DatapointsToAlarm", String(needed)) }
        add("Threshold", AlarmVocabulary.number(alarm.threshold))
        add("ComparisonOperator", alarm.comparison.rawValue)
        if let missing = alarm.treatMissingData { add("TreatMissingData", scalar(missing)) }
        if let unit = alarm.unit { add("Unit", scalar(unit)) }
        add("ActionsEnabled", alarm.actionsEnabled ? "true" : "false")
        addList("AlarmActions", alarm.alarmActions)
        addList("OKActions", alarm.okActions)
        addList("InsufficientDataActions", alarm.insufficientDataActions)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CloudFormation logical id (alphanumeric): `lab-myalarm` → `LabMyalarm`.
    static func logicalID(for name: String) -> String {
        let words = name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        var id = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if id.first?.isLetter != true { id = "Alarm" + id }
        return id
    }

    /// A YAML scalar: plain when unambiguous, otherwise double-quoted with JSON escapes (valid YAML).
    static func scalar(_ value: String) -> String {
        let plain =
            value.range(of: #"^[A-Za-z][A-Za-z0-9_./:=@-]*$"#, options: .regularExpression) != nil
            && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(value.lowercased())
        if plain { return value }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
