import LabSite

/// Checks of what a policy grants: `NotAction` or `NotResource` with `Allow`, permissions
/// management on every resource, actions that hand out credentials, and the published
/// privilege-escalation paths.
extension PolicyChecker {
    /// The catalogue's actions a statement covers: its `Action` patterns expanded, or for
    /// `NotAction` every action the list leaves out.
    func coveredActions(_ statement: Statement) -> [Int] {
        if !statement.notActions.isEmpty {
            let excluded = Set(statement.notActions.flatMap(\.expansion))
            return catalogue.allActions.indices.filter { !excluded.contains($0) }
        }
        if statement.actions.count == 1, let only = statement.actions.first { return only.expansion }
        var seen: Set<Int> = []
        return statement.actions.flatMap(\.expansion).filter { seen.insert($0).inserted }
    }

    /// `NOTACTION_WITH_ALLOW`, `NOTRESOURCE_WITH_ALLOW`, `PERMISSIONS_MANAGEMENT_ACTIONS` and
    /// `CREDENTIALS_EXPOSURE` for one statement.
    func checkStatementAccess(_ statement: Statement, into findings: inout [PolicyFinding]) {
        // A trust policy's `sts:AssumeRole` is how a role is meant to be used, not a leak.
        guard statement.isAllow && !statement.hasPrincipal else { return }
        if !statement.notActions.isEmpty, let element = statement.actionElement {
            findings.append(
                PolicyFinding(
                    .notActionWithAllow,
                    message: "Allow와 NotAction을 함께 쓰면 목록에 없는 모든 작업이 허용되고, AWS가 새 서비스나 작업을 "
                        + "추가할 때마다 허용 범위가 저절로 넓어집니다. 허용할 작업을 Action에 적으세요.",
                    path: element.path, span: element.span))
        }
        if !statement.notResources.isEmpty, let element = statement.resourceElement {
            findings.append(
                PolicyFinding(
                    .notResourceWithAllow,
                    message: "Allow와 NotResource를 함께 쓰면 목록에 없는 모든 리소스(앞으로 만들 리소스도)에 허용됩니다. "
                        + "허용할 리소스를 Resource에 적으세요.",
                    path: element.path, span: element.span))
        }
        guard let element = statement.actionElement else { return }
        let covered = coveredActions(statement)
        let everyResource = statement.resources.contains { $0.text == "*" } || !statement.notResources.isEmpty
        let management = covered.map { catalogue.allActions[$0] }.filter { $0.accessLevel == "Permissions management" }
            .map(\.name)
        if everyResource && !management.isEmpty {
            findings.append(
                PolicyFinding(
                    .permissionsManagementActions,
                    message: "권한 관리 작업 \(management.count)개(\(Self.list(management)))를 모든 리소스에 허용합니다. "
                        + "이 작업들은 IAM 정책이나 리소스 정책을 바꿔 권한을 넓힐 수 있으니 리소스를 좁히세요.",
                    path: element.path, span: element.span))
        }
        let credentials = covered.filter(credentialIDs.contains).map { catalogue.allActions[$0].name }
        if !credentials.isEmpty {
            findings.append(
                PolicyFinding(
                    .credentialsExposure,
                    message: "응답에 자격 증명(액세스 키, 토큰, 암호)을 돌려주는 작업을 허용합니다: "
                        + "\(Self.list(credentials)). 꼭 필요한 자격 증명에만 허용하세요.",
                    path: element.path, span: element.span))
        }
    }

    /// `PRIVILEGE_ESCALATION`: the policy allows every action of a published escalation path.
    func checkPrivilegeEscalation(_ statements: [Statement], into findings: inout [PolicyFinding]) {
        // Only the actions of escalation paths are followed, by id.
        var denied: Set<Int> = []
        for statement in statements where !statement.isAllow && !statement.hasCondition {
            guard statement.resources.contains(where: { $0.text == "*" }) else { continue }
            denied.formUnion(coveredActions(statement).lazy.filter(escalationIDs.contains))
        }
        var allowed: [Int: Entry] = [:]  // action id → the entry granting it first
        var selfOnly: [Int: Bool] = [:]  // action id → granted only on the caller's own user
        for statement in statements where statement.isAllow && !statement.hasPrincipal {
            guard let element = statement.actionElement else { continue }
            let ownUserOnly =
                !statement.resources.isEmpty && statement.resources.allSatisfy { $0.text.contains("${aws:username}") }
            // Each action is credited to the first entry granting it (the whole element for NotAction).
            let granting: [(Entry, [Int])] =
                statement.notActions.isEmpty
                ? statement.actions.map { ($0, $0.expansion) } : [(element, coveredActions(statement))]
            for (entry, actions) in granting {
                for id in actions where escalationIDs.contains(id) && !denied.contains(id) {
                    if allowed[id] == nil { allowed[id] = entry }
                    selfOnly[id] = (selfOnly[id] ?? true) && ownUserOnly
                }
            }
        }
        // Keys and passwords for one's own user raise nothing; for other users they do.
        let harmlessOnSelf = Set(
            ["iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile"].compactMap {
                catalogue.action(named: $0)?.id
            })
        for path in PrivilegeEscalationPaths.all {
            let ids = path.actions.compactMap { catalogue.action(named: $0)?.id }
            guard ids.count == path.actions.count, ids.allSatisfy({ allowed[$0] != nil }),
                !ids.contains(where: { harmlessOnSelf.contains($0) && selfOnly[$0] == true }),
                let entry = ids.first.flatMap({ allowed[$0] })
            else { continue }
            findings.append(
                PolicyFinding(
                    .privilegeEscalation,
                    message: "권한 상승 경로 \(path.number)(\(path.actions.joined(separator: " + "))): \(path.summaryKorean)",
                    path: entry.path, span: entry.span))
        }
    }
}
