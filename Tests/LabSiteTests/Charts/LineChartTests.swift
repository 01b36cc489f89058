import Foundation
import Testing

@testable import LabSite

@Suite("Line chart")
struct LineChartTests {
    static let start = Date(timeIntervalSince1970: 1_709_251_200)  // 2024-03-01T00:00:00Z

    static func chart(values: [Double], threshold: Double? = 200, shaded: [LineChart.Span] = []) -> LineChart {
        LineChart(
            points: values.enumerated().map {
                LineChart.Point(time: start.addingTimeInterval(Double($0) * 21_600), value: $1)
            },
            threshold: threshold, thresholdLabel: "임계값 200 USD", shaded: shaded, title: "요금 <차트>",
            summary: "설명 & 요약", timeAxisLabel: "날짜 (UTC)", valueAxisLabel: "EstimatedCharges (USD)")
    }

    @Test("the value axis runs from 0 to a round number above the data and the threshold")
    func valueAxis() {
        let chart = Self.chart(values: [10, 120, 234.01])
        #expect(chart.valueDomain == 0...250)
        #expect(chart.valueTicks == [0, 50, 100, 150, 200, 250])
        #expect(Self.chart(values: [1, 5], threshold: 200).valueDomain == 0...200)
        #expect(Self.chart(values: [0.33, 99.67], threshold: 70).valueDomain == 0...100)
    }

    @Test("the threshold line sits at its value's height")
    func thresholdPosition() {
        let chart = Self.chart(values: [10, 120, 234.01])
        // Plot from y = 16 (250) to y = 248 (0): 200 is 4/5 of the way up.
        #expect(chart.plot == (72, 16, 616, 248))
        #expect(chart.y(200) == 248 - 0.8 * 232)
        #expect(chart.svg.contains(#"<line class="chart-threshold" x1="72" y1="62.4" x2="616" y2="62.4""#))
    }

    @Test("shaded spans are clipped to the time axis")
    func shadedSpans() {
        let chart = Self.chart(
            values: [1, 2, 3, 4, 5],  // 24 hours: x from 72 to 616, 544 / 24 h
            shaded: [
                LineChart.Span(
                    start: Self.start.addingTimeInterval(12 * 3_600), end: Self.start.addingTimeInterval(400_000)),
                LineChart.Span(
                    start: Self.start.addingTimeInterval(-7_200), end: Self.start.addingTimeInterval(-3_600)),
            ])
        #expect(chart.shadedRectangles.count == 1)
        #expect(chart.shadedRectangles.first?.x == 344)
        #expect(chart.shadedRectangles.first?.width == 272)
        #expect(chart.svg.contains(#"<rect class="chart-shade" x="344" y="16" width="272" height="232""#))
    }

    @Test("time ticks fall on whole days or hours")
    func timeTicks() {
        let month = LineChart(
            points: (0..<124).map {
                LineChart.Point(time: Self.start.addingTimeInterval(Double($0) * 21_600), value: 1)
            },
            title: "", summary: "", timeAxisLabel: "", valueAxisLabel: "")
        #expect(month.timeTicks.map(\.label) == ["3/1", "3/8", "3/15", "3/22", "3/29"])
        #expect(
            Self.chart(values: [1, 2, 3, 4, 5]).timeTicks.map(\.label) == ["00:00", "06:00", "12:00", "18:00", "00:00"])
    }

    @Test("the SVG is accessible, escaped and themable")
    func accessibility() {
        let svg = Self.chart(values: [1, 2]).svg
        #expect(
            svg.hasPrefix(
                """
                <svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 300" role="img" \
                aria-label="요금 &lt;차트&gt;">
                <title>요금 &lt;차트&gt;</title>
                <desc>설명 &amp; 요약</desc>

                """))
        #expect(svg.contains(">EstimatedCharges (USD)</text>"))
        #expect(svg.contains(">날짜 (UTC)</text>"))
        #expect(svg.contains(#"stroke-dasharray="6 4""#))
        #expect(!svg.contains("#"))  // no fixed colours: currentColor and CSS only
        #expect(svg.hasSuffix("</svg>"))
    }

    @Test("nice steps", arguments: [(46.8, 50.0), (0.3, 0.5), (20, 20), (1.1, 2)])
    func niceSteps(raw: Double, step: Double) {
        #expect(ChartTicks.niceStep(for: raw) == step)
    }
}
