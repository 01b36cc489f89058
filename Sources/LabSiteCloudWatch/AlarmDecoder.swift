import Foundation
import LabSite

/// Reads the three CLI outputs labsite understands, naming the file, field and entry in every error.
enum AlarmDecoder {
    /// The standard statistics, in the order the API documents them.
    static let statistics = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"]

    // MARK: - describe-alarms

    /// The `MetricAlarms` of `aws cloudwatch describe-alarms` output, each with the line of its `AlarmName`.
    static func alarms(from data: Data, path: String) throws -> [(alarm: MetricAlarm, line: Int?)] {
        guard let root = try json(data, path: path).objectValue, let list = root["MetricAlarms"]
        else {
            throw CloudWatchError(
                path: path,
                reason: "The file is not `aws cloudwatch describe-alarms` output: it has no `MetricAlarms` list.")
        }
        guard let entries = list.arrayValue else {
            throw CloudWatchError(path: path, reason: "`MetricAlarms` is not a list.")
        }
        return try entries.enumerated().map { index, entry in
            guard let fields = entry.objectValue else {
                throw CloudWatchError(path: path, reason: "Alarm \(index + 1) in `MetricAlarms` is not an object.")
            }
            guard let nameValue = fields["AlarmName"], let name = nameValue.stringValue, !name.isEmpty else {
                throw CloudWatchError(path: path, reason: "Alarm \(index + 1) in `MetricAlarms` has no `AlarmName`.")
            }
            let line = JSONPosition(offset: nameValue.offset, in: data).line
            let reader = FieldReader(fields: fields, owner: "The alarm `\(name)`", path: path, line: line)
            return (try alarm(named: name, reader), line)
        }
    }

    private static func alarm(named name: String, _ reader: FieldReader) throws -> MetricAlarm {
        if reader.fields["MetricName"] == nil, reader.fields["Metrics"] != nil {
            throw reader.error(
                "has no `MetricName` but `Metrics`: metric-math alarms are not supported; "
                    + "describe an alarm on a single metric.")
        }
        let comparisonName = try reader.requiredString("ComparisonOperator")
        guard let comparison = ComparisonOperator(rawValue: comparisonName) else {
            if ComparisonOperator.anomalyBandOperators.contains(comparisonName) {
                throw reader.error(
                    "compares with an anomaly-detection band (`\(comparisonName)`), which labsite does not draw; "
                        + "use a static threshold.")
            }
            let known = ComparisonOperator.allCases.map(\.rawValue).joined(separator: ", ")
            throw reader.error("has the unknown `ComparisonOperator` `\(comparisonName)`; expected one of \(known).")
        }
        let statistic = try reader.optionalString("Statistic")
        let extended = try reader.optionalString("ExtendedStatistic")
        if let statistic, !statistics.contains(statistic) {
            throw reader.error(
                "has the unknown `Statistic` `\(statistic)`; expected one of \(statistics.joined(separator: ", ")).")
        }
        if statistic == nil, extended == nil {
            throw reader.error("has neither `Statistic` nor `ExtendedStatistic`.")
        }
        let stateName = try reader.optionalString("StateValue")
        let state = try stateName.map { name in
            guard let state = AlarmState(rawValue: name) else {
                throw reader.error(
                    "has the unknown `StateValue` `\(name)`; expected OK, ALARM or INSUFFICIENT_DATA.")
            }
            return state
        }
        return MetricAlarm(
            name: name, arn: try reader.optionalString("AlarmArn"),
            description: try reader.optionalString("AlarmDescription"),
            actionsEnabled: try reader.optionalBool("ActionsEnabled") ?? true,
            alarmActions: try reader.strings("AlarmActions"), okActions: try reader.strings("OKActions"),
            insufficientDataActions: try reader.strings("InsufficientDataActions"), state: state,
            stateReason: try reader.optionalString("StateReason"),
            stateUpdated: try reader.optionalDate("StateUpdatedTimestamp"),
            metricName: try reader.requiredString("MetricName"), namespace: try reader.requiredString("Namespace"),
            statistic: statistic, extendedStatistic: extended, dimensions: try dimensions(reader),
            period: try reader.requiredPositiveInteger("Period"), unit: try reader.optionalString("Unit"),
            evaluationPeriods: try reader.requiredPositiveInteger("EvaluationPeriods"),
            datapointsToAlarm: try reader.optionalPositiveInteger("DatapointsToAlarm"),
            threshold: try reader.requiredNumber("Threshold"), comparison: comparison,
            treatMissingData: try reader.optionalString("TreatMissingData"))
    }

