import Foundation
import LabSite

/// An account's identities and managed policies at one moment, read from the output of
/// `aws iam get-account-authorization-details`.
public struct AccountSnapshot: Sendable, Equatable {
    /// The file's stem, `account-before-step-24`.
    public var id: String
    /// How pages name the moment, `24단계 전`.
    public var title: String
    /// The file, relative to the source folder.
    public var path: String
    /// Users, groups and roles, in that order, each sorted by name.
    public var identities: [IAMIdentity]
    /// The managed policies the file lists under `Policies` (default versions).
    public var policies: [ManagedPolicy]

    /// The identity with this kind and name.
    public func identity(_ kind: IAMIdentity.Kind, named name: String) -> IAMIdentity? {
        identities.first { $0.kind == kind && $0.name == name }
    }

    /// Reads `get-account-authorization-details` output; documents may be objects or URL-encoded strings.
    static func parse(
        _ json: JSONValue, source: [UInt8], id: String, title: String, path: String
    ) throws -> AccountSnapshot {
        guard let fields = json.objectValue else {
            throw IAMError(path: path, reason: "The file is \(json.kindDescription), not an object.")
        }
        let known = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies", "IsTruncated", "Marker"]
        guard fields.keys.contains(where: { known.prefix(4).contains($0) }) else {
            throw IAMError(
                path: path,
                reason: "The file has none of UserDetailList, GroupDetailList, RoleDetailList and Policies; "
                    + "save the output of `aws iam get-account-authorization-details`.")
        }
        if fields["IsTruncated"]?.boolValue == true {
            throw IAMError(
                path: path,
                reason: "The output is truncated (IsTruncated is true); fetch every page and merge them into one file.")
        }
        let reader = Reader(path: path, source: source)
        let users = try reader.list(fields["UserDetailList"], "UserDetailList").map { try reader.identity($0, .user) }
        let groups = try reader.list(fields["GroupDetailList"], "GroupDetailList").map {
            try reader.identity($0, .group)
        }
        let roles = try reader.list(fields["RoleDetailList"], "RoleDetailList").map { try reader.identity($0, .role) }
        let policies = try reader.list(fields["Policies"], "Policies").map { try reader.managedPolicy($0) }
        let identities = [users, groups, roles].flatMap { $0.sorted { $0.name < $1.name } }
        var seen: Set<String> = []
        for identity in identities where !seen.insert(identity.key).inserted {
            throw IAMError(path: path, reason: "The \(identity.kind.rawValue) \(identity.name) is listed twice.")
        }
        for user in users {
            for group in user.groups where !groups.contains(where: { $0.name == group }) {
                throw IAMError(
                    path: path,
                    reason: "The user \(user.name) belongs to the group \(group), which GroupDetailList does not list.")
            }
        }
        return AccountSnapshot(
            id: id, title: title, path: path, identities: identities, policies: policies.sorted { $0.name < $1.name })
    }

    /// Field access with errors that name the entry being read.
    private struct Reader {
        var path: String
        /// The file's bytes, which the documents' offsets index.
        var source: [UInt8]

        func list(_ value: JSONValue?, _ field: String) throws -> [JSONValue] {
            guard let value, !value.isNull else { return [] }
            guard let items = value.arrayValue else {
                throw IAMError(path: path, reason: "\(field) is \(value.kindDescription); it must be a list.")
            }
            return items
        }

        func string(_ entry: JSONValue, _ field: String, in place: String) throws -> String {
            guard let text = entry[field]?.stringValue, !text.isEmpty else {
                throw IAMError(path: path, reason: "\(place) has no \(field) string.")
            }
            return text
        }

        func document(_ value: JSONValue?, name: String) throws -> PolicyDocument {
            guard let value else { throw IAMError(path: path, reason: "The document of \(name) is missing.") }
            switch value.content {
            case .string, .object: return try PolicyDocument.parse(value: value, source: source, path: path, name: name)
            case .null, .bool, .number, .array:
                throw IAMError(
                    path: path,
                    reason: "The document of \(name) is \(value.kindDescription); it must be an object or a string.")
            }
        }

        func identity(_ entry: JSONValue, _ kind: IAMIdentity.Kind) throws -> IAMIdentity {
            let field = ["user": "UserName", "group": "GroupName", "role": "RoleName"][kind.rawValue] ?? ""
            let place =
                "An entry of "
                + (kind == .user ? "UserDetailList" : kind == .group ? "GroupDetailList" : "RoleDetailList")
            let name = try string(entry, field, in: place)
            let label = "the \(kind.rawValue) \(name)"
            let arn = (try? string(entry, "Arn", in: label)) ?? ""
            let attached = try list(entry["AttachedManagedPolicies"], "AttachedManagedPolicies of \(label)").map {
                PolicyAttachment(
                    name: try string($0, "PolicyName", in: "An attached policy of \(label)"),
                    arn: try string($0, "PolicyArn", in: "An attached policy of \(label)"))
            }
            let inlineField =
                ["user": "UserPolicyList", "group": "GroupPolicyList", "role": "RolePolicyList"][
                    kind.rawValue] ?? ""
            let inline = try list(entry[inlineField], "\(inlineField) of \(label)").map {
                let policyName = try string($0, "PolicyName", in: "An inline policy of \(label)")
                return InlinePolicy(
                    name: policyName,
                    document: try document(
                        $0["PolicyDocument"], name: "the inline policy \(policyName) of \(label)"))
            }
            var groups: [String] = []
            for item in try list(entry["GroupList"], "GroupList of \(label)") {
                guard let group = item.stringValue else {
                    throw IAMError(
                        path: path, reason: "The GroupList of \(label) has \(item.kindDescription), not a name.")
                }
                groups.append(group)
            }
            var trust: PolicyDocument?
            if kind == .role, let value = entry["AssumeRolePolicyDocument"] {
                trust = try document(value, name: "the trust policy of \(label)")
            }
            return IAMIdentity(
                kind: kind, name: name, arn: arn, attachedPolicies: attached.sorted { $0.name < $1.name },
                inlinePolicies: inline.sorted { $0.name < $1.name }, groups: groups.sorted(), trustPolicy: trust)
        }

        func managedPolicy(_ entry: JSONValue) throws -> ManagedPolicy {
            let name = try string(entry, "PolicyName", in: "An entry of Policies")
            let label = "the policy \(name)"
            let arn = try string(entry, "Arn", in: label)
            let versions = try list(entry["PolicyVersionList"], "PolicyVersionList of \(label)")
            let defaultID = (try? string(entry, "DefaultVersionId", in: label)) ?? ""
            let chosen =
                versions.first { $0["IsDefaultVersion"]?.boolValue == true }
                ?? versions.first { $0["VersionId"]?.stringValue == defaultID }
            guard let chosen else {
                throw IAMError(path: path, reason: "The policy \(name) has no default version in PolicyVersionList.")
            }
            return ManagedPolicy(
                name: name, arn: arn, document: try document(chosen["Document"], name: label), sourcePath: path)
        }
    }
}
