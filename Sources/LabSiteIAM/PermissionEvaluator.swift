import LabSite

/// Decides a request against identity policies with IAM's rules: an explicit Deny wins, otherwise
/// an Allow is needed; `*`/`?` wildcards, `NotAction` and `NotResource` are honoured, and conditions it
/// cannot decide make the answer ``PermissionDecision/depends(on:reasons:)`` rather than a guess.
///
/// Resource-based policies, permissions boundaries, SCPs and session policies are out of scope: the
/// labs' questions are about what an identity's own policies grant.
public struct PermissionEvaluator: Sendable {
    /// The policies that apply to the identity.
    public var policies: [EffectivePolicy]

    /// Creates an evaluator over an identity's policies.
    public init(policies: [EffectivePolicy]) {
        self.policies = policies
    }

    /// Whether a statement applies to a request: surely, surely not, or depending on `reasons`.
    enum Match: Equatable {
        case yes
        case no
        case maybe([String])
    }

    /// Decides `request`.
    public func decide(_ request: PermissionRequest) -> PermissionDecision {
        var definiteAllow: StatementReference?
        var conditionalAllow: (StatementReference, [String])?
        var conditionalDeny: (StatementReference, [String])?
        var nearMisses: [StatementReference] = []
        for policy in policies {
            for index in policy.document.statements.indices {
                let reference = StatementReference(policy: policy, index: index)
                let statement = reference.statement
                guard Self.matchesAction(statement, request.action) else { continue }
                switch Self.match(statement, request) {
                case .yes:
                    if statement.effect == .deny { return .explicitlyDenied(by: reference) }
                    if definiteAllow == nil { definiteAllow = reference }
                case .maybe(let reasons):
                    if statement.effect == .deny {
                        if conditionalDeny == nil { conditionalDeny = (reference, reasons) }
                    } else if conditionalAllow == nil {
                        conditionalAllow = (reference, reasons)
                    }
                case .no:
                    if statement.effect == .allow && Self.resourceMatch(statement, request.resource) == .no {
                        nearMisses.append(reference)
                    }
                }
            }
        }
        if let (deny, reasons) = conditionalDeny, definiteAllow != nil || conditionalAllow != nil {
            return .depends(on: deny, reasons: reasons)
        }
        if let definiteAllow { return .allowed(by: definiteAllow) }
        if let (allow, reasons) = conditionalAllow { return .depends(on: allow, reasons: reasons) }
        return .implicitlyDenied(nearMisses: nearMisses)
    }

    static func matchesAction(_ statement: PolicyStatement, _ action: String) -> Bool {
        let patterns = statement.usesNotAction ? statement.notActions : statement.actions
        let listed = patterns.contains { WildcardPattern($0, ignoringCase: true).matches(action) }
        return listed != statement.usesNotAction
    }

    static func resourceMatch(_ statement: PolicyStatement, _ resource: String) -> Match {
        let patterns = statement.usesNotResource ? statement.notResources : statement.resources
        if patterns.contains(where: { !$0.contains("${") && WildcardPattern($0).matches(resource) }) {
            return statement.usesNotResource ? .no : .yes
        }
        // A policy variable such as ${aws:username} is filled in per request; labsite does not know it.
        let variables = patterns.filter { $0.contains("${") }
        if !variables.isEmpty {
            return .maybe(variables.map { "리소스 \($0)의 정책 변수가 요청에서 갖는 값" })
        }
        return statement.usesNotResource ? .yes : .no
    }

    static func match(_ statement: PolicyStatement, _ request: PermissionRequest) -> Match {
        var reasons: [String] = []
        switch resourceMatch(statement, request.resource) {
        case .no: return .no
        case .maybe(let why): reasons += why
        case .yes: break
        }
        for clause in statement.conditions {
            switch clause.evaluate(context: request.context) {
            case .notMet: return .no
            case .undecidable: reasons.append(clause.sentence)
            case .met: break
            }
        }
        return reasons.isEmpty ? .yes : .maybe(reasons)
    }
}
