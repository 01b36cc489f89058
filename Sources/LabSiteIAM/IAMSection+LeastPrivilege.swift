import LabSite

/// "이 실습에 필요한 최소 권한": for each identity that made calls, the policy the lab needed
/// (`partials/iam-least-privilege.mustache`), on its identity page and through the
/// `iam-least-privilege` directive, next to what its attached policies grant beyond it.
extension IAMSection {
    /// Whether there are identities whose least privilege the calls decide.
    public var needsObservedCalls: Bool { !snapshots.isEmpty }

    /// The section given the calls every section observed.
    public func linked(with calls: [ObservedCall]) -> IAMSection {
        var section = self
        section.calls = calls
        return section
    }

    /// The identity's least privilege, from the calls and `matrix.yml`; `nil` when it did nothing.
    func leastPrivilege(for identity: IAMIdentity) -> LeastPrivilege? {
        LeastPrivilege.derive(for: identity, calls: calls, requests: requests, catalogue: catalogue)
    }

    /// The identity as the last snapshot that has it shows it.
    func latest(_ identity: IAMIdentity) -> (identity: IAMIdentity, snapshot: AccountSnapshot)? {
        for snapshot in snapshots.reversed() {
            if let current = snapshot.identity(identity.kind, named: identity.name) { return (current, snapshot) }
        }
        return nil
    }

    /// The variables of `partials/iam-least-privilege.mustache` for a page at `page`.
    func writeLeastPrivilege<Sink: TemplateValueSink>(
        _ least: LeastPrivilege, from page: String, to sink: inout Sink
    ) {
        sink.set("kind", text: least.identity.kind.label)
        sink.set("name", text: least.identity.name)
        sink.set("identityURL", text: SitePath.relative(from: page, to: identityPath(least.identity)))
        sink.set("needs", objects: least.needs.count) { index, item in
            let need = least.needs[index]
            item.set("action", text: need.action)
            item.set("resources", objects: need.resources.count) { position, resource in
                resource.set("first", flag: position == 0)
                resource.set("resource", text: need.resources[position])
            }
            let seenInTrail = need.evidence.contains {
                if case .call = $0 { return true }
                return false
            }
            item.set("evidence", objects: need.evidence.count) { position, entry in
                entry.set("first", flag: position == 0)
                switch need.evidence[position] {
                case .call(let source, let name, let target, let failed):
                    entry.set("call") { call in
                        call.set("event", text: "\(source.prefix { $0 != "." }):\(name)")
                        call.set("url", nonEmpty: target.map { SitePath.relative(from: page, to: $0) } ?? "")
                        call.set("failed", flag: failed)
                    }
                case .declared(let step, let note):
                    entry.set("declared") { declared in
                        declared.set("step", nonEmpty: step.map(String.init) ?? "")
                        if let step, let labPage {
                            declared.set("stepURL", text: SitePath.relative(from: page, to: labPage) + "#step-\(step)")
                        }
                        declared.set("note", nonEmpty: note ?? "")
                        declared.set("notInTrail", flag: !seenInTrail)
                    }
                }
            }
        }
        sink.set("hasMappings", flag: !least.mappings.isEmpty)
        sink.set("mappings", objects: least.mappings.count) { index, item in
            let mapping = least.mappings[index]
            item.set("event", text: "\(mapping.eventSource) \(mapping.eventName)")
            item.set("actions", objects: mapping.actions.count) { position, action in
                action.set("first", flag: position == 0)
                action.set("action", text: mapping.actions[position])
            }
            item.set("note", text: mapping.note)
            item.set("source", text: mapping.source)
        }
        sink.set("hasUnmapped", flag: !least.unmapped.isEmpty)
        sink.set("unmapped", objects: least.unmapped.count) { index, item in
            item.set("first", flag: index == 0)
            item.set("event", text: least.unmapped[index])
        }
        sink.set("policyText", text: least.policyText)
        sink.set("reviewCounts", text: Self.countsText(least.findings) ?? "찾은 문제 없음")
        let findings = least.findings
        sink.set("hasFindings", flag: !findings.isEmpty)
        sink.set("findings", objects: findings.count) { index, item in
            item.set("typeName", text: findings[index].type.koreanName)
            item.set("code", text: findings[index].issue.rawValue)
            item.set("message", text: findings[index].message)
        }
        writeBeyond(least, from: page, to: &sink)
    }

