import LabSite

/// The Korean words of alarm pages: durations, statistics, units and missing-data treatments.
enum AlarmVocabulary {
    /// `21600` → `6시간`, `300` → `5분`, `86400` → `1일`, `90` → `90초`.
    static func duration(seconds: Int) -> String {
        if seconds % 86_400 == 0 { return "\(seconds / 86_400)일" }
        if seconds % 3_600 == 0 { return "\(seconds / 3_600)시간" }
        if seconds % 60 == 0 { return "\(seconds / 60)분" }
        return "\(seconds)초"
    }

    /// `Maximum` → `최대값`, `p99` → `p99 백분위수`.
    static func statistic(_ name: String) -> String {
        switch name {
        case "Maximum": "최대값"
        case "Minimum": "최소값"
        case "Average": "평균"
        case "Sum": "합계"
        case "SampleCount": "샘플 수"
        default: "\(name) 백분위수"
        }
    }

    /// How a `TreatMissingData` value reads in the console.
    static func missingData(_ value: String?) -> String {
        switch value ?? "missing" {
        case "missing": "누락으로 처리"
        case "breaching": "위반으로 처리(임계값을 넘은 것으로 봄)"
        case "notBreaching": "정상으로 처리(임계값 안쪽으로 봄)"
        case "ignore": "무시(현재 상태 유지)"
        default: "알 수 없는 값"
        }
    }

    /// A number as the console writes it: `200`, `70`, `203.41`.
    static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// The symbol or word after a value of `unit` (`%`, ` USD`, ` 초`), empty for `None` and unknown units.
    static func unitSuffix(_ unit: String?) -> String {
        switch unit {
        case "Percent": "%"
        case "Seconds": "초"
        case "Milliseconds": "밀리초"
        case "Microseconds": "마이크로초"
        case "Bytes": " 바이트"
        case "Kilobytes": " KB"
        case "Megabytes": " MB"
        case "Gigabytes": " GB"
        case "Count": "개"
        case "Bytes/Second": " 바이트/초"
        case "Count/Second": "개/초"
        case nil, "None": ""
        case let other?: other.first?.isLetter == true ? " " + other : other
        }
    }

    /// Units of well-known metrics that alarms and CLI output often leave out.
    static let knownUnits = [
        "CPUUtilization": "Percent", "NetworkIn": "Bytes", "NetworkOut": "Bytes", "DiskReadOps": "Count",
        "DiskWriteOps": "Count", "StatusCheckFailed": "Count",
    ]
}
