import LabSite

/// A user, group or role of an account, with the policies it holds directly.
public struct IAMIdentity: Sendable, Equatable {
    /// The three kinds of IAM identity.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case user
        case group
        case role

        /// The folder of the identity's pages: `iam/users/`.
        var folder: String { rawValue + "s" }
        /// The Korean label: 사용자, 그룹, 역할.
        var label: String {
            switch self {
            case .user: "사용자"
            case .group: "그룹"
            case .role: "역할"
            }
        }
    }

    /// User, group or role.
    public var kind: Kind
    /// `lab-user`.
    public var name: String
    /// `arn:aws:iam::123456789012:user/lab-user`.
    public var arn: String
    /// Managed policies attached to it.
    public var attachedPolicies: [PolicyAttachment]
    /// Policies embedded in it.
    public var inlinePolicies: [InlinePolicy]
    /// For a user: the groups it belongs to.
    public var groups: [String]
    /// For a role: who may assume it.
    public var trustPolicy: PolicyDocument?

    /// A key unique within an account: `user/lab-user`.
    public var key: String { "\(kind.rawValue)/\(name)" }
}
