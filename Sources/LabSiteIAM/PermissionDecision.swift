import LabSite

/// The evaluator's answer, with the statement that decides it.
public enum PermissionDecision: Sendable, Equatable {
    /// An Allow statement matches and no Deny does.
    case allowed(by: StatementReference)
    /// A Deny statement matches: it wins over every Allow.
    case explicitlyDenied(by: StatementReference)
    /// No statement allows the request. `nearMisses` are Allow statements with the action whose
    /// resources do not include the request's resource, which is usually the explanation.
    case implicitlyDenied(nearMisses: [StatementReference])
    /// The answer turns on something the request does not say (a condition key, a policy variable).
    /// When `reasons` hold, `statement`'s effect applies; otherwise the other outcome does.
    case depends(on: StatementReference, reasons: [String])

    /// `allowed`, `denied` or `depends`, for CSS classes and tests.
    public var verdict: String {
        switch self {
        case .allowed: "allowed"
        case .explicitlyDenied, .implicitlyDenied: "denied"
        case .depends: "depends"
        }
    }
}
