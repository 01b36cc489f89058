import LabSite

extension IAMSection {
    /// Korean names of the IAM access levels.
    static let accessLevelNames = [
        "List": "목록", "Read": "읽기", "Write": "쓰기", "Permissions management": "권한 관리", "Tagging": "태그 지정",
    ]

    /// `iam/policies/<file>.html` for a managed policy.
    func policyPath(arn: String) -> String? {
        policyFiles[arn].map { "\(Self.folder)/policies/\($0).html" }
    }

    /// The index page's breadcrumb.
    var indexCrumb: Breadcrumb { Breadcrumb(title: Self.indexTitle, path: Self.indexPath) }

    func policyPage(_ policy: ManagedPolicy) -> GeneratedPage {
        let path = policyPath(arn: policy.arn) ?? "\(Self.folder)/policies/unknown.html"
        var html = "<p class=\"iam-arn\">ARN <code>\(policy.arn.escapedForHTML)</code>"
        if !policy.document.version.isEmpty {
            html += " · Version <code>\(policy.document.version.escapedForHTML)</code>"
        }
        html += "</p>\n"
        let holders = holders(of: policy.arn)
        if !holders.isEmpty {
            html += "<p>이 정책을 연결한 자격 증명: "
            html += holders.map { "<a href=\"\(SitePath.relative(from: path, to: $0.path))\">\($0.title)</a>" }
                .joined(separator: ", ")
            html += "</p>\n"
        }
        html += "<h2 id=\"summary\">정책 요약</h2>\n"
        html += summaryTable(statements: policy.document.statements)
        html += "<h2 id=\"statements\">문(Statement)</h2>\n"
        html += statementsTable(policy.document, anchorPrefix: "")
        return GeneratedPage(
            path: path, title: policy.name,
            summary: "관리형 정책의 문 \(policy.document.statements.count)개를 IAM 콘솔의 정책 요약처럼 풀어 쓴다.",
            html: html,
            headings: [
                Heading(level: 2, id: "summary", title: "정책 요약", line: 0),
                Heading(level: 2, id: "statements", title: "문(Statement)", line: 0),
            ],
            anchors: Set(policy.document.statements.indices.map { "statement-\($0 + 1)" }),
            breadcrumbs: [indexCrumb])
    }

    /// The identities (in any snapshot) that attach a policy, for links back from its page.
    func holders(of arn: String) -> [(title: String, path: String)] {
        var seen: Set<String> = []
        var result: [(String, String)] = []
        for snapshot in snapshots {
            for identity in snapshot.identities where identity.attachedPolicies.contains(where: { $0.arn == arn }) {
                guard seen.insert(identity.key).inserted else { continue }
                result.append(("\(identity.kind.label) \(identity.name.escapedForHTML)", identityPath(identity)))
            }
        }
        return result
    }

