import LabSite

/// Checks of `Resource` and `NotResource`: the shape of each ARN, `"Resource": "*"` where the
/// actions could name their resources, and `iam:PassRole` on any role.
extension PolicyChecker {
    /// The partitions ARNs may name.
    static let partitions: Set<String> = [
        "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
    ]

    /// `INVALID_ARN_PREFIX`, `MISSING_ARN_FIELD`, `INVALID_PARTITION`, `RESOURCE_STAR`,
    /// `PASS_ROLE_WITH_STAR_IN_RESOURCE` and `PASS_ROLE_WITH_NOT_RESOURCE`.
    func checkResources(of statement: Statement, into findings: inout [PolicyFinding]) {
        for entry in statement.resources + statement.notResources where entry.text != "*" {
            checkARN(entry, into: &findings)
        }
        guard statement.isAllow else { return }
        let passRole = grants("iam:PassRole", statement)
        if passRole, let star = statement.resources.first(where: { $0.text.contains("*") }) {
            findings.append(
                PolicyFinding(
                    .passRoleWithStarInResource,
                    message: "iam:PassRole을 와일드카드 리소스 \(star.text)에 허용하면 이 자격 증명이 계정의 여러 역할을 "
                        + "서비스에 넘길 수 있습니다. 넘길 역할의 ARN을 적거나 iam:PassedToService 조건을 더하세요.",
                    path: star.path, span: star.span))
        }
        if passRole, let element = statement.resourceElement, !statement.notResources.isEmpty {
            findings.append(
                PolicyFinding(
                    .passRoleWithNotResource,
                    message: "iam:PassRole을 NotResource와 함께 허용하면 적지 않은 모든 역할을 넘길 수 있습니다. "
                        + "넘길 역할의 ARN을 Resource에 적으세요.",
                    path: element.path, span: element.span))
        }
        // `"Action": "*"` is full administrator access on purpose; the access checks speak of it.
        guard let star = statement.resources.first(where: { $0.text == "*" }),
            !statement.actions.contains(where: { $0.text == "*" })
        else { return }
        var scoped: [String] = []
        var seen: Set<Int> = []
        for entry in statement.actions {
            for action in entry.expansion.map({ catalogue.allActions[$0] })
            where action.supportsResourceLevelPermissions {
                if seen.insert(action.id).inserted { scoped.append(action.name) }
            }
        }
        guard !scoped.isEmpty else { return }
        findings.append(
            PolicyFinding(
                .resourceStar,
                message: "\"Resource\": \"*\"로 모든 리소스에 허용하지만, 리소스 ARN을 지정할 수 있는 작업입니다: "
                    + "\(Self.list(scoped)). 실습에 필요한 리소스의 ARN만 적으면 최소 권한이 됩니다.",
                path: star.path, span: star.span))
    }

    /// Whether the statement's `Action` (or `NotAction`) covers the catalogue's `action`.
    func grants(_ action: String, _ statement: Statement) -> Bool {
        guard let id = catalogue.action(named: action)?.id else { return false }
        if !statement.notActions.isEmpty {
            return !statement.notActions.contains { $0.expansion.contains(id) }
        }
        return statement.actions.contains { $0.expansion.contains(id) }
    }

    /// The shape of one ARN: `arn:partition:service:region:account:resource`.
    private func checkARN(_ entry: Entry, into findings: inout [PolicyFinding]) {
        let fields = entry.text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields[0] == "arn" || WildcardPattern(String(fields[0])).hasWildcards && fields.count > 1 else {
            findings.append(
                PolicyFinding(
                    .invalidARNPrefix,
                    message: "arn:으로 시작하지 않는 리소스입니다: \(entry.text). "
                        + "arn:파티션:서비스:리전:계정:리소스 꼴의 ARN이나 \"*\"를 적으세요.",
                    path: entry.path, span: entry.span))
            return
        }
        guard fields.count == 6 else {
            findings.append(
                PolicyFinding(
                    .missingARNField,
                    message: "리소스 ARN \(entry.text)의 필드가 \(fields.count)개뿐입니다. ARN은 "
                        + "arn:파티션:서비스:리전:계정:리소스의 6개 필드가 있어야 합니다(리전·계정은 비워 둘 수 있음).",
                    path: entry.path, span: entry.span))
            return
        }
        let partition = String(fields[1])
        if !WildcardPattern(partition).hasWildcards && !partition.hasPrefix("${")
            && !Self.partitions.contains(partition)
        {
            findings.append(
                PolicyFinding(
                    .invalidPartition,
                    message: "리소스 ARN \(entry.text)에 없는 파티션을 적었습니다: \(partition). "
                        + "보통은 aws입니다(중국 리전은 aws-cn, GovCloud는 aws-us-gov).",
                    path: entry.path, span: entry.span))
        }
    }
}
