import LabSite

/// Derived facts a reader asks first: who, which kind of event, did it fail, was MFA used.
extension CloudTrailRecord {
    /// The kind of event, from `eventCategory`, or from `eventType`/`managementEvent` in older records.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        case management = "Management"
        case data = "Data"
        case insight = "Insight"
        case networkActivity = "NetworkActivity"
    }

    /// The event's category; records before `eventCategory` existed are classified from other fields.
    public var category: Category {
        if let written = eventCategory, let known = Category(rawValue: written) { return known }
        if eventType == "AwsCloudTrailInsight" || fields["insightDetails"] != nil { return .insight }
        if eventType == "AwsVpceEvent" { return .networkActivity }
        if managementEvent == false { return .data }
        return .management
    }

    /// Whether this is an Insights event (`AwsCloudTrailInsight`).
    public var isInsight: Bool { category == .insight }

    /// Whether this is a data event (S3 object or Lambda invoke activity, for example).
    public var isDataEvent: Bool { category == .data }

    /// Whether the request failed: it has an `errorCode` or an `errorMessage`.
    public var isError: Bool { errorCode != nil || errorMessage != nil }

    /// A short name for who acted, for tables: see `UserIdentity.displayName`; `nil` without an identity.
    public var userDisplayName: String? { userIdentity?.displayName }

    /// For a console sign-in, `responseElements.ConsoleLogin` (`Success` or `Failure`).
    public var consoleLoginResult: String? {
        responseElements?["ConsoleLogin"]?.stringValue
    }

    /// Whether MFA was used: `additionalEventData.MFAUsed` (`Yes`/`No`) for sign-ins, otherwise the
    /// session's `mfaAuthenticated`; `nil` when the record does not say.
    public var mfaUsed: Bool? {
        if let used = additionalEventData?["MFAUsed"]?.stringValue {
            switch used.lowercased() {
            case "yes": return true
            case "no": return false
            default: break
            }
        }
        return userIdentity?.sessionContext?.mfaAuthenticated
    }
}
