import LabSite

/// A static-threshold `ComparisonOperator`.
///
/// The anomaly-detection operators compare against a band, not a `Threshold`, so labsite rejects them.
public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case greaterThanOrEqual = "GreaterThanOrEqualToThreshold"
    case greaterThan = "GreaterThanThreshold"
    case lessThan = "LessThanThreshold"
    case lessThanOrEqual = "LessThanOrEqualToThreshold"

    /// The operators that compare against an anomaly-detection band.
    static let anomalyBandOperators = [
        "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold",
    ]

    /// The mathematical symbol, as the console shows it.
    public var symbol: String {
        switch self {
        case .greaterThanOrEqual: "≥"
        case .greaterThan: ">"
        case .lessThan: "<"
        case .lessThanOrEqual: "≤"
        }
    }

    /// The console's Korean condition name (보다 큼, …).
    public var koreanName: String {
        switch self {
        case .greaterThanOrEqual: "크거나 같음"
        case .greaterThan: "보다 큼"
        case .lessThan: "보다 작음"
        case .lessThanOrEqual: "작거나 같음"
        }
    }

    /// Whether `value` breaches `threshold`.
    public func breaches(_ value: Double, threshold: Double) -> Bool {
        switch self {
        case .greaterThanOrEqual: value >= threshold
        case .greaterThan: value > threshold
        case .lessThan: value < threshold
        case .lessThanOrEqual: value <= threshold
        }
    }
}