    private static func dimensions(_ reader: FieldReader) throws -> [AlarmDimension] {
        guard let value = reader.fields["Dimensions"] else { return [] }
        guard let list = value.arrayValue else { throw reader.error("has `Dimensions` that are not a list.") }
        return try list.enumerated().map { index, entry in
            guard let name = entry["Name"]?.stringValue, let value = entry["Value"]?.stringValue else {
                throw reader.error("has dimension \(index + 1) without a `Name` and a `Value`.")
            }
            return AlarmDimension(name: name, value: value)
        }
    }

    // MARK: - get-metric-statistics

    /// The datapoints of `aws cloudwatch get-metric-statistics` output, sorted by time, with the values of
    /// `preferred` when every datapoint has it, otherwise of the one statistic the file holds.
    static func statistics(from data: Data, path: String, preferred: String?) throws -> MetricStatistics {
        guard let root = try json(data, path: path).objectValue, let list = root["Datapoints"]?.arrayValue
        else {
            throw CloudWatchError(
                path: path,
                reason: "The file is not `aws cloudwatch get-metric-statistics` output: it has no `Datapoints` list.")
        }
        var chosen: String?
        var unit: String?
        var points: [MetricDatapoint] = []
        for (index, entry) in list.enumerated() {
            let name = "Datapoint \(index + 1) in `Datapoints`"
            guard let fields = entry.objectValue else {
                throw CloudWatchError(path: path, reason: "\(name) is not an object.")
            }
            let time = try Self.timestamp(in: fields, of: name, path: path)
            let values = Self.values(of: fields)
            if chosen == nil {
                chosen =
                    preferred.flatMap { values[$0] == nil ? nil : $0 }
                    ?? (statistics + values.keys.sorted())
                    .first { values[$0] != nil }
            }
            guard let statistic = chosen ?? preferred, let value = values[statistic] else {
                let wanted = chosen ?? preferred ?? "Maximum"
                throw CloudWatchError(
                    path: path, reason: "\(name) has no `\(wanted)` value; every datapoint needs the charted statistic."
                )
            }
            unit = unit ?? fields.string("Unit")
            points.append(MetricDatapoint(timestamp: time, value: value))
        }
        points.sort { $0.timestamp < $1.timestamp }
        return MetricStatistics(
            label: root.string("Label"), statistic: chosen ?? preferred ?? "Maximum", unit: unit, datapoints: points)
    }

    /// The statistic values of one datapoint, the percentiles of `ExtendedStatistics` included.
    private static func values(of fields: JSONObject) -> [String: Double] {
        var values: [String: Double] = [:]
        for name in statistics { if let value = fields[name]?.numberValue { values[name] = value } }
        for member in fields.object("ExtendedStatistics")?.members ?? [] {
            if let number = member.value.numberValue { values[member.key] = number }
        }
        return values
    }

    // MARK: - describe-alarm-history

