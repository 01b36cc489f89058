/// Every issue code the policy checker reports, with its finding type and where to read more.
///
/// The codes are IAM Access Analyzer's where it has a check of the same meaning (its "IAM policy
/// validation check reference"), otherwise Parliament's (duo-labs/parliament, `config.yaml` and
/// the community auditors), and `NOTACTION_WITH_ALLOW`, which follows Parliament's
/// `NOTRESOURCE_WITH_ALLOW`. README lists them in one table.
///
/// `TYPE_MISMATCH` is an error here where Access Analyzer calls it a general warning: an operator
/// of the wrong type (`StringEquals` on `aws:CurrentTime`) compares text with a value it never
/// equals as meant, so that part of the policy does not work.
public enum PolicyIssue: String, Sendable, CaseIterable {
    // Errors: part of the policy does nothing.
    case invalidAction = "INVALID_ACTION"
    case invalidServiceInAction = "INVALID_SERVICE_IN_ACTION"
    case missingEffect = "MISSING_EFFECT"
    case invalidEffect = "INVALID_EFFECT"
    case invalidARNPrefix = "INVALID_ARN_PREFIX"
    case missingARNField = "MISSING_ARN_FIELD"
    case invalidPartition = "INVALID_PARTITION"
    case invalidGlobalConditionKey = "INVALID_GLOBAL_CONDITION_KEY"
    case invalidServiceConditionKey = "INVALID_SERVICE_CONDITION_KEY"
    case invalidConditionOperator = "INVALID_CONDITION_OPERATOR"
    case typeMismatch = "TYPE_MISMATCH"
    // Security warnings: more access than the policy likely means.
    case passRoleWithStarInResource = "PASS_ROLE_WITH_STAR_IN_RESOURCE"
    case passRoleWithNotResource = "PASS_ROLE_WITH_NOT_RESOURCE"
    case privilegeEscalation = "PRIVILEGE_ESCALATION"
    case notActionWithAllow = "NOTACTION_WITH_ALLOW"
    case notResourceWithAllow = "NOTRESOURCE_WITH_ALLOW"
    case permissionsManagementActions = "PERMISSIONS_MANAGEMENT_ACTIONS"
    case credentialsExposure = "CREDENTIALS_EXPOSURE"
    // Warnings: it works, against the best practices.
    case resourceStar = "RESOURCE_STAR"
    case missingVersion = "MISSING_VERSION"
    case oldVersion = "OLD_VERSION"
    case uniqueSidsRecommended = "UNIQUE_SIDS_RECOMMENDED"
    // Suggestions: no change in access.
    case redundantAction = "REDUNDANT_ACTION"
    case emptyArrayAction = "EMPTY_ARRAY_ACTION"
    case emptyArrayResource = "EMPTY_ARRAY_RESOURCE"
    case emptyArrayCondition = "EMPTY_ARRAY_CONDITION"

    /// The finding type of this issue.
    public var type: PolicyFinding.FindingType {
        switch self {
        case .invalidAction, .invalidServiceInAction, .missingEffect, .invalidEffect, .invalidARNPrefix,
            .missingARNField,
            .invalidPartition, .invalidGlobalConditionKey, .invalidServiceConditionKey, .invalidConditionOperator,
            .typeMismatch:
            .error
        case .passRoleWithStarInResource, .passRoleWithNotResource, .privilegeEscalation, .notActionWithAllow,
            .notResourceWithAllow,
            .permissionsManagementActions, .credentialsExposure:
            .securityWarning
        case .resourceStar, .missingVersion, .oldVersion, .uniqueSidsRecommended: .warning
        case .redundantAction, .emptyArrayAction, .emptyArrayResource, .emptyArrayCondition: .suggestion
        }
    }

    /// The page that explains the issue: Access Analyzer's check reference for its codes, the IAM
    /// User Guide page on the element otherwise.
    public var learnMoreLink: String {
        let guide = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
        switch self {
        case .privilegeEscalation: return PrivilegeEscalationPaths.source
        case .notActionWithAllow: return guide + "reference_policies_elements_notaction.html"
        case .notResourceWithAllow: return guide + "reference_policies_elements_notresource.html"
        case .permissionsManagementActions:
            return guide + "access_policies_understand-policy-summary-access-level-summaries.html"
        case .credentialsExposure: return guide + "id_credentials_temp_request.html"
        case .resourceStar: return guide + "best-practices.html#grant-least-privilege"
        case .oldVersion: return guide + "reference_policies_elements_version.html"
        default:
            // The reference's anchors are the type and the check's title, which its code spells.
            let title = rawValue.lowercased().split(separator: "_").joined(separator: "-")
            return guide + "access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-"
                + "\(type.anchorWord)-\(title)"
        }
    }
}

extension PolicyFinding.FindingType {
    /// The word Access Analyzer's reference puts before a check's title in its anchors.
    fileprivate var anchorWord: String {
        switch self {
        case .error: "error"
        case .securityWarning: "security-warning"
        case .warning: "general-warning"
        case .suggestion: "suggestion"
        }
    }
}
