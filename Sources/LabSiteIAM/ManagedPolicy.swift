import LabSite

/// A managed policy: an AWS managed policy from `content/iam/policies/` or a policy listed in an
/// account's `Policies`.
public struct ManagedPolicy: Sendable, Equatable {
    /// `AWSCloudTrail_FullAccess`.
    public var name: String
    /// `arn:aws:iam::aws:policy/AWSCloudTrail_FullAccess`.
    public var arn: String
    /// The default version's document.
    public var document: PolicyDocument
    /// The file it was read from, relative to the source folder.
    public var sourcePath: String

    /// Creates a managed policy.
    public init(name: String, arn: String, document: PolicyDocument, sourcePath: String) {
        self.name = name
        self.arn = arn
        self.document = document
        self.sourcePath = sourcePath
    }
}

/// A policy embedded in one user, group or role.
public struct InlinePolicy: Sendable, Equatable {
    /// The policy's name within its identity.
    public var name: String
    /// The document.
    public var document: PolicyDocument
}

/// A managed policy attached to an identity, as `AttachedManagedPolicies` lists it.
public struct PolicyAttachment: Sendable, Equatable {
    /// The policy's name.
    public var name: String
    /// The policy's ARN.
    public var arn: String
}
