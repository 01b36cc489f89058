import Foundation
import LabSite

/// Reading and writing the timestamps of CloudWatch output, always in UTC so pages are the same everywhere.
enum AlarmTimestamp {
    /// Parses `2014-04-09T18:59:06.442Z`, `2014-02-19T00:18:00Z`, `…+00:00` and `…+0000`.
    static func parse(_ text: String) -> Date? {
        var normalized = text
        // ISO8601DateFormatter wants `+00:00`; StateReasonData writes `+0000`.
        if let match = normalized.range(of: #"[+-]\d{4}$"#, options: .regularExpression) {
            let offset = normalized[match]
            normalized.replaceSubrange(match, with: offset.prefix(3) + ":" + offset.suffix(2))
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: normalized) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: normalized)
    }

    /// The UTC calendar fields of `date`.
    static func components(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    /// `2024-03-26 06:00 UTC`.
    static func display(_ date: Date) -> String {
        let parts = components(date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `2024-03-26T06:00:00Z`, as the CLI accepts it.
    static func iso(_ date: Date) -> String {
        let parts = components(date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
