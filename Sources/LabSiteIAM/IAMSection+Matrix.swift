import LabSite

/// The section's index, the permission matrix and the `iam-matrix` directive, through
/// `partials/iam-index.mustache`, `iam-matrix.mustache`, `iam-matrix-card.mustache` and the
/// table they share, `iam-matrix-table.mustache`.
extension IAMSection {
    static let indexTitle = "IAM 권한"
    static var indexPath: String { "\(folder)/index.html" }
    static var matrixPath: String { "\(folder)/matrix.html" }
    static let matrixTitle = "권한 매트릭스"

    /// The section's index through `partials/iam-index.mustache`: the matrix, the policies and
    /// the identities.
    func indexPage() throws -> GeneratedPage {
        var headings: [Heading] = []
        if !snapshots.isEmpty { headings.append(Heading(level: 2, id: "matrix", title: Self.matrixTitle, line: 0)) }
        headings.append(Heading(level: 2, id: "policies", title: "정책", line: 0))
        if !allIdentities.isEmpty { headings.append(Heading(level: 2, id: "identities", title: "자격 증명", line: 0)) }
        return GeneratedPage(
            path: Self.indexPath, title: Self.indexTitle,
            summary: "실습의 IAM 정책, 사용자와 그룹, 그리고 누가 무엇을 할 수 있는지와 그 이유.",
            html: try templates.render("partials/iam-index", with: IAMPageContext(section: self, page: .index)),
            headings: headings, inNavigation: true)
    }

    /// The variables of `partials/iam-index.mustache`.
    func writeIndexPage<Sink: TemplateValueSink>(to sink: inout Sink) {
        let path = Self.indexPath
        sink.set("hasSnapshots", flag: !snapshots.isEmpty)
        sink.set("matrixURL", text: SitePath.relative(from: path, to: Self.matrixPath))
        sink.set("snapshots", objects: snapshots.count) { index, item in
            item.set("first", flag: index == 0)
            item.set("title", text: snapshots[index].title)
        }
        sink.set("policies", objects: policies.count) { index, item in
            let policy = policies[index]
            let services = Set(
                policy.document.statements.flatMap { $0.actions + $0.notActions }.map {
                    Self.service(of: $0).lowercased()
                }
            ).sorted()
            item.set("url", text: SitePath.relative(from: path, to: policyPath(policy)))
            item.set("name", text: policy.name)
            item.set("arn", text: policy.arn)
            item.set("statementCount", text: String(policy.document.statements.count))
            item.set("findingCounts", text: Self.countsText(policy.document.findings) ?? "없음")
            item.set("services", objects: services.count) { position, service in
                service.set("first", flag: position == 0)
                service.set("service", text: services[position])
            }
        }
        let identities = allIdentities
        sink.set("hasIdentities", flag: !identities.isEmpty)
        sink.set("identities", objects: identities.count) { index, item in
            item.set("kind", text: identities[index].kind.label)
            item.set("url", text: SitePath.relative(from: path, to: identityPath(identities[index])))
            item.set("name", text: identities[index].name)
        }
    }

    func policyPath(_ policy: ManagedPolicy) -> String {
        policyPath(arn: policy.arn) ?? Self.indexPath
    }

    /// The permission matrix through `partials/iam-matrix.mustache`: a table per identity.
    func matrixPage() throws -> GeneratedPage {
        let headings = allIdentities.map { identity in
            Heading(
                level: 2, id: Self.matrixID(of: identity), title: "\(identity.kind.label) \(identity.name)", line: 0)
        }
        return GeneratedPage(
            path: Self.matrixPath, title: Self.matrixTitle,
            summary: "실습의 자격 증명이 실습의 각 작업을 할 수 있는지, 시점별로 판정하고 그 근거가 된 문을 보인다.",
            html: try templates.render("partials/iam-matrix", with: IAMPageContext(section: self, page: .matrix)),
            headings: headings, breadcrumbs: [indexCrumb])
    }

