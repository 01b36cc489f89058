import LabSite

/// Something about an alarm's configuration that AWS's rules say will not work as intended.
public struct AlarmFinding: Sendable, Equatable {
    /// Which rule found it.
    public enum Kind: String, Sendable, Equatable {
        /// An `AWS/Billing` alarm outside `us-east-1`.
        case billingRegion
        /// An SNS topic in another region than the alarm.
        case topicRegion
        /// `ActionsEnabled` is false while actions are configured.
        case actionsDisabled
        /// No `AlarmActions`.
        case noActions
        /// A billing alarm period shorter than the billing publishing interval.
        case billingPeriod
    }

    /// The rule.
    public var kind: Kind
    /// The English sentence printed as a build warning.
    public var message: String
    /// The Korean explanation shown on the alarm page (HTML, values escaped).
    public var html: String

    /// Creates a finding.
    public init(kind: Kind, message: String, html: String) {
        self.kind = kind
        self.message = message
        self.html = html
    }
}
