import LabSite

/// An alarm's `StateValue`.
public enum AlarmState: String, Sendable, Equatable, CaseIterable {
    case ok = "OK"
    case alarm = "ALARM"
    case insufficientData = "INSUFFICIENT_DATA"

    /// The console's Korean name of the state.
    public var koreanName: String {
        switch self {
        case .ok: "정상"
        case .alarm: "경보"
        case .insufficientData: "데이터 부족"
        }
    }

    /// A CSS class suffix (`alarm-state-ok`).
    var cssName: String {
        switch self {
        case .ok: "ok"
        case .alarm: "alarm"
        case .insufficientData: "insufficient"
        }
    }
}
