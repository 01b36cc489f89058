import Foundation

/// A time-series line chart rendered as inline SVG: datapoints over time, an optional threshold line and
/// shaded time spans, with labelled axes.
///
/// The chart has no script and draws with `currentColor` plus CSS classes (`chart-line`,
/// `chart-threshold`, `chart-shade`, …), so it follows the page's colours in dark mode and prints in
/// monochrome: the threshold is dashed and the shading is a light tint, not colour alone.
public struct LineChart: Sendable, Equatable {
    /// One datapoint.
    public struct Point: Sendable, Equatable {
        /// When it was measured.
        public var time: Date
        /// Its value.
        public var value: Double

        /// Creates a datapoint.
        public init(time: Date, value: Double) {
            self.time = time
            self.value = value
        }
    }

    /// A shaded time span, such as a period in ALARM.
    public struct Span: Sendable, Equatable {
        /// The start.
        public var start: Date
        /// The end.
        public var end: Date

        /// Creates a span.
        public init(start: Date, end: Date) {
            self.start = start
            self.end = end
        }
    }

    /// The datapoints, oldest first.
    public var points: [Point]
    /// The value of the horizontal threshold line, if any.
    public var threshold: Double?
    /// The label written next to the threshold line (`임계값 200 USD`).
    public var thresholdLabel: String
    /// Spans to shade, clipped to the time axis.
    public var shaded: [Span]
    /// The accessible name (`<title>` and `aria-label`).
    public var title: String
    /// The accessible description (`<desc>`): what a sighted reader gets from the picture.
    public var summary: String
    /// The title of the time axis, e.g. `시간 (UTC)`.
    public var timeAxisLabel: String
    /// The title of the value axis with its unit, e.g. `EstimatedCharges (USD)`.
    public var valueAxisLabel: String
    /// The SVG's user-space size.
    public var width: Double = 640
    /// The SVG's user-space height.
    public var height: Double = 300

    /// The margins around the plot area, room for the tick labels and axis titles.
    static let margin = (top: 16.0, right: 24.0, bottom: 52.0, left: 72.0)

    /// Creates a chart.
    public init(
        points: [Point], threshold: Double? = nil, thresholdLabel: String = "", shaded: [Span] = [], title: String,
        summary: String, timeAxisLabel: String, valueAxisLabel: String
    ) {
        self.points = points.sorted { $0.time < $1.time }
        self.threshold = threshold
        self.thresholdLabel = thresholdLabel
        self.shaded = shaded
        self.title = title
        self.summary = summary
        self.timeAxisLabel = timeAxisLabel
        self.valueAxisLabel = valueAxisLabel
    }

    // MARK: - Geometry

    /// The plot area in SVG coordinates.
    public var plot: (left: Double, top: Double, right: Double, bottom: Double) {
        (Self.margin.left, Self.margin.top, width - Self.margin.right, height - Self.margin.bottom)
    }

    /// The time range of the x axis: the datapoints' range, at least an hour wide.
    public var timeDomain: ClosedRange<Date> {
        guard let first = points.first?.time, let last = points.last?.time else {
            let now = shaded.first?.start ?? Date(timeIntervalSince1970: 0)
            return now...now.addingTimeInterval(3_600)
        }
        if last.timeIntervalSince(first) < 3_600 {
            return first.addingTimeInterval(-1_800)...last.addingTimeInterval(1_800)
        }
        return first...last
    }

    /// The value range of the y axis: from 0 (or the lowest value, if negative) to a round number above
    /// the highest value and the threshold.
    public var valueDomain: ClosedRange<Double> {
        let values = points.map(\.value) + (threshold.map { [$0] } ?? [])
        let low = min(0, values.min() ?? 0)
        let high = max(values.max() ?? 1, low + 1e-9)
        let step = ChartTicks.niceStep(for: (high - low) / 5)
        return (low / step).rounded(.down) * step...(high / step).rounded(.up) * step
    }

    /// The value-axis ticks: round numbers across ``valueDomain``.
    public var valueTicks: [Double] {
        let domain = valueDomain
        return ChartTicks.values(
            in: domain, step: ChartTicks.niceStep(for: (domain.upperBound - domain.lowerBound) / 5))
    }

    /// The time-axis ticks with their labels (`3/8` for day steps, `06:00` for hour steps).
    public var timeTicks: [(time: Date, label: String)] { ChartTicks.times(in: timeDomain) }

    /// The x coordinate of a time.
    public func x(_ time: Date) -> Double {
        let domain = timeDomain
        let span = domain.upperBound.timeIntervalSince(domain.lowerBound)
        let fraction = span > 0 ? time.timeIntervalSince(domain.lowerBound) / span : 0.5
        return plot.left + fraction * (plot.right - plot.left)
    }

    /// The y coordinate of a value.
    public func y(_ value: Double) -> Double {
        let domain = valueDomain
        let fraction = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return plot.bottom - fraction * (plot.bottom - plot.top)
    }

    /// The rectangles of the shaded spans, clipped to the plot area; empty spans are dropped.
    public var shadedRectangles: [(x: Double, width: Double)] {
        let domain = timeDomain
        return shaded.compactMap { span in
            let start = max(span.start, domain.lowerBound)
            let end = min(span.end, domain.upperBound)
            guard start < end else { return nil }
            return (x(start), x(end) - x(start))
        }
    }
}
