import LabSite

/// Managed policy pages through `partials/iam-policy.mustache`, and the statement and summary
/// tables (`partials/iam-statements.mustache`, `partials/iam-summary.mustache`) that identity
/// pages show too.
extension IAMSection {
    /// The most services a statement's expanded actions are listed for; beyond, only counted.
    static let listedServiceLimit = 20

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

    func policyPage(_ policy: ManagedPolicy) throws -> GeneratedPage {
        let path = policyPath(arn: policy.arn) ?? "\(Self.folder)/policies/unknown.html"
        let source = sourceLines(of: policy.document, path: policy.sourcePath)
        return GeneratedPage(
            path: path, title: policy.name,
            summary: "관리형 정책의 문 \(policy.document.statements.count)개를 IAM 콘솔의 정책 요약처럼 풀어 쓴다.",
            html: try templates.render(
                "partials/iam-policy", with: IAMPageContext(section: self, page: .policy(policy))),
            headings: [
                Heading(level: 2, id: "summary", title: "정책 요약", line: 0),
                Heading(level: 2, id: "statements", title: "문(Statement)", line: 0),
                Heading(level: 2, id: "review", title: "검토 결과", line: 0),
            ]
                + (source == nil ? [] : [Heading(level: 2, id: "source", title: "원본 JSON", line: 0)]),
            anchors: Set(policy.document.statements.indices.map { "statement-\($0 + 1)" }).union(
                source.map { first, lines in lines.indices.map { "source-L\(first + $0)" } } ?? []),
            breadcrumbs: [indexCrumb])
    }

    /// The variables of `partials/iam-policy.mustache` for `policy`, whose page is at `path`.
    func writePolicyPage<Sink: TemplateValueSink>(_ policy: ManagedPolicy, path: String, to sink: inout Sink) {
        sink.set("arn", text: policy.arn)
        sink.set("version", nonEmpty: policy.document.version)
        let holders = holders(of: policy.arn)
        sink.set("hasHolders", flag: !holders.isEmpty)
        sink.set("holders", objects: holders.count) { index, holder in
            holder.set("first", flag: index == 0)
            holder.set("url", text: SitePath.relative(from: path, to: holders[index].path))
            holder.set("kind", text: holders[index].kind)
            holder.set("name", text: holders[index].name)
        }
        writeSummary(statements: policy.document.statements, to: &sink)
        writeStatements(policy.document, anchorPrefix: "", to: &sink)
        writeReview(policy.document, path: policy.sourcePath, linesOnPage: true, to: &sink)
        writeSource(policy.document, path: policy.sourcePath, to: &sink)
    }

    /// The identities (in any snapshot) that attach a policy, for links back from its page.
    func holders(of arn: String) -> [(kind: String, name: String, path: String)] {
        var seen: Set<String> = []
        var result: [(String, String, String)] = []
        for snapshot in snapshots {
            for identity in snapshot.identities where identity.attachedPolicies.contains(where: { $0.arn == arn }) {
                guard seen.insert(identity.key).inserted else { continue }
                result.append((identity.kind.label, identity.name, identityPath(identity)))
            }
        }
        return result
    }

    /// `statements` of `partials/iam-statements.mustache`: per statement its Effect, actions
    /// (expanded, collapsible), resources and conditions in words. `anchorPrefix` keeps ids unique
    /// when several documents share a page.
    func writeStatements<Sink: TemplateValueSink>(
        _ document: PolicyDocument, anchorPrefix: String, to sink: inout Sink
    ) {
        let statements = document.statements
        sink.set("statements", objects: statements.count) { index, item in
            let statement = statements[index]
            item.set("id", text: "\(anchorPrefix)statement-\(index + 1)")
            item.set("effectClass", text: statement.effect.rawValue.lowercased())
            item.set("number", text: String(index + 1))
            item.set("sid", nonEmpty: statement.sid)
            item.set("effectName", text: statement.effect == .allow ? "허용" : "거부")
            item.set("effect", text: statement.effect.rawValue)
            writeActions(of: statement, to: &item)
            writeResources(of: statement, to: &item)
            let conditions = statement.conditions
            item.set("hasConditions", flag: !conditions.isEmpty)
            item.set("conditions", objects: conditions.count) { position, condition in
                condition.set("sentence", text: conditions[position].sentence)
                condition.set("operation", text: conditions[position].operation)
            }
        }
    }

