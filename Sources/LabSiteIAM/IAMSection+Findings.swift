import LabSite

/// The policy checker's findings in the site: build warnings, the 검토 결과 section of policy
/// pages (`partials/iam-findings.mustache`) with the policy's source lines, counts on the index and
/// identity pages, and the `iam-findings` directive.
extension IAMSection {
    /// A finding with its place in its file.
    struct LocatedFinding {
        var finding: PolicyFinding
        var path: String
        var start: PolicySourceText.Position?
    }

    /// The findings on `document`, read from `path`, most serious first, then by place.
    func locatedFindings(_ document: PolicyDocument, path: String) -> [LocatedFinding] {
        let source = sources[path]
        return document.findings.map { finding in
            LocatedFinding(
                finding: finding, path: path, start: source?.position(ofByte: finding.span.lowerBound))
        }.enumerated().sorted { left, right in
            (left.element.finding.type, left.offset) < (right.element.finding.type, right.offset)
        }.map(\.element)
    }

    /// Every document the section shows once, with the file it came from: the managed policies,
    /// then each snapshot's inline and trust policies.
    var checkedDocuments: [(document: PolicyDocument, path: String)] {
        var result = policies.map { ($0.document, $0.sourcePath) }
        for snapshot in snapshots {
            for identity in snapshot.identities {
                result += identity.inlinePolicies.map { ($0.document, snapshot.path) }
                if let trust = identity.trustPolicy { result.append((trust, snapshot.path)) }
            }
        }
        return result
    }

    /// `content/iam/policies/X.json:12:7: warning: [RESOURCE_STAR] …` for every finding: warnings,
    /// never errors, since AWS managed policies use `*` on purpose.
    public var warnings: [BuildWarning] {
        checkedDocuments.flatMap { document, path in
            locatedFindings(document, path: path).map { located in
                BuildWarning(
                    path: path, line: located.start?.line, column: located.start.map { $0.column + 1 },
                    message: "[\(located.finding.issue.rawValue)] \(located.finding.message)")
            }
        }
    }

    /// `검토: 보안 경고 2 · 경고 1`, or `nil` with no findings.
    static func countsText(_ findings: [PolicyFinding]) -> String? {
        let parts = PolicyFinding.FindingType.allCases.compactMap { type -> String? in
            let count = findings.filter { $0.type == type }.count
            return count == 0 ? nil : "\(type.koreanName) \(count)"
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `review` of `partials/iam-findings.mustache`: the counts and the findings of `document`.
    /// `linesOnPage` makes each place a link to its line in the source listing of the same page;
    /// `policyURL`, when the findings are shown away from their policy page, links to it.
    func writeReview<Sink: TemplateValueSink>(
        _ document: PolicyDocument, path: String, linesOnPage: Bool, policyURL: String? = nil, to sink: inout Sink
    ) {
        let located = locatedFindings(document, path: path)
        sink.set("review") { review in
            review.set("hasFindings", flag: !located.isEmpty)
            review.set("counts", nonEmpty: Self.countsText(document.findings) ?? "")
            review.set("policyURL", nonEmpty: policyURL ?? "")
            review.set("findings", objects: located.count) { index, item in
                let finding = located[index].finding
                item.set("typeClass", text: finding.type.rawValue.lowercased().replacingOccurrences(of: "_", with: "-"))
                item.set("typeName", text: finding.type.koreanName)
                item.set("code", text: finding.issue.rawValue)
                item.set("message", text: finding.message)
                item.set("link", text: finding.issue.learnMoreLink)
                item.set("element", nonEmpty: finding.pathText)
                if let start = located[index].start {
                    item.set("place", text: "\(path):\(start.line):\(start.column + 1)")
                    if linesOnPage { item.set("lineURL", text: "#source-L\(start.line)") }
                } else {
                    item.set("place", text: path)
                }
            }
        }
    }

    /// The lines of `document`'s source shown on its page, numbered as in the file.
    func sourceLines(of document: PolicyDocument, path: String) -> (first: Int, lines: [String])? {
        guard let source = sources[path], let span = document.sourceSpan else { return nil }
        let first = source.position(ofByte: span.lowerBound).line
        let last = source.position(ofByte: max(span.lowerBound, span.upperBound - 1)).line
        return (first, (first...last).map { source.line($0) })
    }

    /// `source` of `partials/iam-policy.mustache`: the file's lines that hold the document, each
    /// with the id its findings link to.
    func writeSource<Sink: TemplateValueSink>(_ document: PolicyDocument, path: String, to sink: inout Sink) {
        guard let (first, lines) = sourceLines(of: document, path: path) else { return }
        let flagged = Set(locatedFindings(document, path: path).compactMap { $0.start?.line })
        sink.set("source") { source in
            source.set("path", text: path)
            source.set("firstLine", text: String(first))
            source.set("lastLine", text: String(first + lines.count - 1))
            source.set("lines", objects: lines.count) { index, line in
                line.set("number", text: String(first + index))
                line.set("flagged", flag: flagged.contains(first + index))
                line.set("text", text: lines[index])
            }
        }
    }

    /// The `iam-findings` directive: ```` ```iam-findings AWSCloudTrail_FullAccess ```` shows a
    /// managed policy's findings on a lab page, linked to its policy page.
    func renderFindingsDirective(_ invocation: DirectiveInvocation) throws -> String {
        guard let name = invocation.arguments.first, invocation.arguments.count == 1 else {
            throw MarkdownError(
                path: invocation.path, line: invocation.line,
                reason: "The iam-findings block names no policy; write ```iam-findings AWSCloudTrail_FullAccess.")
        }
        guard let policy = policies.first(where: { $0.name == name || $0.arn == name }) else {
            let known = policies.map(\.name).joined(separator: ", ")
            throw MarkdownError(
                path: invocation.path, line: invocation.line,
                reason: "The iam-findings block names the policy \"\(name)\", which content/\(Self.folder)/ does not "
                    + "hold (known: \(known.isEmpty ? "none" : known)).")
        }
        let url = policyPath(arn: policy.arn).map { SitePath.relative(from: invocation.pagePath, to: $0) }
        return try templates.render(
            "partials/iam-findings-card",
            with: IAMPageContext(section: self, page: .findingsCard(policy, policyURL: url ?? "")))
    }
}
