import LabSite

extension IAMSection {
    static let indexTitle = "IAM 권한"
    static var indexPath: String { "\(folder)/index.html" }
    static var matrixPath: String { "\(folder)/matrix.html" }
    static let matrixTitle = "권한 매트릭스"

    func indexPage() -> GeneratedPage {
        let path = Self.indexPath
        var html = "<p>실습에서 쓰는 IAM 정책을 IAM 콘솔의 정책 요약처럼 표로 풀고, 각 자격 증명이 실습의 작업을 "
        html += "할 수 있는지 IAM 정책 시뮬레이터처럼 판정한다. 판정은 자격 증명 기반 정책만 보며, "
        html += "명시적 거부가 허용보다 우선하고 허용이 없으면 거부된다.</p>\n"
        var headings: [Heading] = []
        if !snapshots.isEmpty {
            html +=
                "<h2 id=\"matrix\">\(Self.matrixTitle)</h2>\n<p><a href=\""
                + "\(SitePath.relative(from: path, to: Self.matrixPath))\">"
            html += "\(Self.matrixTitle)</a>: 실습의 자격 증명 × 실습에서 수행하는 작업, "
            html += snapshots.map { $0.title.escapedForHTML }.joined(separator: "와(과) ") + " 시점.</p>\n"
            headings.append(Heading(level: 2, id: "matrix", title: Self.matrixTitle, line: 0))
        }
        html += "<h2 id=\"policies\">정책</h2>\n"
        headings.append(Heading(level: 2, id: "policies", title: "정책", line: 0))
        html += "<div class=\"iam-table-wrap\"><table>\n<thead><tr><th>정책</th><th>ARN</th><th>문</th><th>서비스</th>"
        html += "</tr></thead>\n<tbody>\n"
        for policy in policies {
            let target = SitePath.relative(from: path, to: policyPath(policy))
            let services = Set(
                policy.document.statements.flatMap { $0.actions + $0.notActions }.map {
                    Self.service(of: $0).lowercased()
                }
            ).sorted()
            html += "<tr><td><a href=\"\(target)\">\(policy.name.escapedForHTML)</a></td>"
            html += "<td><code>\(policy.arn.escapedForHTML)</code></td><td>\(policy.document.statements.count)</td>"
            html += "<td>\(services.map { "<code>\($0.escapedForHTML)</code>" }.joined(separator: " "))</td></tr>\n"
        }
        html += "</tbody></table></div>\n"
        let identities = allIdentities
        if !identities.isEmpty {
            html += "<h2 id=\"identities\">자격 증명</h2>\n<ul class=\"iam-identity-list\">"
            headings.append(Heading(level: 2, id: "identities", title: "자격 증명", line: 0))
            for identity in identities {
                html +=
                    "<li>\(identity.kind.label) <a href=\""
                    + "\(SitePath.relative(from: path, to: identityPath(identity)))\">"
                html += "\(identity.name.escapedForHTML)</a></li>"
            }
            html += "</ul>\n"
        }
        return GeneratedPage(
            path: path, title: Self.indexTitle,
            summary: "실습의 IAM 정책, 사용자와 그룹, 그리고 누가 무엇을 할 수 있는지와 그 이유.",
            html: html, headings: headings, inNavigation: true)
    }

    func policyPath(_ policy: ManagedPolicy) -> String {
        policyPath(arn: policy.arn) ?? Self.indexPath
    }

    func matrixPage() -> GeneratedPage {
        let path = Self.matrixPath
        var html = "<p>각 칸은 자격 증명 기반 정책만으로 내린 판정과, 판정을 결정한 문이다. "
        html += "<span class=\"iam-verdict iam-allowed\">허용</span>은 허용 문이 있고 거부 문이 없을 때, "
        html += "<span class=\"iam-verdict iam-denied\">거부</span>는 거부 문이 있거나 허용 문이 없을 때, "
        html += "<span class=\"iam-verdict iam-depends\">조건부</span>는 요청이 알려 주지 않는 조건에 판정이 달려 있을 때다.</p>\n"
        var headings: [Heading] = []
        for identity in allIdentities {
            let id = "\(identity.kind.rawValue)-\(Self.fileName(identity.name))"
            let title = "\(identity.kind.label) \(identity.name)"
            headings.append(Heading(level: 2, id: id, title: title, line: 0))
            html += "<h2 id=\"\(id)\"><a href=\"\(SitePath.relative(from: path, to: identityPath(identity)))\">"
            html += "\(title.escapedForHTML)</a></h2>\n"
            html += matrixTable(for: identity, snapshots: snapshots, requests: requests, from: path)
        }
        return GeneratedPage(
            path: path, title: Self.matrixTitle,
            summary: "실습의 자격 증명이 실습의 각 작업을 할 수 있는지, 시점별로 판정하고 그 근거가 된 문을 보인다.",
            html: html, headings: headings, breadcrumbs: [indexCrumb])
    }