    /// The `AlarmHistoryItems` of `aws cloudwatch describe-alarm-history` output, oldest first.
    static func history(from data: Data, path: String) throws -> [AlarmHistoryItem] {
        guard let root = try json(data, path: path).objectValue, let list = root["AlarmHistoryItems"]?.arrayValue
        else {
            throw CloudWatchError(
                path: path,
                reason: "The file is not `aws cloudwatch describe-alarm-history` output: "
                    + "it has no `AlarmHistoryItems` list.")
        }
        let items = try list.enumerated().map { index, entry in
            let name = "History item \(index + 1) in `AlarmHistoryItems`"
            guard let fields = entry.objectValue else {
                throw CloudWatchError(path: path, reason: "\(name) is not an object.")
            }
            guard let alarm = fields.string("AlarmName") else {
                throw CloudWatchError(path: path, reason: "\(name) has no `AlarmName`.")
            }
            let time = try Self.timestamp(in: fields, of: name, path: path)
            var item = AlarmHistoryItem(
                alarmName: alarm, timestamp: time, type: fields.string("HistoryItemType") ?? "",
                summary: fields.string("HistorySummary") ?? "")
            if let historyData = fields.string("HistoryData") {
                // HistoryData is JSON inside a string, as the CLI prints it.
                guard let inner = try? JSONValue.parse(historyData) else {
                    throw CloudWatchError(path: path, reason: "\(name) has a `HistoryData` string that is not JSON.")
                }
                let old = inner.objectValue?.object("oldState")
                let new = inner.objectValue?.object("newState")
                item.oldState = old?.string("stateValue").flatMap(AlarmState.init(rawValue:))
                item.newState = new?.string("stateValue").flatMap(AlarmState.init(rawValue:))
                item.newStateReason = new?.string("stateReason")
            }
            return item
        }
        return items.sorted { $0.timestamp < $1.timestamp }
    }

    /// The `Timestamp` of a datapoint or history item, which both shapes require as ISO 8601.
    /// The JSON value of a file's `data`, or the error naming `path`, line and cause.
    private static func json(_ data: Data, path: String) throws(CloudWatchError) -> JSONValue {
        do {
            return try JSONValue.parse(data)
        } catch {
            throw CloudWatchError(path: path, json: error)
        }
    }

    private static func timestamp(in fields: JSONObject, of name: String, path: String) throws -> Date {
        guard let stamp = fields.string("Timestamp") else {
            throw CloudWatchError(path: path, reason: "\(name) has no `Timestamp`.")
        }
        guard let time = AlarmTimestamp.parse(stamp) else {
            throw CloudWatchError(
                path: path,
                reason: "\(name) has the `Timestamp` `\(stamp)`, which is not an ISO 8601 time such as "
                    + "2024-03-01T00:00:00Z.")
        }
        return time
    }
}

/// Typed access to an alarm's fields, with errors that name the alarm and the field.
struct FieldReader {
    var fields: JSONObject
    /// "The alarm `lab-myalarm`".
    var owner: String
    var path: String
    var line: Int?

    func error(_ predicate: String) -> CloudWatchError {
        CloudWatchError(path: path, line: line, reason: "\(owner) \(predicate)")
    }

    func requiredString(_ key: String) throws -> String {
        guard let value = try optionalString(key) else { throw error("has no `\(key)`.") }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw error("has a `\(key)` that is not a string.") }
        return text
    }

    func requiredNumber(_ key: String) throws -> Double {
        guard let value = fields[key], !value.isNull else { throw error("has no `\(key)`.") }
        guard let number = value.numberValue else { throw error("has a `\(key)` that is not a number.") }
        return number
    }

    func requiredPositiveInteger(_ key: String) throws -> Int {
        guard let value = try optionalPositiveInteger(key) else { throw error("has no `\(key)`.") }
        return value
    }

    func optionalPositiveInteger(_ key: String) throws -> Int? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard let number = value.numberValue, number >= 1, number <= 1e9, number.rounded() == number else {
            throw error("has a `\(key)` that is not a whole number of at least 1.")
        }
        return Int(number)
    }

    func optionalBool(_ key: String) throws -> Bool? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard let flag = value.boolValue else { throw error("has a `\(key)` that is not true or false.") }
        return flag
    }

    func optionalDate(_ key: String) throws -> Date? {
        guard let text = try optionalString(key) else { return nil }
        guard let date = AlarmTimestamp.parse(text) else {
            throw error("has the `\(key)` `\(text)`, which is not an ISO 8601 time.")
        }
        return date
    }

    func strings(_ key: String) throws -> [String] {
        guard let value = fields[key], !value.isNull else { return [] }
        guard let list = value.arrayValue, let texts = Optional(list.compactMap(\.stringValue)),
            texts.count == list.count
        else {
            throw error("has `\(key)` that are not a list of ARNs.")
        }
        return texts
    }
}
