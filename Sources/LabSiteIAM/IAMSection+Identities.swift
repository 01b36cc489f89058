import LabSite

extension IAMSection {
    /// `iam/users/lab-user.html`.
    func identityPath(_ identity: IAMIdentity) -> String {
        "\(Self.folder)/\(identity.kind.folder)/\(Self.fileName(identity.name)).html"
    }

    /// Every identity of any snapshot once, users first, then groups and roles, each by name.
    var allIdentities: [IAMIdentity] {
        var seen: Set<String> = []
        var result: [IAMIdentity] = []
        for snapshot in snapshots {
            for identity in snapshot.identities where seen.insert(identity.key).inserted { result.append(identity) }
        }
        let order = IAMIdentity.Kind.allCases
        return result.sorted {
            (order.firstIndex(of: $0.kind) ?? 0, $0.name) < (order.firstIndex(of: $1.kind) ?? 0, $1.name)
        }
    }

    /// The policies that apply to an identity in a snapshot: its own, then (for a user) its groups'.
    func effectivePolicies(of identity: IAMIdentity, in snapshot: AccountSnapshot) -> [EffectivePolicy] {
        func own(_ holder: IAMIdentity, via group: String?) -> [EffectivePolicy] {
            let managed = holder.attachedPolicies.compactMap { attachment in
                policies.first { $0.arn == attachment.arn }.map {
                    EffectivePolicy(
                        name: $0.name, origin: .managed(arn: $0.arn), viaGroup: group, document: $0.document)
                }
            }
            let inline = holder.inlinePolicies.map {
                EffectivePolicy(
                    name: $0.name, origin: .inline(owner: holder.key), viaGroup: group, document: $0.document)
            }
            return managed + inline
        }
        var result = own(identity, via: nil)
        for name in identity.groups {
            if let group = snapshot.identity(.group, named: name) { result += own(group, via: name) }
        }
        return result
    }

    /// The page and fragment a statement is shown at.
    func statementTarget(_ reference: StatementReference, snapshot: AccountSnapshot) -> String? {
        switch reference.policy.origin {
        case .managed(let arn):
            return policyPath(arn: arn).map { "\($0)#statement-\(reference.index + 1)" }
        case .inline(let owner):
            guard let identity = snapshot.identities.first(where: { $0.key == owner }) else { return nil }
            let anchor = Self.inlineAnchor(snapshot: snapshot, policy: reference.policy.name)
            return identityPath(identity) + "#\(anchor)statement-\(reference.index + 1)"
        }
    }

    static func inlineAnchor(snapshot: AccountSnapshot, policy: String) -> String {
        "\(fileName(snapshot.id))-inline-\(fileName(policy))-"
    }

    func identityPages() throws -> [GeneratedPage] {
        try allIdentities.map(identityPage)
    }

    /// An identity's page through `partials/iam-identity.mustache`: for each snapshot its groups or
    /// members, the policies that apply, its inline and trust policies, its effective permissions
    /// and its row of the matrix.
    func identityPage(_ identity: IAMIdentity) throws -> GeneratedPage {
        let path = identityPath(identity)
        var headings: [Heading] = []
        var anchors: Set<String> = []
        for snapshot in snapshots {
            let id = Self.fileName(snapshot.id)
            headings.append(Heading(level: 2, id: id, title: snapshot.title, line: 0))
            guard let current = snapshot.identity(identity.kind, named: identity.name) else { continue }
            headings.append(Heading(level: 3, id: "\(id)-policies", title: "적용되는 정책", line: 0))
            for inline in current.inlinePolicies {
                let anchor = Self.inlineAnchor(snapshot: snapshot, policy: inline.name)
                headings.append(Heading(level: 3, id: "\(anchor)policy", title: "인라인 정책 \(inline.name)", line: 0))
                for index in inline.document.statements.indices { anchors.insert("\(anchor)statement-\(index + 1)") }
            }
            if current.trustPolicy != nil {
                headings.append(Heading(level: 3, id: "\(id)-trust", title: "신뢰 정책", line: 0))
            }
            headings.append(Heading(level: 3, id: "\(id)-effective", title: "유효 권한", line: 0))
        }
        if leastPrivilege(for: identity) != nil {
            headings.append(Heading(level: 2, id: "least-privilege", title: "이 실습에 필요한 최소 권한", line: 0))
        }
        return GeneratedPage(
            path: path, title: "\(identity.kind.label) \(identity.name)",
            summary: "\(identity.kind.label) \(identity.name)에 적용되는 정책과 유효 권한을 시점별로 보인다.",
            html: try templates.render(
                "partials/iam-identity", with: IAMPageContext(section: self, page: .identity(identity))),
            headings: headings, anchors: anchors, breadcrumbs: [indexCrumb])
    }

