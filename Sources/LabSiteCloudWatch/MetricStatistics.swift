import LabSite

/// The datapoints of one `get-metric-statistics` file, sorted by time (the API returns them unsorted).
public struct MetricStatistics: Sendable, Equatable {
    /// `Label`: the metric name.
    public var label: String?
    /// The statistic whose values `datapoints` hold (`Maximum`).
    public var statistic: String
    /// `Unit` of the datapoints, when they name one.
    public var unit: String?
    /// The datapoints, oldest first.
    public var datapoints: [MetricDatapoint]

    /// Creates a series.
    public init(label: String?, statistic: String, unit: String?, datapoints: [MetricDatapoint]) {
        self.label = label
        self.statistic = statistic
        self.unit = unit
        self.datapoints = datapoints
    }
}
