import Foundation

/// Round tick positions for chart axes.
enum ChartTicks {
    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(for raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// The multiples of `step` within `domain`.
    static func values(in domain: ClosedRange<Double>, step: Double) -> [Double] {
        var ticks: [Double] = []
        var index = (domain.lowerBound / step).rounded(.up)
        while index * step <= domain.upperBound + step * 1e-9 {
            ticks.append(index * step)
            index += 1
        }
        return ticks
    }

    /// Time steps from an hour to two weeks; the first that gives at most 8 ticks is used.
    static let timeSteps: [TimeInterval] = [
        3_600, 2 * 3_600, 3 * 3_600, 6 * 3_600, 12 * 3_600, 86_400, 2 * 86_400, 7 * 86_400, 14 * 86_400,
    ]

    /// The Gregorian calendar in UTC, so labels are the same on every machine.
    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }

    /// Ticks on whole UTC hours (hour steps) or UTC midnights counted from the first day (day steps).
    static func times(in domain: ClosedRange<Date>) -> [(time: Date, label: String)] {
        let start = domain.lowerBound.timeIntervalSince1970
        let end = domain.upperBound.timeIntervalSince1970
        let step = timeSteps.first { ((end - start) / $0).rounded(.down) + 1 <= 8 } ?? 28 * 86_400
        let unit: TimeInterval = step >= 86_400 ? 86_400 : step
        var tick = (start / unit).rounded(.up) * unit
        var ticks: [(Date, String)] = []
        while tick <= end {
            let date = Date(timeIntervalSince1970: tick)
            let parts = utc.dateComponents([.month, .day, .hour, .minute], from: date)
            let label =
                step >= 86_400
                ? "\(parts.month ?? 0)/\(parts.day ?? 0)"
                : String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
            ticks.append((date, label))
            tick += step
        }
        return ticks
    }
}
