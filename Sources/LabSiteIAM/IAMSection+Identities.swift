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

    func identityPages() -> [GeneratedPage] {
        allIdentities.map(identityPage)
    }

    func identityPage(_ identity: IAMIdentity) -> GeneratedPage {
        let path = identityPath(identity)
        var html = ""
        var headings: [Heading] = []
        var anchors: Set<String> = []
        for snapshot in snapshots {
            let id = Self.fileName(snapshot.id)
            headings.append(Heading(level: 2, id: id, title: snapshot.title, line: 0))
            html += "<h2 id=\"\(id)\">\(snapshot.title.escapedForHTML)</h2>\n"
            guard let current = snapshot.identity(identity.kind, named: identity.name) else {
                html += "<p>이 시점에는 이 \(identity.kind.label)가 없다.</p>\n"
                continue
            }
            if !current.arn.isEmpty {
                html += "<p class=\"iam-arn\">ARN <code>\(current.arn.escapedForHTML)</code></p>\n"
            }
            if identity.kind == .user {
                html += "<p>그룹: "
                html +=
                    current.groups.isEmpty
                    ? "없음"
                    : current.groups.map { group in
                        let target = snapshot.identity(.group, named: group).map(identityPath) ?? ""
                        return "<a href=\"\(SitePath.relative(from: path, to: target))\">\(group.escapedForHTML)</a>"
                    }.joined(separator: ", ")
                html += "</p>\n"
            }
            if identity.kind == .group {
                let members = snapshot.identities.filter { $0.kind == .user && $0.groups.contains(identity.name) }
                html += "<p>구성원: "
                html +=
                    members.isEmpty
                    ? "없음"
                    : members.map {
                        "<a href=\"\(SitePath.relative(from: path, to: identityPath($0)))\">"
                            + "\($0.name.escapedForHTML)</a>"
                    }.joined(separator: ", ")
                html += "</p>\n"
            }
            let effective = effectivePolicies(of: current, in: snapshot)
            html += "<h3 id=\"\(id)-policies\">적용되는 정책</h3>\n"
            headings.append(Heading(level: 3, id: "\(id)-policies", title: "적용되는 정책", line: 0))
            if effective.isEmpty {
                html += "<p>연결된 정책이 없다. 모든 요청이 암묵적으로 거부된다.</p>\n"
            } else {
                html += "<ul class=\"iam-policy-list\">"
                for policy in effective {
                    html += "<li>\(policyLink(policy, from: path, snapshot: snapshot))"
                    switch policy.origin {
                    case .managed: html += " <span class=\"iam-note\">관리형</span>"
                    case .inline: html += " <span class=\"iam-note\">인라인</span>"
                    }
                    if let group = policy.viaGroup {
                        html += " <span class=\"iam-note\">그룹 \(group.escapedForHTML)을(를) 통해</span>"
                    }
                    html += "</li>"
                }
                html += "</ul>\n"
            }
            for inline in current.inlinePolicies {
                let anchor = Self.inlineAnchor(snapshot: snapshot, policy: inline.name)
                html += "<h3 id=\"\(anchor)policy\">인라인 정책 \(inline.name.escapedForHTML)</h3>\n"
                headings.append(Heading(level: 3, id: "\(anchor)policy", title: "인라인 정책 \(inline.name)", line: 0))
                html += statementsTable(inline.document, anchorPrefix: anchor)
                for index in inline.document.statements.indices { anchors.insert("\(anchor)statement-\(index + 1)") }
            }
            if let trust = current.trustPolicy {
                html += "<h3 id=\"\(id)-trust\">신뢰 정책</h3>\n"
                headings.append(Heading(level: 3, id: "\(id)-trust", title: "신뢰 정책", line: 0))
                html += statementsTable(trust, anchorPrefix: "\(id)-trust-")
            }
            html += "<h3 id=\"\(id)-effective\">유효 권한</h3>\n"
            headings.append(Heading(level: 3, id: "\(id)-effective", title: "유효 권한", line: 0))
            html += "<p>적용되는 모든 정책의 문을 합친 요약이다. 거부 문이 있으면 허용보다 우선한다.</p>\n"
            html += summaryTable(statements: effective.flatMap(\.document.statements))
            if !requests.isEmpty {
                html += matrixTable(for: identity, snapshots: [snapshot], requests: requests, from: path)
            }
        }
        return GeneratedPage(
            path: path, title: "\(identity.kind.label) \(identity.name)",
            summary: "\(identity.kind.label) \(identity.name)에 적용되는 정책과 유효 권한을 시점별로 보인다.",
            html: html, headings: headings, anchors: anchors, breadcrumbs: [indexCrumb])
    }

    /// A link to a policy: its page for a managed policy, its table on the holder's page for an inline one.
    func policyLink(_ policy: EffectivePolicy, from page: String, snapshot: AccountSnapshot) -> String {
        var target: String?
        switch policy.origin {
        case .managed(let arn): target = policyPath(arn: arn)
        case .inline(let owner):
            target = snapshot.identities.first { $0.key == owner }.map {
                identityPath($0) + "#" + Self.inlineAnchor(snapshot: snapshot, policy: policy.name) + "policy"
            }
        }
        guard let target else { return policy.name.escapedForHTML }
        return "<a href=\"\(SitePath.relative(from: page, to: target))\">\(policy.name.escapedForHTML)</a>"
    }
}