    /// The heading id of an identity's table on the matrix page.
    static func matrixID(of identity: IAMIdentity) -> String {
        "\(identity.kind.rawValue)-\(fileName(identity.name))"
    }

    /// The variables of `partials/iam-matrix.mustache`.
    func writeMatrixPage<Sink: TemplateValueSink>(to sink: inout Sink) {
        let path = Self.matrixPath
        let identities = allIdentities
        sink.set("identities", objects: identities.count) { index, item in
            let identity = identities[index]
            item.set("id", text: Self.matrixID(of: identity))
            item.set("url", text: SitePath.relative(from: path, to: identityPath(identity)))
            item.set("title", text: "\(identity.kind.label) \(identity.name)")
            writeMatrix(for: identity, snapshots: snapshots, requests: requests, from: path, to: &item)
        }
    }

    /// `columns` and `requests` of `partials/iam-matrix-table.mustache`: rows are requests,
    /// columns snapshots, and each cell holds the decision and its explanation.
    func writeMatrix<Sink: TemplateValueSink>(
        for identity: IAMIdentity, snapshots: [AccountSnapshot], requests: [MatrixSettings.Request], from page: String,
        to sink: inout Sink
    ) {
        sink.set("columns", objects: snapshots.count) { index, column in
            column.set("title", text: snapshots[index].title)
        }
        sink.set("requests", objects: requests.count) { index, row in
            let request = requests[index]
            row.set("step", nonEmpty: request.step.map(String.init) ?? "")
            if let step = request.step, let labPage {
                row.set("stepURL", text: SitePath.relative(from: page, to: labPage) + "#step-\(step)")
            }
            row.set("action", text: request.action)
            row.set("note", nonEmpty: request.note ?? "")
            row.set("resource", text: request.resource ?? "*")
            row.set("cells", objects: snapshots.count) { position, cell in
                let snapshot = snapshots[position]
                guard let current = snapshot.identity(identity.kind, named: identity.name) else {
                    return cell.set("missing", flag: true)
                }
                cell.set("missing", flag: false)
                let evaluator = PermissionEvaluator(policies: effectivePolicies(of: current, in: snapshot))
                writeDecision(evaluator.decide(request.permissionRequest), snapshot: snapshot, from: page, to: &cell)
            }
        }
    }

    /// `verdict` and one of `allowed`, `explicitlyDenied`, `implicitlyDenied` (with `nearMisses`)
    /// or `depends` (with `allow` and `reasons`), each naming the statements that decide it.
    private func writeDecision<Sink: TemplateValueSink>(
        _ decision: PermissionDecision, snapshot: AccountSnapshot, from page: String, to sink: inout Sink
    ) {
        sink.set("verdict", text: decision.verdict)
        switch decision {
        case .allowed(let reference):
            sink.set("allowed") { writeStatementLink(reference, snapshot: snapshot, from: page, to: &$0) }
        case .explicitlyDenied(let reference):
            sink.set("explicitlyDenied") { writeStatementLink(reference, snapshot: snapshot, from: page, to: &$0) }
        case .implicitlyDenied(let nearMisses):
            sink.set("implicitlyDenied") { denied in
                denied.set("nearMisses", objects: nearMisses.count) { index, miss in
                    let statement = nearMisses[index].statement
                    writeStatementLink(nearMisses[index], snapshot: snapshot, from: page, to: &miss)
                    miss.set("notResource", flag: statement.usesNotResource)
                    miss.set("missResources", objects: statement.resources.count) { position, resource in
                        resource.set("first", flag: position == 0)
                        resource.set("resource", text: statement.resources[position])
                    }
                }
            }
        case .depends(let reference, let reasons):
            sink.set("depends") { depends in
                writeStatementLink(reference, snapshot: snapshot, from: page, to: &depends)
                depends.set("allow", flag: reference.statement.effect == .allow)
                depends.set("reasons", objects: reasons.count) { index, reason in
                    reason.set("first", flag: index == 0)
                    reason.set("reason", text: reasons[index])
                }
            }
        }
    }