    /// `beyond`: per policy attached to the identity, the actions it grants that the lab did not need.
    private func writeBeyond<Sink: TemplateValueSink>(_ least: LeastPrivilege, from page: String, to sink: inout Sink) {
        guard let (current, snapshot) = latest(least.identity) else { return }
        let needed = Set(least.needs.map { $0.action.lowercased() })
        let rows: [(name: String, url: String?, granted: Int, extra: [ActionCatalogue.Action])] =
            effectivePolicies(of: current, in: snapshot).map { policy in
                var granted: [String: ActionCatalogue.Action] = [:]
                for statement in policy.document.statements where statement.effect == .allow {
                    for action in expandedActions(statement) { granted[action.name.lowercased()] = action }
                }
                let extra = granted.filter { !needed.contains($0.key) }.values.sorted {
                    $0.name.lowercased() < $1.name.lowercased()
                }
                let url = policyTarget(policy, snapshot: snapshot).map { SitePath.relative(from: page, to: $0) }
                return (policy.name, url, granted.count, extra)
            }
        sink.set("snapshotTitle", text: snapshot.title)
        sink.set("hasBeyond", flag: !rows.isEmpty)
        sink.set("beyond", objects: rows.count) { index, item in
            let row = rows[index]
            item.set("name", text: row.name)
            item.set("url", nonEmpty: row.url ?? "")
            item.set("granted", text: String(row.granted))
            item.set("extraCount", text: String(row.extra.count))
            let levels = Dictionary(grouping: row.extra, by: \.accessLevel)
            let ordered = Self.orderedLevels(levels.keys)
            item.set("hasLevels", flag: !ordered.isEmpty)
            item.set("levels", objects: ordered.count) { position, level in
                level.set("first", flag: position == 0)
                level.set("level", text: Self.levelName(ordered[position]))
                level.set("count", text: String(levels[ordered[position]]?.count ?? 0))
            }
            let management = row.extra.filter { $0.accessLevel == "Permissions management" }.map(\.name)
            item.set("management", nonEmpty: management.isEmpty ? "" : PolicyChecker.list(management, limit: 5))
        }
    }

    /// The `iam-least-privilege` directive: ```` ```iam-least-privilege lab-user ```` shows the
    /// identity's least privilege on a lab page.
    func renderLeastPrivilegeDirective(_ invocation: DirectiveInvocation) throws -> String {
        guard invocation.arguments.count == 1, let name = invocation.arguments.first else {
            throw MarkdownError(
                path: invocation.path, line: invocation.line,
                reason: "The iam-least-privilege block names no identity; write ```iam-least-privilege lab-user.")
        }
        guard let identity = allIdentities.first(where: { $0.name == name || $0.key == name }) else {
            let known = allIdentities.map(\.key).joined(separator: ", ")
            throw MarkdownError(
                path: invocation.path, line: invocation.line,
                reason: "The iam-least-privilege block names the identity \"\(name)\", which no account file under "
                    + "content/\(Self.folder)/ lists (known: \(known.isEmpty ? "none" : known)).")
        }
        guard let least = leastPrivilege(for: identity) else {
            throw MarkdownError(
                path: invocation.path, line: invocation.line,
                reason: "The iam-least-privilege block names \(identity.key), which made no call in the trail "
                    + "and no request with `by: \(identity.name)` in content/\(Self.folder)/matrix.yml.")
        }
        return try templates.render(
            "partials/iam-least-privilege-card",
            with: IAMPageContext(section: self, page: .leastPrivilege(least, from: invocation.pagePath)))
    }
}
