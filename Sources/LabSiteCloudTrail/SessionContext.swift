import LabSite

/// `userIdentity.sessionContext`: how temporary credentials were issued.
public struct SessionContext: Sendable, Hashable {
    /// The `sessionContext` object as decoded.
    public let fields: JSONObject

    /// Wraps a `sessionContext` object.
    public init(fields: JSONObject) {
        self.fields = fields
    }

    /// `attributes` (`creationDate`, `mfaAuthenticated`).
    public var attributes: JSONObject? { fields.object("attributes") }
    /// `attributes.creationDate`: when the credentials were issued.
    public var creationDate: String? { attributes?.string("creationDate") }
    /// `attributes.mfaAuthenticated`, written as the string `"true"`/`"false"` in real logs.
    public var mfaAuthenticated: Bool? { attributes?["mfaAuthenticated"]?.looseBoolValue }
    /// `sessionIssuer`: who the credentials came from; `nil` when missing or empty.
    public var sessionIssuer: SessionIssuer? {
        guard let issuer = fields.object("sessionIssuer"), !issuer.isEmpty else { return nil }
        return SessionIssuer(fields: issuer)
    }
    /// `webIdFederationData` (`federatedProvider`, `attributes`); often `{}`.
    public var webIdFederationData: JSONObject? { fields.object("webIdFederationData") }
    /// `webIdFederationData.federatedProvider`.
    public var federatedProvider: String? { webIdFederationData?.string("federatedProvider") }
    /// `sourceIdentity`.
    public var sourceIdentity: String? { fields.string("sourceIdentity") }
    /// `ec2RoleDelivery`: `1.0` for IMDSv1 credentials, `2.0` for IMDSv2.
    public var ec2RoleDelivery: String? { fields.string("ec2RoleDelivery") }
}
