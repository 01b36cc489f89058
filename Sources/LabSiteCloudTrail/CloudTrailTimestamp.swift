import Foundation
import LabSite

/// A moment in UTC read from a log's time text, for sorting and filtering events.
///
/// `eventTime` is ISO 8601 (`2022-06-04T12:37:22Z`), but real logs and hand-written samples also carry
/// fractional seconds, offsets, a space instead of `T`, dates alone, Java-style
/// `Jan 9, 2020 1:48:44 AM` and epoch seconds or milliseconds. Texts without a zone are read as UTC.
public struct CloudTrailTimestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Double

    /// Creates a timestamp from seconds since 1970 (UTC).
    public init(secondsSince1970: Double) {
        self.secondsSince1970 = secondsSince1970
    }

    /// Reads `text` in any of the forms above; `nil` when it is none of them.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard let seconds = Self.parseISO(bytes) ?? Self.parseJavaStyle(bytes) ?? Self.parseEpoch(text) else {
            return nil
        }
        secondsSince1970 = seconds
    }

    /// The same moment as a Foundation `Date`.
    public var date: Date { Date(timeIntervalSince1970: secondsSince1970) }

    /// `yyyy-MM-ddTHH:mm:ssZ` (fractions of a second are dropped).
    public var iso8601: String { formatted(separator: "T", suffix: "Z") }

    /// `yyyy-MM-dd HH:mm:ss`, as tables and pages show a time (fractions of a second are dropped).
    public var displayText: String { formatted(separator: " ", suffix: "") }

    private func formatted(separator: String, suffix: String) -> String {
        // Parsed times end with year 9999, but ``init(secondsSince1970:)`` takes any number; beyond
        // about 30 million years it is shown as that bound rather than trap converting to Int64.
        let bound = 1e15
        let seconds = secondsSince1970.isNaN ? 0 : Swift.min(Swift.max(secondsSince1970, -bound), bound)
        let whole = Int64(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = whole - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        if (0...9999).contains(year) {
            // Digit by digit: tables and pages of a large trail format every event's time twice.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(20 + suffix.utf8.count)
            func digits(_ value: Int64, _ count: Int) {
                var divisor: Int64 = 1
                for _ in 1..<count { divisor *= 10 }
                while divisor > 0 {
                    bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                    divisor /= 10
                }
            }
            digits(year, 4)
            bytes.append(UInt8(ascii: "-"))
            digits(month, 2)
            bytes.append(UInt8(ascii: "-"))
            digits(day, 2)
            bytes.append(contentsOf: separator.utf8)
            digits(secondOfDay / 3600, 2)
            bytes.append(UInt8(ascii: ":"))
            digits(secondOfDay % 3600 / 60, 2)
            bytes.append(UInt8(ascii: ":"))
            digits(secondOfDay % 60, 2)
            bytes.append(contentsOf: suffix.utf8)
            return String(decoding: bytes, as: UTF8.self)
        }
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText =
            String(year).count < 4 ? String(repeating: "0", count: 4 - String(year).count) + "\(year)" : "\(year)"
        return "\(yearText)-\(two(month))-\(two(day))\(separator)\(two(secondOfDay / 3600))"
            + ":\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60))\(suffix)"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    // MARK: Parsing

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + count] {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func parseISO(_ bytes: [UInt8]) -> Double? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = Double(days(year: year, month: month, day: day)) * 86_400
        if bytes.count == 10 { return seconds }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes.count >= 16,
            bytes[13] == UInt8(ascii: ":"), let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2),
            hour < 24, minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        var index = 16
        if index < bytes.count && bytes[index] == UInt8(ascii: ":") {
            guard let second = number(bytes, index + 1, 2), second <= 60 else { return nil }
            seconds += Double(second)
            index += 3
            if index < bytes.count && (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",")) {
                index += 1
                var scale = 0.1
                let start = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    seconds += Double(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        if index == bytes.count { return seconds }
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return index + 1 == bytes.count ? seconds : nil
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign: Double = bytes[index] == UInt8(ascii: "+") ? 1 : -1
            guard let hours = number(bytes, index + 1, 2) else { return nil }
            var rest = index + 3
            if rest < bytes.count && bytes[rest] == UInt8(ascii: ":") { rest += 1 }
            let minutes = rest == bytes.count ? 0 : number(bytes, rest, 2)
            guard let minutes, rest == bytes.count || rest + 2 == bytes.count else { return nil }
            return seconds - sign * Double(hours * 3600 + minutes * 60)
        default:
            return nil
        }
    }

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// `Jan 9, 2020 1:48:44 AM` and `Mar 19, 2025, 1:30:20 AM` (Java's default date format in some services).
    private static func parseJavaStyle(_ bytes: [UInt8]) -> Double? {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: ",", with: " ")
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count == 5, let month = monthNames.firstIndex(of: parts[0].prefix(3).lowercased()),
            let day = Int(parts[1]), let year = Int(parts[2]), (1...31).contains(day)
        else { return nil }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        let meridiem = parts[4].uppercased()
        guard clock.count == 3, (1...12).contains(clock[0]), clock[1] < 60, clock[2] <= 60,
            meridiem == "AM" || meridiem == "PM"
        else { return nil }
        let hour = clock[0] % 12 + (meridiem == "PM" ? 12 : 0)
        return Double(days(year: year, month: month + 1, day: day)) * 86_400
            + Double(hour * 3600 + clock[1] * 60 + clock[2])
    }

    /// The last second of year 9999, the latest time a log may hold: ISO 8601 has four-digit years,
    /// and a larger number is no time at all.
    static let latestSecond: Double = 253_402_300_799

    /// Epoch seconds, or milliseconds when the number is too large to be seconds; `nil` past the
    /// end of year 9999.
    private static func parseEpoch(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite, value >= 0,
            text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
        else { return nil }
        let seconds = value > 100_000_000_000 ? value / 1000 : value
        return seconds < latestSecond + 1 ? seconds : nil
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension CloudTrailTimestamp {
    /// `items` oldest first by `time`, those without a time last, ties in their given order: the
    /// order of `labsite events` tables and CSV.
    public static func timeOrdered<Item>(_ items: [Item], by time: (Item) -> CloudTrailTimestamp?) -> [Item] {
        items.enumerated().sorted { left, right in
            switch (time(left.element), time(right.element)) {
            case let (l?, r?) where l != r: return l < r
            case (.some, .none): return true
            case (.none, .some): return false
            default: return left.offset < right.offset
            }
        }.map(\.element)
    }
}
