import LabSite

/// A policy that applies to an identity, directly or through a group, as the evaluator sees it.
public struct EffectivePolicy: Sendable, Equatable {
    /// Where the policy lives, which decides where its statements are linked.
    public enum Origin: Sendable, Equatable {
        /// A managed policy with its own page.
        case managed(arn: String)
        /// An inline policy embedded in the identity `owner` (`group/lab-cloudtrail-group`).
        case inline(owner: String)
    }

    /// The policy's name.
    public var name: String
    /// Managed or inline.
    public var origin: Origin
    /// The group it comes through, or `nil` when attached to the identity itself.
    public var viaGroup: String?
    /// The document.
    public var document: PolicyDocument

    /// Creates an effective policy.
    public init(name: String, origin: Origin, viaGroup: String? = nil, document: PolicyDocument) {
        self.name = name
        self.origin = origin
        self.viaGroup = viaGroup
        self.document = document
    }
}

/// One statement of an ``EffectivePolicy``, which the evaluator names as the reason for its answer.
public struct StatementReference: Sendable, Equatable {
    /// The policy.
    public var policy: EffectivePolicy
    /// The statement's 0-based position in the document.
    public var index: Int

    /// The statement.
    public var statement: PolicyStatement { policy.document.statements[index] }
}
