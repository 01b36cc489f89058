import LabSite

/// The result of testing a condition against what is known about a request.
public enum ConditionOutcome: Sendable, Equatable {
    /// The condition holds.
    case met
    /// The condition does not hold.
    case notMet
    /// The request does not say enough, or the operator is not one labsite evaluates.
    case undecidable
}

extension ConditionClause {
    /// Tests the clause against the request's context keys (lower-cased key → values).
    ///
    /// Only plain string, ARN and boolean operators on keys the request supplies are decided; anything
    /// else is ``ConditionOutcome/undecidable`` so the matrix says "depends on …" instead of guessing.
    func evaluate(context: [String: [String]]) -> ConditionOutcome {
        var operation = Substring(self.operation)
        guard !operation.hasPrefix("ForAnyValue:"), !operation.hasPrefix("ForAllValues:") else { return .undecidable }
        if operation.hasSuffix("IfExists") { operation = operation.dropLast("IfExists".count) }
        // A key the request does not list is unknown, not absent: even Null and …IfExists cannot be decided.
        guard let actual = context[key.lowercased()] else { return .undecidable }
        if operation == "Null" { return values.contains("false") ? .met : .notMet }
        let test: (String, String) -> Bool
        var negated = false
        switch operation {
        case "StringEquals", "ArnEquals", "Bool": test = { $0 == $1 }
        case "StringNotEquals", "ArnNotEquals":
            test = { $0 == $1 }
            negated = true
        case "StringEqualsIgnoreCase": test = { $0.lowercased() == $1.lowercased() }
        case "StringNotEqualsIgnoreCase":
            test = { $0.lowercased() == $1.lowercased() }
            negated = true
        case "StringLike", "ArnLike": test = { WildcardPattern($1).matches($0) }
        case "StringNotLike", "ArnNotLike":
            test = { WildcardPattern($1).matches($0) }
            negated = true
        default: return .undecidable
        }
        // A single-valued key: met when any value matches (or, negated, when none does).
        let matched = actual.contains { value in values.contains { test(value, $0) } }
        return matched != negated ? .met : .notMet
    }
}