    /// One row per statement: Effect, actions (expanded, collapsible), resources and conditions in words.
    /// `anchorPrefix` keeps ids unique when several documents share a page.
    func statementsTable(_ document: PolicyDocument, anchorPrefix: String) -> String {
        var html = "<div class=\"iam-table-wrap\"><table class=\"iam-statements\">\n<thead><tr><th>#</th>"
        html += "<th>효과</th><th>작업</th><th>리소스</th><th>조건</th></tr></thead>\n<tbody>\n"
        for (index, statement) in document.statements.enumerated() {
            let effect = statement.effect == .allow ? "허용" : "거부"
            html +=
                "<tr id=\"\(anchorPrefix)statement-\(index + 1)\" "
                + "class=\"iam-\(statement.effect.rawValue.lowercased())\">"
            html += "<td>\(index + 1)"
            if !statement.sid.isEmpty { html += "<br><code class=\"iam-sid\">\(statement.sid.escapedForHTML)</code>" }
            html +=
                "</td><td><span class=\"iam-effect\">\(effect)</span> <code>\(statement.effect.rawValue)</code></td>"
            html += "<td>\(actionsCell(statement))</td><td>\(resourcesCell(statement))</td>"
            html += "<td>\(conditionsCell(statement))</td></tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    func actionsCell(_ statement: PolicyStatement) -> String {
        var html = ""
        let patterns = statement.usesNotAction ? statement.notActions : statement.actions
        if statement.usesNotAction {
            html += "<p class=\"iam-not\">다음을 <strong>제외한</strong> 모든 작업 (<code>NotAction</code>):</p>"
        }
        html += "<ul class=\"iam-patterns\">"
        var unknownServices: Set<String> = []
        for pattern in patterns {
            html += "<li><code>\(pattern.escapedForHTML)</code>"
            let service = Self.service(of: pattern)
            if pattern == "*" {
                html += " <span class=\"iam-note\">모든 서비스의 모든 작업</span>"
            } else if !catalogue.covers(service: service) {
                unknownServices.insert(service)
            } else if catalogue.expand(pattern).isEmpty {
                html += " <span class=\"iam-flag\">카탈로그에 없는 작업</span>"
            }
            html += "</li>"
        }
        html += "</ul>"
        let covered = expandedActions(statement)
        if !covered.isEmpty {
            let label = statement.usesNotAction ? "제외 목록에 들지 않는 카탈로그 작업" : "카탈로그 작업"
            html += "<details class=\"iam-expanded\"><summary>\(label) \(covered.count)개 펼치기</summary>"
            html += groupedActions(covered) + "</details>"
        }
        if !unknownServices.isEmpty {
            let list = unknownServices.sorted().map { "<code>\($0.escapedForHTML)</code>" }.joined(separator: ", ")
            html += "<p class=\"iam-flag-note\"><span class=\"iam-flag\">카탈로그에 없는 서비스</span> \(list): "
            html += "작업을 펼치지 않고 적힌 그대로 보인다.</p>"
        }
        return html
    }

    /// The catalogue's actions a statement covers (for `NotAction`, the catalogue's actions it does not exclude).
    func expandedActions(_ statement: PolicyStatement) -> [ActionCatalogue.Action] {
        if statement.usesNotAction {
            let excluded = statement.notActions.map { WildcardPattern($0, ignoringCase: true) }
            return catalogue.actionsByService.keys.sorted().flatMap { service in
                (catalogue.actionsByService[service] ?? []).filter { action in
                    !excluded.contains { $0.matches(action.name) }
                }
            }
        }
        var seen: Set<String> = []
        var result: [ActionCatalogue.Action] = []
        for pattern in statement.actions {
            for action in catalogue.expand(pattern) where seen.insert(action.name).inserted {
                result.append(action)
            }
        }
        return result.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// Actions grouped by service, then access level in the console's order.
    func groupedActions(_ actions: [ActionCatalogue.Action]) -> String {
        var html = "<dl class=\"iam-groups\">"
        let services = Dictionary(grouping: actions, by: \.service)
        for service in services.keys.sorted() {
            let name = catalogue.serviceNames[service.lowercased()] ?? service
            html += "<dt>\(name.escapedForHTML) (<code>\(service.escapedForHTML)</code>)</dt>"
            let levels = Dictionary(grouping: services[service] ?? [], by: \.accessLevel)
            for level in Self.orderedLevels(levels.keys) {
                let items = (levels[level] ?? []).map { "<code>\($0.name.escapedForHTML)</code>" }
                html +=
                    "<dd><span class=\"iam-level\">\(Self.levelName(level))</span> \(items.joined(separator: " "))</dd>"
            }
        }
        return html + "</dl>"
    }

    static func orderedLevels(_ levels: some Collection<String>) -> [String] {
        levels.sorted {
            (ActionCatalogue.accessLevels.firstIndex(of: $0) ?? 99, $0)
                < (ActionCatalogue.accessLevels.firstIndex(of: $1) ?? 99, $1)
        }
    }

    static func levelName(_ level: String) -> String {
        (accessLevelNames[level] ?? level).escapedForHTML
    }

    static func service(of pattern: String) -> String {
        pattern.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? pattern
    }

    func resourcesCell(_ statement: PolicyStatement) -> String {
        var html = ""
        if !statement.principals.isEmpty {
            html += "<p>주체(Principal):</p><ul class=\"iam-patterns\">"
            html += statement.principals.map { "<li><code>\($0.escapedForHTML)</code></li>" }.joined()
            html += "</ul>"
        }
        let patterns = statement.usesNotResource ? statement.notResources : statement.resources
        guard !patterns.isEmpty else { return html }
        if statement.usesNotResource {
            html += "<p class=\"iam-not\">다음을 <strong>제외한</strong> 모든 리소스 (<code>NotResource</code>):</p>"
        }
        html += "<ul class=\"iam-patterns\">"
        for pattern in patterns {
            html += "<li><code>\(pattern.escapedForHTML)</code>"
            if pattern == "*" { html += " <span class=\"iam-note\">모든 리소스</span>" }
            html += "</li>"
        }
        return html + "</ul>"
    }

    func conditionsCell(_ statement: PolicyStatement) -> String {
        guard !statement.conditions.isEmpty else { return "<span class=\"iam-note\">없음</span>" }
        var html = "<ul class=\"iam-conditions\">"
        for clause in statement.conditions {
            html += "<li>\(clause.sentence.escapedForHTML) <code>\(clause.operation.escapedForHTML)</code></li>"
        }
        return html + "</ul>"
    }

    /// The IAM console's summary: per effect and service, the access levels granted (full or partial),
    /// the resources and whether a condition applies.
    func summaryTable(statements: [PolicyStatement]) -> String {
        struct Row {
            var actions: Set<String> = []
            var resources: [String] = []
            var allResources = false
            var conditional = false
            var patterns: [String] = []
        }
        var rows: [String: Row] = [:]  // "Allow|s3"
        for statement in statements {
            var services: [String: [String]] = [:]
            for action in expandedActions(statement) {
                services[action.service.lowercased(), default: []].append(action.name)
            }
            for pattern in statement.actions {
                let service = Self.service(of: pattern).lowercased()
                let key = pattern == "*" || WildcardPattern(service).hasWildcards ? "*" : service
                if services[key] == nil { services[key] = [] }
            }
            if statement.usesNotAction && services["*"] == nil { services["*"] = [] }
            for (service, names) in services {
                let key = "\(statement.effect.rawValue)|\(service)"
                var row = rows[key] ?? Row()
                row.actions.formUnion(names)
                if !statement.usesNotAction {
                    row.patterns += statement.actions.filter {
                        Self.service(of: $0).lowercased() == service.lowercased()
                    }
                }
                if !statement.usesNotResource && statement.resources.contains("*") {
                    row.allResources = true
                } else {
                    row.resources +=
                        statement.usesNotResource
                        ? statement.notResources.map { "제외: " + $0 } : statement.resources
                }
                row.conditional = row.conditional || !statement.conditions.isEmpty
                rows[key] = row
            }
        }
        var html = "<div class=\"iam-table-wrap\"><table class=\"iam-summary\">\n<thead><tr><th>효과</th><th>서비스</th>"
        html += "<th>액세스 수준</th><th>리소스</th><th>요청 조건</th></tr></thead>\n<tbody>\n"
        let keys = rows.keys.sorted { lhs, rhs in
            let l = lhs.split(separator: "|", maxSplits: 1).map(String.init)
            let r = rhs.split(separator: "|", maxSplits: 1).map(String.init)
            return (l[0] == "Allow" ? 0 : 1, l[1] == "*" ? "~" : l[1]) < (
                r[0] == "Allow" ? 0 : 1, r[1] == "*" ? "~" : r[1]
            )
        }
        for key in keys {
            guard let row = rows[key] else { continue }
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            let effect = parts[0] == "Allow" ? "허용" : "거부"
            let service = parts[1]
            html += "<tr class=\"iam-\(parts[0].lowercased())\"><td>\(effect)</td>"
            if service == "*" {
                html += "<td>카탈로그 밖의 서비스</td><td><span class=\"iam-flag\">카탈로그에 없음</span> "
                html += "와일드카드나 <code>NotAction</code>이 카탈로그가 다루지 않는 서비스에도 적용된다.</td>"
            } else if let all = catalogue.actionsByService[service.lowercased()] {
                let name = catalogue.serviceNames[service.lowercased()] ?? service
                html += "<td>\(name.escapedForHTML) (<code>\(service.escapedForHTML)</code>)</td><td>"
                html += levelSummary(granted: row.actions, all: all) + "</td>"
            } else {
                html +=
                    "<td><code>\(service.escapedForHTML)</code></td><td><span class=\"iam-flag\">카탈로그에 없는 서비스</span> "
                html += row.patterns.map { "<code>\($0.escapedForHTML)</code>" }.joined(separator: " ") + "</td>"
            }
            html += "<td>"
            if row.allResources && row.resources.isEmpty {
                html += "모든 리소스"
            } else if row.allResources {
                // Like the console's "Multiple": some actions on every resource, others on these only.
                html += "작업마다 다름: 모든 리소스, 일부 작업은 "
                html += Array(Set(row.resources)).sorted().map { "<code>\($0.escapedForHTML)</code>" }
                    .joined(separator: " ")
            } else {
                let unique = Array(Set(row.resources)).sorted()
                html += "일부 리소스: " + unique.map { "<code>\($0.escapedForHTML)</code>" }.joined(separator: " ")
            }
            html += "</td><td>\(row.conditional ? "있음" : "없음")</td></tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    /// `전체: 목록, 읽기 · 일부: 쓰기 (3/51)` for one service.
    func levelSummary(granted: Set<String>, all: [ActionCatalogue.Action]) -> String {
        let levels = Dictionary(grouping: all, by: \.accessLevel)
        if !all.isEmpty && all.allSatisfy({ granted.contains($0.name) }) {
            return "<strong>전체 액세스</strong>"
        }
        var parts: [String] = []
        for level in Self.orderedLevels(levels.keys) {
            let total = levels[level]?.count ?? 0
            let count = levels[level]?.filter { granted.contains($0.name) }.count ?? 0
            guard count > 0 else { continue }
            let scope = count == total ? "전체" : "일부 \(count)/\(total)"
            parts.append("\(Self.levelName(level)) (\(scope))")
        }
        return parts.isEmpty ? "<span class=\"iam-note\">카탈로그 작업 없음</span>" : "제한: " + parts.joined(separator: ", ")
    }
}
