import Foundation
import LabSite

/// One datapoint of `aws cloudwatch get-metric-statistics` output, reduced to the charted statistic.
public struct MetricDatapoint: Sendable, Equatable {
    /// `Timestamp`: the start of the period.
    public var timestamp: Date
    /// The value of the statistic.
    public var value: Double

    /// Creates a datapoint.
    public init(timestamp: Date, value: Double) {
        self.timestamp = timestamp
        self.value = value
    }
}
