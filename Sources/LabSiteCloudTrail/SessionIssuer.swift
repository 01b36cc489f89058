import LabSite

/// `sessionContext.sessionIssuer`: the role, user or root that issued temporary credentials.
public struct SessionIssuer: Sendable, Hashable {
    /// The `sessionIssuer` object as decoded.
    public let fields: JSONObject

    /// Wraps a `sessionIssuer` object.
    public init(fields: JSONObject) {
        self.fields = fields
    }

    /// `type`: `Root`, `IAMUser` or `Role`.
    public var type: String? { fields.string("type") }
    /// `principalId`.
    public var principalId: String? { fields.string("principalId") }
    /// `arn`.
    public var arn: String? { fields.string("arn") }
    /// `accountId`.
    public var accountId: String? { fields.string("accountId") }
    /// `userName`: the role or user name.
    public var userName: String? { fields.string("userName") }
}
