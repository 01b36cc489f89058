/// The value type of a condition key, as the Service Authorization Reference names types.
package enum ConditionKeyType: String, Sendable, CaseIterable {
    case string = "String", arn = "ARN", bool = "Bool", date = "Date", numeric = "Numeric", ipAddress = "IPAddress"
    case arrayOfString = "ArrayOfString", arrayOfARN = "ArrayOfARN", binary = "Binary"
    // The Service Authorization Reference also types a few service keys `ArrayOfBool` (the action catalogue
    // has four), and the condition checker matches on it, so the type is here too.
    case arrayOfBool = "ArrayOfBool"
}

/// One global condition key.
package struct GlobalConditionKey: Sendable, Equatable {
    /// `aws:CurrentTime`, or a tag key's prefix form `aws:PrincipalTag/${TagKey}`.
    package var name: String
    package var type: ConditionKeyType
}

/// The global condition context keys, with the data types the IAM User Guide gives them.
///
/// The table follows the page's five groups in its order. Each key there has a "Data type" line (String, ARN,
/// Boolean, Date, Numeric, IP address) and a "Value type" line (Single-valued or Multivalued); a key the page
/// calls "String (list)" and Multivalued is `.arrayOfString` here, as the Service Authorization Reference
/// writes multivalued string keys. The page was read in the Markdown form AWS publishes beside the HTML
/// (same address, `.md`), as it stood with `aws:SourceVpcArn`, the `aws:Vpce*` keys and the MCP keys listed;
/// `aws:IsMFAPresent` is not on it, so it is not here.
package enum GlobalConditionKeys {
    /// The documentation page the table follows.
    package static let documentation =
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html"

    package static let all: [GlobalConditionKey] = principal + roleSession + network + resource + request

    /// "Properties of the principal" (#condition-keys-principal-properties).
    private static let principal: [GlobalConditionKey] = [
        // "Data type – ARN"; the page recommends ARN operators over string operators for it.
        GlobalConditionKey(name: "aws:PrincipalArn", type: .arn),
        GlobalConditionKey(name: "aws:PrincipalAccount", type: .string),
        // "String (list)", "Multivalued".
        GlobalConditionKey(name: "aws:PrincipalOrgPaths", type: .arrayOfString),
        GlobalConditionKey(name: "aws:PrincipalOrgID", type: .string),
        // One key per tag the principal has; the page types each "String", "Single-valued".
        GlobalConditionKey(name: "aws:PrincipalTag/${TagKey}", type: .string),
        GlobalConditionKey(name: "aws:PrincipalIsAWSService", type: .bool),
        GlobalConditionKey(name: "aws:PrincipalServiceName", type: .string),
        // "String (list)", "Multivalued".
        GlobalConditionKey(name: "aws:PrincipalServiceNamesList", type: .arrayOfString),
        GlobalConditionKey(name: "aws:PrincipalType", type: .string),
        GlobalConditionKey(name: "aws:userid", type: .string),
        GlobalConditionKey(name: "aws:username", type: .string),
    ]

    /// "Properties of a role session" (#condition-keys-role-session-properties), including the cross-service
    /// keys (`ec2:`, `glue:`, `codebuild:`, `lambda:`, `ssm:`, `identitystore:`) the page lists there.
    private static let roleSession: [GlobalConditionKey] = [
        GlobalConditionKey(name: "aws:AssumedRoot", type: .bool),
        // "String*": the page adds that the value is an ARN for identity providers not built into AWS
        // (GitHub, Amazon EKS) and a string for built-in ones such as Amazon Cognito.
        GlobalConditionKey(name: "aws:FederatedProvider", type: .string),
        GlobalConditionKey(name: "aws:TokenIssueTime", type: .date),
        GlobalConditionKey(name: "aws:SignInSessionArn", type: .arn),
        GlobalConditionKey(name: "aws:MultiFactorAuthAge", type: .numeric),
        GlobalConditionKey(name: "aws:MultiFactorAuthPresent", type: .bool),
        GlobalConditionKey(name: "aws:ChatbotSourceArn", type: .arn),
        GlobalConditionKey(name: "aws:Ec2InstanceSourceVpc", type: .string),
        GlobalConditionKey(name: "aws:Ec2InstanceSourcePrivateIPv4", type: .ipAddress),
        GlobalConditionKey(name: "aws:SourceIdentity", type: .string),
        // Example values 1.0 and 2.0 (IMDSv1, IMDSv2).
        GlobalConditionKey(name: "ec2:RoleDelivery", type: .numeric),
        GlobalConditionKey(name: "ec2:SourceInstanceArn", type: .arn),
        GlobalConditionKey(name: "glue:RoleAssumedBy", type: .string),
        GlobalConditionKey(name: "glue:CredentialIssuingService", type: .string),
        GlobalConditionKey(name: "codebuild:BuildArn", type: .arn),
        GlobalConditionKey(name: "codebuild:ProjectArn", type: .arn),
        GlobalConditionKey(name: "lambda:SourceFunctionArn", type: .arn),
        GlobalConditionKey(name: "ssm:SourceInstanceArn", type: .arn),
        GlobalConditionKey(name: "identitystore:UserId", type: .string),
    ]

    /// "Properties of the network" (#condition-keys-network-properties).
    private static let network: [GlobalConditionKey] = [
        GlobalConditionKey(name: "aws:SourceIp", type: .ipAddress),
        GlobalConditionKey(name: "aws:SourceVpc", type: .string),
        GlobalConditionKey(name: "aws:SourceVpcArn", type: .arn),
        GlobalConditionKey(name: "aws:SourceVpce", type: .string),
        GlobalConditionKey(name: "aws:VpceAccount", type: .string),
        GlobalConditionKey(name: "aws:VpceOrgID", type: .string),
        // "String (list)", "Multivalued".
        GlobalConditionKey(name: "aws:VpceOrgPaths", type: .arrayOfString),
        GlobalConditionKey(name: "aws:VpcSourceIp", type: .ipAddress),
    ]

    /// "Properties of the resource" (#condition-keys-resource-properties).
    private static let resource: [GlobalConditionKey] = [
        GlobalConditionKey(name: "aws:ResourceAccount", type: .string),
        GlobalConditionKey(name: "aws:ResourceOrgID", type: .string),
        // "String (list)", "Multivalued".
        GlobalConditionKey(name: "aws:ResourceOrgPaths", type: .arrayOfString),
        GlobalConditionKey(name: "aws:ResourceTag/${TagKey}", type: .string),
    ]

    /// "Properties of the request" (#condition-keys-request-properties).
    private static let request: [GlobalConditionKey] = [
        // "String (list)", "Multivalued": the ordered chain of services, though policies cannot test the order.
        GlobalConditionKey(name: "aws:CalledVia", type: .arrayOfString),
        GlobalConditionKey(name: "aws:CalledViaFirst", type: .string),
        GlobalConditionKey(name: "aws:CalledViaLast", type: .string),
        GlobalConditionKey(name: "aws:CalledViaAWSMCP", type: .string),
        GlobalConditionKey(name: "aws:ViaAWSService", type: .bool),
        GlobalConditionKey(name: "aws:ViaAWSMCPService", type: .bool),
        GlobalConditionKey(name: "aws:CurrentTime", type: .date),
        // "Date, Numeric": the page names Date first; numeric operators (seconds since 1970) work too.
        GlobalConditionKey(name: "aws:EpochTime", type: .date),
        GlobalConditionKey(name: "aws:referer", type: .string),
        GlobalConditionKey(name: "aws:RequestedRegion", type: .string),
        GlobalConditionKey(name: "aws:RequestTag/${TagKey}", type: .string),
        // "String (list)", "Multivalued".
        GlobalConditionKey(name: "aws:TagKeys", type: .arrayOfString),
        GlobalConditionKey(name: "aws:SecureTransport", type: .bool),
        GlobalConditionKey(name: "aws:SourceAccount", type: .string),
        GlobalConditionKey(name: "aws:SourceArn", type: .arn),
        GlobalConditionKey(name: "aws:SourceOrgID", type: .string),
        // "String (list)", "Multivalued".
        GlobalConditionKey(name: "aws:SourceOrgPaths", type: .arrayOfString),
        GlobalConditionKey(name: "aws:UserAgent", type: .string),
        GlobalConditionKey(name: "aws:IsMcpServiceAction", type: .bool),
    ]

    /// The key `name` matches (case-insensitive as IAM compares key names; `${TagKey}` matches any non-empty
    /// tag key), or nil.
    package static func key(named name: String) -> GlobalConditionKey? {
        let lowered = name.lowercased()
        if let key = byLowercasedName[lowered] { return key }
        for (prefix, key) in tagKeyPrefixes where lowered.hasPrefix(prefix) && lowered.count > prefix.count {
            return key
        }
        return nil
    }

    /// Every key by its lower-cased name, since IAM compares condition key names without case.
    private static let byLowercasedName: [String: GlobalConditionKey] = Dictionary(
        all.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    /// The lower-cased part before `${TagKey}` (`aws:principaltag/`) of each tag key, with its key.
    private static let tagKeyPrefixes: [(prefix: String, key: GlobalConditionKey)] = all.compactMap { key in
        // Only the tag keys' `${TagKey}` has a `$` in a key name.
        guard let open = key.name.firstIndex(of: "$") else { return nil }
        return (prefix: key.name[..<open].lowercased(), key: key)
    }
}
