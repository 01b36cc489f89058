import Foundation
import LabSite

/// One entry of `MetricAlarms` in `aws cloudwatch describe-alarms` output: an alarm on a single metric.
public struct MetricAlarm: Sendable, Equatable {
    /// `AlarmName`.
    public var name: String
    /// `AlarmArn`, `arn:aws:cloudwatch:<region>:<account>:alarm:<name>`.
    public var arn: String?
    /// `AlarmDescription`.
    public var description: String?
    /// `ActionsEnabled`; AWS's default is `true`.
    public var actionsEnabled: Bool
    /// `AlarmActions`: run on the transition to ALARM.
    public var alarmActions: [String]
    /// `OKActions`: run on the transition to OK.
    public var okActions: [String]
    /// `InsufficientDataActions`: run on the transition to INSUFFICIENT_DATA.
    public var insufficientDataActions: [String]
    /// `StateValue`.
    public var state: AlarmState?
    /// `StateReason`.
    public var stateReason: String?
    /// `StateUpdatedTimestamp`.
    public var stateUpdated: Date?
    /// `MetricName`.
    public var metricName: String
    /// `Namespace`.
    public var namespace: String
    /// `Statistic` (`Maximum`, …); `nil` when the alarm uses an extended statistic.
    public var statistic: String?
    /// `ExtendedStatistic` (a percentile such as `p99`).
    public var extendedStatistic: String?
    /// `Dimensions`, in the file's order.
    public var dimensions: [AlarmDimension]
    /// `Period` in seconds.
    public var period: Int
    /// `Unit`.
    public var unit: String?
    /// `EvaluationPeriods` (N).
    public var evaluationPeriods: Int
    /// `DatapointsToAlarm` (M); AWS uses N when it is absent.
    public var datapointsToAlarm: Int?
    /// `Threshold`.
    public var threshold: Double
    /// `ComparisonOperator`.
    public var comparison: ComparisonOperator
    /// `TreatMissingData`; AWS's default is `missing`.
    public var treatMissingData: String?

    /// Creates an alarm; the defaults are those of a console-created alarm.
    public init(
        name: String, arn: String? = nil, description: String? = nil, actionsEnabled: Bool = true,
        alarmActions: [String] = [], okActions: [String] = [], insufficientDataActions: [String] = [],
        state: AlarmState? = nil, stateReason: String? = nil, stateUpdated: Date? = nil, metricName: String,
        namespace: String, statistic: String? = "Maximum", extendedStatistic: String? = nil,
        dimensions: [AlarmDimension] = [], period: Int, unit: String? = nil, evaluationPeriods: Int = 1,
        datapointsToAlarm: Int? = nil, threshold: Double, comparison: ComparisonOperator,
        treatMissingData: String? = nil
    ) {
        self.name = name
        self.arn = arn
        self.description = description
        self.actionsEnabled = actionsEnabled
        self.alarmActions = alarmActions
        self.okActions = okActions
        self.insufficientDataActions = insufficientDataActions
        self.state = state
        self.stateReason = stateReason
        self.stateUpdated = stateUpdated
        self.metricName = metricName
        self.namespace = namespace
        self.statistic = statistic
        self.extendedStatistic = extendedStatistic
        self.dimensions = dimensions
        self.period = period
        self.unit = unit
        self.evaluationPeriods = evaluationPeriods
        self.datapointsToAlarm = datapointsToAlarm
        self.threshold = threshold
        self.comparison = comparison
        self.treatMissingData = treatMissingData
    }

    /// The region from `AlarmArn`, or `nil` without a well-formed ARN.
    public var region: String? { Self.region(ofARN: arn) }

    /// The account from `AlarmArn`.
    public var account: String? {
        guard let parts = arn?.split(separator: ":", omittingEmptySubsequences: false), parts.count > 4,
            !parts[4].isEmpty
        else { return nil }
        return String(parts[4])
    }

    /// M of "M out of N": `DatapointsToAlarm`, or N when absent.
    public var effectiveDatapointsToAlarm: Int { datapointsToAlarm ?? evaluationPeriods }

    /// The statistic the alarm evaluates, as the API names it (`Maximum`, `p99`).
    public var statisticName: String { statistic ?? extendedStatistic ?? "" }

    /// Whether this is a billing alarm (`AWS/Billing`).
    public var isBilling: Bool { namespace == "AWS/Billing" }

    /// The currency of a billing alarm (the `Currency` dimension), used as the unit of its values.
    public var currency: String? {
        isBilling ? dimensions.first { $0.name == "Currency" }?.value : nil
    }

    /// The region in an ARN (`arn:partition:service:region:account:…`).
    static func region(ofARN arn: String?) -> String? {
        guard let parts = arn?.split(separator: ":", omittingEmptySubsequences: false), parts.count > 3,
            parts[0] == "arn", !parts[3].isEmpty
        else { return nil }
        return String(parts[3])
    }
}
