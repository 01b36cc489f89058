import LabSite

/// An alarm with what labsite knows about it: its file, datapoints and history.
public struct AlarmRecord: Sendable, Equatable {
    /// The alarm.
    public var alarm: MetricAlarm
    /// The `describe-alarms` file, relative to the source folder.
    public var path: String
    /// The line of the alarm's `AlarmName` in that file.
    public var line: Int?
    /// Datapoints from the matching `.datapoints.json`, if any.
    public var statistics: MetricStatistics?
    /// History from the matching `.history.json`, oldest first.
    public var history: [AlarmHistoryItem]

    /// Creates a record.
    public init(
        alarm: MetricAlarm, path: String, line: Int? = nil, statistics: MetricStatistics? = nil,
        history: [AlarmHistoryItem] = []
    ) {
        self.alarm = alarm
        self.path = path
        self.line = line
        self.statistics = statistics
        self.history = history
    }

    /// The output path of the alarm's page, `alarms/<safe name>.html`.
    public var pagePath: String { "alarms/" + Self.fileName(for: alarm.name) + ".html" }

    /// A file name for an alarm name: ASCII letters, digits, `-`, `_` and `.` are kept, every other
    /// byte of the UTF-8 becomes `_XX`, so distinct names give distinct files and the result is stable.
    public static func fileName(for name: String) -> String {
        var result = ""
        for byte in name.utf8 {
            let scalar = Unicode.Scalar(byte)
            let character = Character(scalar)
            if character.isASCII && (character.isLetter || character.isNumber || "-.".contains(character)) {
                result.append(character)
            } else {
                result += "_" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        if result.hasPrefix(".") { result = "_2E" + result.dropFirst() }
        // `index` is the alarm index's own file; `_` never stands alone in an escaped name.
        if result.isEmpty || result.lowercased() == "index" { result = "_" + result }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
