import LabSite

/// One `{"Name": …, "Value": …}` of an alarm's `Dimensions`.
public struct AlarmDimension: Sendable, Equatable {
    /// `Name`, e.g. `Currency`.
    public var name: String
    /// `Value`, e.g. `USD`.
    public var value: String

    /// Creates a dimension.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