    /// The variables of `partials/iam-identity.mustache` for `identity`.
    func writeIdentityPage<Sink: TemplateValueSink>(_ identity: IAMIdentity, to sink: inout Sink) {
        let path = identityPath(identity)
        sink.set("kind", text: identity.kind.label)
        sink.set("isUser", flag: identity.kind == .user)
        sink.set("isGroup", flag: identity.kind == .group)
        if let least = leastPrivilege(for: identity) {
            sink.set("leastPrivilege") { writeLeastPrivilege(least, from: path, to: &$0) }
        }
        sink.set("snapshots", objects: snapshots.count) { index, item in
            let snapshot = snapshots[index]
            let id = Self.fileName(snapshot.id)
            item.set("id", text: id)
            item.set("title", text: snapshot.title)
            guard let current = snapshot.identity(identity.kind, named: identity.name) else {
                return item.set("exists", flag: false)
            }
            item.set("exists", flag: true)
            item.set("arn", nonEmpty: current.arn)
            if identity.kind == .user {
                let groups = current.groups
                item.set("groups", objects: groups.count) { position, group in
                    let target = snapshot.identity(.group, named: groups[position]).map(identityPath) ?? ""
                    group.set("first", flag: position == 0)
                    group.set("url", text: SitePath.relative(from: path, to: target))
                    group.set("name", text: groups[position])
                }
            }
            if identity.kind == .group {
                let members = snapshot.identities.filter { $0.kind == .user && $0.groups.contains(identity.name) }
                item.set("members", objects: members.count) { position, member in
                    member.set("first", flag: position == 0)
                    member.set("url", text: SitePath.relative(from: path, to: identityPath(members[position])))
                    member.set("name", text: members[position].name)
                }
            }
            let effective = effectivePolicies(of: current, in: snapshot)
            item.set("hasPolicies", flag: !effective.isEmpty)
            item.set("policies", objects: effective.count) { position, entry in
                let policy = effective[position]
                entry.set(
                    "url",
                    nonEmpty: policyTarget(policy, snapshot: snapshot).map {
                        SitePath.relative(from: path, to: $0)
                    } ?? "")
                entry.set("name", text: policy.name)
                if case .managed = policy.origin {
                    entry.set("managed", flag: true)
                } else {
                    entry.set("managed", flag: false)
                }
                entry.set("viaGroup", nonEmpty: policy.viaGroup ?? "")
                entry.set("findingCounts", nonEmpty: Self.countsText(policy.document.findings) ?? "")
            }
            let inlines = current.inlinePolicies
            item.set("inlinePolicies", objects: inlines.count) { position, entry in
                let anchor = Self.inlineAnchor(snapshot: snapshot, policy: inlines[position].name)
                entry.set("anchor", text: anchor)
                entry.set("name", text: inlines[position].name)
                writeStatements(inlines[position].document, anchorPrefix: anchor, to: &entry)
                writeReview(inlines[position].document, path: snapshot.path, linesOnPage: false, to: &entry)
            }
            if let trust = current.trustPolicy {
                item.set("trust") { trustItem in
                    writeStatements(trust, anchorPrefix: "\(id)-trust-", to: &trustItem)
                    writeReview(trust, path: snapshot.path, linesOnPage: false, to: &trustItem)
                }
            }
            writeSummary(statements: effective.flatMap(\.document.statements), to: &item)
            if !requests.isEmpty {
                item.set("matrix") {
                    writeMatrix(for: identity, snapshots: [snapshot], requests: requests, from: path, to: &$0)
                }
            }
        }
    }

    /// Where a policy is shown: its page for a managed policy, its table on the holder's page for
    /// an inline one.
    func policyTarget(_ policy: EffectivePolicy, snapshot: AccountSnapshot) -> String? {
        switch policy.origin {
        case .managed(let arn): return policyPath(arn: arn)
        case .inline(let owner):
            return snapshot.identities.first { $0.key == owner }.map {
                identityPath($0) + "#" + Self.inlineAnchor(snapshot: snapshot, policy: policy.name) + "policy"
            }
        }
    }
}
