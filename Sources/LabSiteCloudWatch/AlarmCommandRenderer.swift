import Foundation
import LabSite

/// The alarm as an `aws cloudwatch put-metric-alarm` command, one option per line, quoted for a POSIX shell.
public enum AlarmCommandRenderer {
    /// The command text (not HTML).
    public static func command(for alarm: MetricAlarm) -> String {
        var options: [(String, String?)] = []
        if let region = alarm.region { options.append(("--region", region)) }
        options.append(("--alarm-name", alarm.name))
        if let description = alarm.description, !description.isEmpty {
            options.append(("--alarm-description", description))
        }
        options += [("--namespace", alarm.namespace), ("--metric-name", alarm.metricName)]
        if !alarm.dimensions.isEmpty {
            options.append(
                ("--dimensions", alarm.dimensions.map { "Name=\($0.name),Value=\($0.value)" }.joined(separator: " ")))
        }
        if let statistic = alarm.statistic { options.append(("--statistic", statistic)) }
        if let extended = alarm.extendedStatistic { options.append(("--extended-statistic", extended)) }
        options += [("--period", String(alarm.period)), ("--evaluation-periods", String(alarm.evaluationPeriods))]
        if let needed = alarm.datapointsToAlarm { options.append(("--datapoints-to-alarm", String(needed))) }
        options += [
            ("--threshold", AlarmVocabulary.number(alarm.threshold)),
            ("--comparison-operator", alarm.comparison.rawValue),
        ]
        if let missing = alarm.treatMissingData { options.append(("--treat-missing-data", missing)) }
        if let unit = alarm.unit { options.append(("--unit", unit)) }
        if !alarm.actionsEnabled { options.append(("--no-actions-enabled", nil)) }
        for (flag, arns) in [
            ("--alarm-actions", alarm.alarmActions), ("--ok-actions", alarm.okActions),
            ("--insufficient-data-actions", alarm.insufficientDataActions),
        ] where !arns.isEmpty {
            options.append((flag, arns.map(shellQuoted).joined(separator: " ")))
        }
        let lines = options.map { flag, value -> String in
            guard let value else { return flag }
            // Action lists are quoted one by one above; a dimension list is one argument per dimension.
            if flag.hasSuffix("-actions") { return "\(flag) \(value)" }
            if flag == "--dimensions" {
                return flag + " " + value.split(separator: " ").map { shellQuoted(String($0)) }.joined(separator: " ")
            }
            return "\(flag) \(shellQuoted(value))"
        }
        return (["aws cloudwatch put-metric-alarm"] + lines).joined(separator: " \\\n    ") + "\n"
    }

    /// `value` as one shell word: as is when it holds only safe characters, otherwise in single quotes.
    static func shellQuoted(_ value: String) -> String {
        let safe = value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (CharacterSet.alphanumerics.contains(scalar) || "_-./:=,@%+".unicodeScalars.contains(scalar))
        }
        if safe && !value.isEmpty { return value }
        return "'" + value.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
