import LabSite

/// What ``EventFilter`` looks at: a decoded record, or the facts the site keeps of one.
protocol FilterableEvent {
    var eventName: String? { get }
    var eventSource: String? { get }
    var awsRegion: String? { get }
    var timestamp: CloudTrailTimestamp? { get }
    var isError: Bool { get }
    /// The names a `user` criterion matches.
    var userNames: [String] { get }
}

extension CloudTrailRecord: FilterableEvent {
    /// The display name, `userName`, ARN, principal id, access key id, session issuer name and
    /// `invokedBy` of the identity, where present.
    var userNames: [String] { Self.userNames(of: userIdentity) }

    /// The names a `user` criterion matches for `identity`.
    static func userNames(of identity: UserIdentity?) -> [String] {
        userNames(of: identity, displayName: identity?.displayName)
    }

    /// The names a `user` criterion matches for `identity`, whose display name the caller has read.
    static func userNames(of identity: UserIdentity?, displayName: String?) -> [String] {
        [
            displayName, identity?.userName, identity?.arn, identity?.principalId,
            identity?.accessKeyId, identity?.sessionContext?.sessionIssuer?.userName, identity?.invokedBy,
        ].compactMap { $0 }
    }
}
