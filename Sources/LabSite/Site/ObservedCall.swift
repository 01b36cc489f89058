/// An AWS API call one of the site's sections found recorded (a CloudTrail event), handed to the
/// other sections so that one can reason about what the lab did without knowing the other: the
/// IAM section derives the least privilege each identity needed from the CloudTrail section's calls.
public struct ObservedCall: Sendable, Hashable {
    /// The service's endpoint, `s3.amazonaws.com`.
    public var eventSource: String
    /// The API operation, `CreateBucket`.
    public var eventName: String
    /// `userIdentity.type`: `IAMUser`, `AssumedRole`, `Root`, …
    public var identityType: String
    /// The caller's ARN (for a role session, the session's), or empty.
    public var identityARN: String
    /// The caller's user name where the record gives one without an ARN (Event history CSV), or empty.
    public var userName: String
    /// The ARNs of the resources the record lists.
    public var resources: [String]
    /// Whether the call failed (the record has an `errorCode`).
    public var failed: Bool
    /// The output path of the call's page, when the section that found it makes one.
    public var page: String?

    /// Creates a call.
    public init(
        eventSource: String, eventName: String, identityType: String, identityARN: String, userName: String = "",
        resources: [String] = [], failed: Bool, page: String? = nil
    ) {
        self.eventSource = eventSource
        self.eventName = eventName
        self.identityType = identityType
        self.identityARN = identityARN
        self.userName = userName
        self.resources = resources
        self.failed = failed
        self.page = page
    }
}