    /// A statement's action patterns, the catalogue's actions they cover and the services the
    /// catalogue does not know.
    private func writeActions<Sink: TemplateValueSink>(of statement: PolicyStatement, to sink: inout Sink) {
        let patterns = statement.usesNotAction ? statement.notActions : statement.actions
        sink.set("notAction", flag: statement.usesNotAction)
        var unknownServices: Set<String> = []
        var unknownActions: [Bool] = []
        for pattern in patterns {
            let service = Self.service(of: pattern)
            if pattern == "*" {
                unknownActions.append(false)
            } else if !catalogue.covers(service: service) {
                unknownServices.insert(service)
                unknownActions.append(false)
            } else {
                unknownActions.append(catalogue.expand(pattern).isEmpty)
            }
        }
        sink.set("actionPatterns", objects: patterns.count) { index, item in
            item.set("pattern", text: patterns[index])
            item.set("everyAction", flag: patterns[index] == "*")
            item.set("unknownAction", flag: unknownActions[index])
        }
        let covered = expandedActions(statement)
        let coveredServices = Set(covered.map { $0.service.lowercased() }).count
        if coveredServices > Self.listedServiceLimit {
            // `*` or a NotAction reaches hundreds of services: a list of them all helps nobody.
            sink.set("expandedSummary") { summary in
                summary.set("actionCount", text: String(covered.count))
                summary.set("serviceCount", text: String(coveredServices))
            }
        } else if !covered.isEmpty {
            sink.set("expanded") { expanded in
                expanded.set("actionCount", text: String(covered.count))
                writeGroupedActions(covered, to: &expanded)
            }
        }
        let unknown = unknownServices.sorted()
        sink.set("hasUnknownServices", flag: !unknown.isEmpty)
        sink.set("unknownServices", objects: unknown.count) { index, item in
            item.set("first", flag: index == 0)
            item.set("service", text: unknown[index])
        }
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

    /// `services`: actions grouped by service, then access level in the console's order.
    private func writeGroupedActions<Sink: TemplateValueSink>(
        _ actions: [ActionCatalogue.Action], to sink: inout Sink
    ) {
        let services = Dictionary(grouping: actions, by: \.service)
        let names = services.keys.sorted()
        sink.set("services", objects: names.count) { index, item in
            let service = names[index]
            item.set("serviceName", text: catalogue.serviceNames[service.lowercased()] ?? service)
            item.set("service", text: service)
            let levels = Dictionary(grouping: services[service] ?? [], by: \.accessLevel)
            let ordered = Self.orderedLevels(levels.keys)
            item.set("levels", objects: ordered.count) { position, level in
                level.set("level", text: Self.levelName(ordered[position]))
                let members = levels[ordered[position]] ?? []
                level.set("actions", objects: members.count) { number, action in
                    action.set("first", flag: number == 0)
                    action.set("action", text: members[number].name)
                }
            }
        }
    }

    static func orderedLevels(_ levels: some Collection<String>) -> [String] {
        levels.sorted {
            (ActionCatalogue.accessLevels.firstIndex(of: $0) ?? 99, $0)
                < (ActionCatalogue.accessLevels.firstIndex(of: $1) ?? 99, $1)
        }
    }

    /// An access level's Korean name.
    static func levelName(_ level: String) -> String {
        accessLevelNames[level] ?? level
    }

    static func service(of pattern: String) -> String {
        pattern.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? pattern
    }

    /// A statement's principals and resource patterns.
    private func writeResources<Sink: TemplateValueSink>(of statement: PolicyStatement, to sink: inout Sink) {
        let principals = statement.principals
        sink.set("hasPrincipals", flag: !principals.isEmpty)
        sink.set("principals", objects: principals.count) { index, item in
            item.set("principal", text: principals[index])
        }
        let patterns = statement.usesNotResource ? statement.notResources : statement.resources
        sink.set("hasResources", flag: !patterns.isEmpty)
        sink.set("notResource", flag: statement.usesNotResource)
        sink.set("resources", objects: patterns.count) { index, item in
            item.set("resource", text: patterns[index])
            item.set("everyResource", flag: patterns[index] == "*")
        }
    }

    /// One row of the policy summary: what one effect grants on one service.
    struct SummaryRow {
        var actions: Set<String> = []
        var resources: [String] = []
        var allResources = false
        var conditional = false
        var patterns: [String] = []
    }

    /// The IAM console's summary: per effect and service, the actions granted, the resources and
    /// whether a condition applies, Allow before Deny and services by name (`*` last).
    func summaryRows(statements: [PolicyStatement]) -> [(effect: String, service: String, row: SummaryRow)] {
        var rows: [String: SummaryRow] = [:]  // "Allow|s3"
        for statement in statements {
            // One row per service a pattern names; `*`, a wildcard service and NotAction reach
            // every service, which the console summarises in one row too.
            var services: [String: [String]] = [:]
            for pattern in statement.usesNotAction ? [] : statement.actions {
                let service = Self.service(of: pattern).lowercased()
                if pattern == "*" || WildcardPattern(service).hasWildcards {
                    if services["*"] == nil { services["*"] = [] }
                } else {
                    services[service, default: []] += catalogue.expand(pattern).map(\.name)
                }
            }
            if statement.usesNotAction && services["*"] == nil { services["*"] = [] }
            for (service, names) in services {
                let key = "\(statement.effect.rawValue)|\(service)"
                var row = rows[key] ?? SummaryRow()
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
        let keys = rows.keys.sorted { lhs, rhs in
            let l = lhs.split(separator: "|", maxSplits: 1).map(String.init)
            let r = rhs.split(separator: "|", maxSplits: 1).map(String.init)
            return (l[0] == "Allow" ? 0 : 1, l[1] == "*" ? "~" : l[1]) < (
                r[0] == "Allow" ? 0 : 1, r[1] == "*" ? "~" : r[1]
            )
        }
        return keys.compactMap { key in
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            return rows[key].map { (parts.first ?? "", parts.last ?? "", $0) }
        }
    }

    /// `summaryRows` of `partials/iam-summary.mustache`: ``summaryRows(statements:)`` with each
    /// service's access levels.
    func writeSummary<Sink: TemplateValueSink>(statements: [PolicyStatement], to sink: inout Sink) {
        let rows = summaryRows(statements: statements)
        sink.set("summaryRows", objects: rows.count) { index, item in
            let (effect, service, row) = rows[index]
            item.set("effectClass", text: effect.lowercased())
            item.set("effectName", text: effect == "Allow" ? "허용" : "거부")
            if service == "*" {
                item.set("outsideCatalogue", flag: true)
            } else if let all = catalogue.actionsByService[service.lowercased()] {
                item.set("catalogued") { catalogued in
                    catalogued.set("serviceName", text: catalogue.serviceNames[service.lowercased()] ?? service)
                    catalogued.set("service", text: service)
                    writeLevelSummary(granted: row.actions, all: all, to: &catalogued)
                }
            } else {
                item.set("uncatalogued") { uncatalogued in
                    uncatalogued.set("service", text: service)
                    uncatalogued.set("patterns", objects: row.patterns.count) { position, pattern in
                        pattern.set("first", flag: position == 0)
                        pattern.set("pattern", text: row.patterns[position])
                    }
                }
            }
            // Like the console's "Multiple": some actions on every resource, others on these only.
            item.set("allResources", flag: row.allResources && row.resources.isEmpty)
            item.set("mixedResources", flag: row.allResources && !row.resources.isEmpty)
            item.set("someResources", flag: !row.allResources)
            let resources = Array(Set(row.resources)).sorted()
            item.set("resourceList", objects: resources.count) { position, resource in
                resource.set("first", flag: position == 0)
                resource.set("resource", text: resources[position])
            }
            item.set("conditional", flag: row.conditional)
        }
    }

    /// `전체: 목록, 읽기 · 일부: 쓰기 (3/51)` for one service: `fullAccess`, `noCatalogueActions`, or
    /// `hasLevels` and `levels` (`level`, `all`, `granted`, `total`).
    private func writeLevelSummary<Sink: TemplateValueSink>(
        granted: Set<String>, all: [ActionCatalogue.Action], to sink: inout Sink
    ) {
        if !all.isEmpty && all.allSatisfy({ granted.contains($0.name) }) {
            return sink.set("fullAccess", flag: true)
        }
        let levels = Dictionary(grouping: all, by: \.accessLevel)
        let parts: [(level: String, count: Int, total: Int)] = Self.orderedLevels(levels.keys).compactMap { level in
            let members = levels[level] ?? []
            let count = members.filter { granted.contains($0.name) }.count
            return count > 0 ? (level, count, members.count) : nil
        }
        sink.set("noCatalogueActions", flag: parts.isEmpty)
        sink.set("hasLevels", flag: !parts.isEmpty)
        sink.set("levels", objects: parts.count) { index, item in
            item.set("first", flag: index == 0)
            item.set("level", text: Self.levelName(parts[index].level))
            item.set("all", flag: parts[index].count == parts[index].total)
            item.set("granted", text: String(parts[index].count))
            item.set("total", text: String(parts[index].total))
        }
    }
}