    /// Rows = requests, columns = snapshots; each cell holds the decision and its explanation.
    func matrixTable(
        for identity: IAMIdentity, snapshots: [AccountSnapshot], requests: [MatrixSettings.Request], from page: String
    ) -> String {
        var html = "<div class=\"iam-table-wrap\"><table class=\"iam-matrix\">\n<thead><tr><th>단계</th><th>작업</th>"
        html += "<th>리소스</th>"
        html += snapshots.map { "<th>\($0.title.escapedForHTML)</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for request in requests {
            html += "<tr><td>"
            if let step = request.step {
                html +=
                    labPage.map {
                        "<a href=\"\(SitePath.relative(from: page, to: $0.escapedForHTML))#step-\(step)\">\(step)</a>"
                    } ?? "\(step)"
            }
            html += "</td><td><code>\(request.action.escapedForHTML)</code>"
            if let note = request.note { html += "<br><span class=\"iam-note\">\(note.escapedForHTML)</span>" }
            html += "</td><td><code>\((request.resource ?? "*").escapedForHTML)</code></td>"
            for snapshot in snapshots {
                guard let current = snapshot.identity(identity.kind, named: identity.name) else {
                    html += "<td><span class=\"iam-note\">없음</span></td>"
                    continue
                }
                let evaluator = PermissionEvaluator(policies: effectivePolicies(of: current, in: snapshot))
                let decision = evaluator.decide(request.permissionRequest)
                html += "<td class=\"iam-cell iam-cell-\(decision.verdict)\">"
                html += decisionHTML(decision, request: request, snapshot: snapshot, from: page) + "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    /// A statement as `정책 이름 문 3 (Sid)`, linked to where it is shown.
    func statementLink(_ reference: StatementReference, snapshot: AccountSnapshot, from page: String) -> String {
        var label = "\(reference.policy.name.escapedForHTML) 문 \(reference.index + 1)"
        if !reference.statement.sid.isEmpty { label += " (\(reference.statement.sid.escapedForHTML))" }
        var html =
            statementTarget(reference, snapshot: snapshot).map {
                "<a href=\"\(SitePath.relative(from: page, to: $0))\">\(label)</a>"
            } ?? label
        if let group = reference.policy.viaGroup {
            html += " <span class=\"iam-note\">그룹 \(group.escapedForHTML)</span>"
        }
        return html
    }

    func decisionHTML(
        _ decision: PermissionDecision, request: MatrixSettings.Request, snapshot: AccountSnapshot, from page: String
    ) -> String {
        switch decision {
        case .allowed(let reference):
            return "<span class=\"iam-verdict iam-allowed\">허용</span> <span class=\"iam-why\">"
                + statementLink(reference, snapshot: snapshot, from: page) + "</span>"
        case .explicitlyDenied(let reference):
            return "<span class=\"iam-verdict iam-denied\">거부</span> <span class=\"iam-why\">명시적 거부: "
                + statementLink(reference, snapshot: snapshot, from: page) + "</span>"
        case .implicitlyDenied(let nearMisses):
            var html = "<span class=\"iam-verdict iam-denied\">거부</span> <span class=\"iam-why\">"
            html += "<code>\(request.action.escapedForHTML)</code>을(를) 허용하는 문이 없다(암묵적 거부)."
            for miss in nearMisses {
                let resources =
                    miss.statement.usesNotResource
                    ? "<code>NotResource</code>에 든 리소스"
                    : miss.statement.resources.map {
                        "<code>\($0.escapedForHTML)</code>"
                    }.joined(separator: ", ")
                html += " \(statementLink(miss, snapshot: snapshot, from: page))은(는) 이 작업을 \(resources)에만 허용한다."
            }
            return html + "</span>"
        case .depends(let reference, let reasons):
            let allow = reference.statement.effect == .allow
            var html = "<span class=\"iam-verdict iam-depends\">조건부</span> <span class=\"iam-why\">"
            html += statementLink(reference, snapshot: snapshot, from: page) + ": 다음이 성립하면 "
            html += allow ? "허용, 아니면 거부" : "거부, 아니면 허용"
            html += " — " + reasons.map(\.escapedForHTML).joined(separator: "; ") + "</span>"
            return html
        }
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
        let page = invocation.pagePath
        var html = "<div class=\"directive iam-matrix-directive\">\n"
        html +=
            "<p class=\"iam-caption\">\(identity.kind.label) <a href=\""
            + "\(SitePath.relative(from: page, to: identityPath(identity)))\">"
        html += "\(identity.name.escapedForHTML)</a>의 권한 판정 (자격 증명 기반 정책)</p>\n"
        html += matrixTable(for: identity, snapshots: snapshots, requests: selected, from: page)
        html +=
            "<p class=\"iam-more\"><a href=\"\(SitePath.relative(from: page, to: Self.matrixPath))\">"
            + "전체 권한 매트릭스</a></p>\n"
        return html + "</div>\n"
    }
}
