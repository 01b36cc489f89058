import LabSite

/// `userIdentity`: who made the request, with every field the record has.
public struct UserIdentity: Sendable, Hashable {
    /// The kinds of identity CloudTrail writes in `userIdentity.type`.
    public enum Kind: Sendable, Hashable {
        case root, iamUser, assumedRole, role, federatedUser, directory, awsAccount, awsService, unknown
        case samlUser, webIdentityUser, identityCenterUser
        /// A `type` labsite does not know, as written.
        case other(String)
        /// No `type` at all (AWS service events written as `{accountId, invokedBy}`).
        case missing

        /// Reads a `type` value.
        public init(_ text: String?) {
            guard let text else {
                self = .missing
                return
            }
            switch text {
            case "Root": self = .root
            case "IAMUser": self = .iamUser
            case "AssumedRole": self = .assumedRole
            case "Role": self = .role
            case "FederatedUser": self = .federatedUser
            case "Directory": self = .directory
            case "AWSAccount": self = .awsAccount
            case "AWSService": self = .awsService
            case "Unknown": self = .unknown
            case "SAMLUser": self = .samlUser
            case "WebIdentityUser": self = .webIdentityUser
            case "IdentityCenterUser": self = .identityCenterUser
            default: self = .other(text)
            }
        }
    }

    /// The `userIdentity` object as decoded.
    public let fields: JSONObject

    /// Wraps a `userIdentity` object.
    public init(fields: JSONObject) {
        self.fields = fields
    }

    // Hand-written samples misspell keys (`accountid`, `accesKeyId`); accessors accept those too.
    private func string(_ key: String) -> String? { fields.value(forLooseKey: key)?.stringValue }

    /// The identity's kind; `.missing` when the record has no `type`.
    public var kind: Kind { Kind(type) }
    /// `type` as written.
    public var type: String? { string("type") }
    /// `userName`; for `Root` the account alias when one is set.
    public var userName: String? { string("userName") }
    /// `principalId`.
    public var principalId: String? { string("principalId") }
    /// `arn`.
    public var arn: String? { string("arn") }
    /// `accountId`.
    public var accountId: String? { string("accountId") }
    /// `accessKeyId` (`AKIA…` long-term, `ASIA…` temporary); also read from the typo `accesKeyId`.
    public var accessKeyId: String? { string("accessKeyId") ?? string("accesKeyId") }
    /// `invokedBy`: the AWS service that made the request.
    public var invokedBy: String? { string("invokedBy") }
    /// `identityProvider` (SAML and web identity users).
    public var identityProvider: String? { string("identityProvider") }
    /// `credentialId`.
    public var credentialId: String? { string("credentialId") }
    /// `onBehalfOf` (`userId`, `identityStoreArn`) for IAM Identity Center users.
    public var onBehalfOf: JSONObject? { fields.value(forLooseKey: "onBehalfOf")?.objectValue }
    /// `inScopeOf` (`issuerType`, `credentialsIssuedTo`, …).
    public var inScopeOf: JSONObject? { fields.value(forLooseKey: "inScopeOf")?.objectValue }
    /// `sessionContext`, for temporary credentials.
    public var sessionContext: SessionContext? {
        fields.value(forLooseKey: "sessionContext")?.objectValue.map(SessionContext.init)
    }

    /// A short name for who acted, for tables and filters.
    ///
    /// IAM users and others with a name show it; roles show `role/session` from the ARN; the root user
    /// shows `root` (or its alias); AWS services and identities without `type` show `invokedBy`.
    public var displayName: String? {
        switch kind {
        case .root:
            return userName ?? "root"
        case .assumedRole, .role:
            if let arn, let name = Self.text(of: arn, after: ":assumed-role/") { return name }
            return sessionContext?.sessionIssuer?.userName ?? userName ?? principalId
        case .awsService, .missing:
            return invokedBy ?? userName ?? principalId ?? accountId
        case .federatedUser:
            if let arn, let name = Self.text(of: arn, after: ":federated-user/") { return name }
            return userName ?? principalId
        case .identityCenterUser:
            return userName ?? onBehalfOf?.string("userId") ?? principalId
        case .awsAccount:
            return accountId ?? principalId
        default:
            return userName ?? arn.map { String($0.split(separator: "/").last ?? Substring($0)) } ?? principalId
                ?? invokedBy
        }
    }

    /// What follows the first `marker` in `arn`, or `nil` when `marker` is not in it.
    ///
    /// Compares UTF-8 bytes: Foundation's `range(of:)` compares characters, which showed in profiles.
    private static func text(of arn: String, after marker: String) -> String? {
        let bytes = arn.utf8
        let needle = marker.utf8
        guard let first = needle.first else { return arn }
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: needle) {
                // Both markers start and end with ASCII, so the slice starts on a character boundary.
                return String(arn[bytes.index(found, offsetBy: needle.count)...])
            }
            index = bytes.index(after: found)
        }
        return nil
    }
}
