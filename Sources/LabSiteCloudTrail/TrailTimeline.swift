import LabSite

/// The variables of `partials/trail-timeline.mustache`: events per time bin as the bars of an
/// inline SVG chart, with the bin width chosen so there are at most 48 bars.
struct TrailTimeline: Sendable {
    private let start: Double
    private let binSeconds: Double
    private let binLabel: String
    private let bins: [Int]
    private let timedCount: Int

    private static let chartWidth = 640.0
    private static let chartHeight = 160.0
    private static let left = 40.0

    /// The timeline of events at `times` (seconds since 1970); `nil` when there are none.
    init?(times: [Double]) {
        guard let first = times.min(), let last = times.max() else { return nil }
        let widths: [(seconds: Double, label: String)] = [
            (60, "1분"), (300, "5분"), (600, "10분"), (1800, "30분"), (3600, "1시간"), (3 * 3600, "3시간"),
            (6 * 3600, "6시간"), (86_400, "1일"), (7 * 86_400, "7일"), (30 * 86_400, "30일"), (365 * 86_400, "365일"),
        ]
        let width =
            widths.first { ((last / $0.seconds).rounded(.down) - (first / $0.seconds).rounded(.down)) < 48 }
            ?? (seconds: 365 * 86_400 * 100, label: "100년")
        let start = (first / width.seconds).rounded(.down) * width.seconds
        let binCount = Int(((last - start) / width.seconds).rounded(.down)) + 1
        var bins = Array(repeating: 0, count: binCount)
        for time in times { bins[Swift.min(binCount - 1, Int((time - start) / width.seconds))] += 1 }
        self.start = start
        binSeconds = width.seconds
        binLabel = width.label
        self.bins = bins
        timedCount = times.count
    }

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        let peak = bins.max() ?? 1
        let (width, height, left) = (Self.chartWidth, Self.chartHeight, Self.left)
        let barWidth = (width - left) / Double(bins.count)
        sink.set("width", text: Self.number(width))
        sink.set("height", text: Self.number(height + 30))
        sink.set("left", text: Self.number(left))
        sink.set("labelX", text: Self.number(left - 6))
        sink.set("axisY", text: Self.number(height))
        sink.set("footY", text: Self.number(height + 20))
        sink.set("start", text: Self.format(start))
        sink.set("end", text: Self.format(start + Double(bins.count) * binSeconds))
        sink.set("binLabel", text: binLabel)
        sink.set("peak", text: String(peak))
        sink.set("timedCount", text: String(timedCount))
        let filled = bins.indices.filter { bins[$0] > 0 }
        sink.set("bars", objects: filled.count) { position, bar in
            let index = filled[position]
            let count = bins[index]
            let barHeight = (height - 8) * Double(count) / Double(peak)
            bar.set("x", text: Self.number(left + Double(index) * barWidth + barWidth * 0.1))
            bar.set("y", text: Self.number(height - barHeight))
            bar.set("barWidth", text: Self.number(barWidth * 0.8))
            bar.set("barHeight", text: Self.number(barHeight))
            bar.set("binStart", text: Self.format(start + Double(index) * binSeconds))
            bar.set("count", text: String(count))
        }
    }

    /// `2022-06-04 12:30` (UTC).
    private static func format(_ seconds: Double) -> String {
        CloudTrailTimestamp(secondsSince1970: seconds).iso8601.replacingOccurrences(of: "T", with: " ")
            .replacingOccurrences(of: ":00Z", with: "").replacingOccurrences(of: "Z", with: "")
    }

    /// A coordinate with at most one decimal.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