    /// A statement as `정책 이름 문 3 (Sid)`: `policy`, `number`, `sid`, `target` (where it is
    /// shown, relative to `page`) and `group` when it applies through one.
    private func writeStatementLink<Sink: TemplateValueSink>(
        _ reference: StatementReference, snapshot: AccountSnapshot, from page: String, to sink: inout Sink
    ) {
        sink.set("policy", text: reference.policy.name)
        sink.set("number", text: String(reference.index + 1))
        sink.set("sid", nonEmpty: reference.statement.sid)
        sink.set(
            "target",
            nonEmpty: statementTarget(reference, snapshot: snapshot).map { SitePath.relative(from: page, to: $0) } ?? ""
        )
        sink.set("group", nonEmpty: reference.policy.viaGroup ?? "")
    }

    /// ```` ```iam-matrix ```` with `identity: lab-user` and optionally `actions: s3:ListBucket, s3:GetObject`:
    /// the matrix rows of one identity, with the evaluator's explanation in every cell.
    ///
    /// Errors are ``MarkdownError``s: the renderer passes those through as they are, while it would
    /// prefix any other error with its own location a second time.
    func renderMatrixDirective(_ invocation: DirectiveInvocation) throws -> String {
        var fields: [String: String] = [:]
        for (offset, line) in invocation.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard let colon = text.firstIndex(of: ":"),
                ["identity", "actions"].contains(String(text[..<colon]).trimmingCharacters(in: .whitespaces))
            else {
                throw MarkdownError(
                    path: invocation.path, line: invocation.line + 1 + offset,
                    reason: "The iam-matrix block line \"\(text)\" is not \"identity: NAME\" or \"actions: A, B\".")
            }
            fields[String(text[..<colon]).trimmingCharacters(in: .whitespaces)] =
                String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        guard let name = fields["identity"], !name.isEmpty else {
            throw MarkdownError(
                path: invocation.path, line: invocation.line,
                reason: "The iam-matrix block names no identity; write \"identity: lab-user\".")
        }
        let candidates = allIdentities.filter { $0.name == name || $0.key == name }
        guard let identity = candidates.first else {
            let known = allIdentities.map(\.key).joined(separator: ", ")
            throw MarkdownError(
                path: invocation.path, line: invocation.line,
                reason: "The iam-matrix block names the identity \"\(name)\", which no account file under "
                    + "content/\(Self.folder)/ lists (known: \(known.isEmpty ? "none" : known)).")
        }
        var selected = requests
        if let list = fields["actions"] {
            let actions = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for action in actions where !requests.contains(where: { $0.action.lowercased() == action.lowercased() }) {
                throw MarkdownError(
                    path: invocation.path, line: invocation.line,
                    reason: "The iam-matrix block selects the action \"\(action)\", which content/\(Self.folder)/"
                        + "matrix.yml has no request for.")
            }
            selected = requests.filter { request in actions.contains { $0.lowercased() == request.action.lowercased() }
            }
        }
        return try templates.render(
            "partials/iam-matrix-card",
            with: IAMPageContext(
                section: self, page: .matrixCard(identity, requests: selected, from: invocation.pagePath)))
    }

    /// The variables of `partials/iam-matrix-card.mustache`: `identity`'s rows of the matrix for
    /// `requests`, on the lab page `page`.
    func writeMatrixCard<Sink: TemplateValueSink>(
        _ identity: IAMIdentity, requests: [MatrixSettings.Request], from page: String, to sink: inout Sink
    ) {
        sink.set("kind", text: identity.kind.label)
        sink.set("url", text: SitePath.relative(from: page, to: identityPath(identity)))
        sink.set("name", text: identity.name)
        writeMatrix(for: identity, snapshots: snapshots, requests: requests, from: page, to: &sink)
        sink.set("matrixURL", text: SitePath.relative(from: page, to: Self.matrixPath))
    }
}
