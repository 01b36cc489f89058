import Foundation
import LabSite

/// One entry of `AlarmHistoryItems` in `aws cloudwatch describe-alarm-history` output.
public struct AlarmHistoryItem: Sendable, Equatable {
    /// `AlarmName`.
    public var alarmName: String
    /// `Timestamp`.
    public var timestamp: Date
    /// `HistoryItemType`: `ConfigurationUpdate`, `StateUpdate`, `Action`, ….
    public var type: String
    /// `HistorySummary`, e.g. "Alarm updated from OK to ALARM".
    public var summary: String
    /// From the `HistoryData` JSON string: the state before a `StateUpdate`.
    public var oldState: AlarmState?
    /// From the `HistoryData` JSON string: the state after a `StateUpdate`.
    public var newState: AlarmState?
    /// From the `HistoryData` JSON string: why the new state was entered.
    public var newStateReason: String?

    /// Creates a history item.
    public init(
        alarmName: String, timestamp: Date, type: String, summary: String, oldState: AlarmState? = nil,
        newState: AlarmState? = nil, newStateReason: String? = nil
    ) {
        self.alarmName = alarmName
        self.timestamp = timestamp
        self.type = type
        self.summary = summary
        self.oldState = oldState
        self.newState = newState
        self.newStateReason = newStateReason
    }
}
