import LabSite

/// One operator–key test of a statement's `Condition` block, such as
/// `"StringEquals": {"iam:PassedToService": "cloudtrail.amazonaws.com"}`.
public struct ConditionClause: Sendable, Equatable {
    /// The operator as written, with any `ForAnyValue:`/`ForAllValues:` prefix and `IfExists` suffix.
    public var operation: String
    /// The condition key, such as `aws:SourceIp`.
    public var key: String
    /// The values to compare with, as text.
    public var values: [String]

    /// Creates a clause.
    public init(operation: String, key: String, values: [String]) {
        self.operation = operation
        self.key = key
        self.values = values
    }

    /// Reads a `Condition` block; `place` names the statement in errors.
    static func parse(_ value: JSONValue?, path: String, place: String) throws -> [ConditionClause] {
        guard let value else { return [] }
        guard case .object(let operators) = value else {
            throw IAMError(
                path: path, reason: "\(place) has a Condition that is \(value.kindDescription), not an object.")
        }
        var clauses: [ConditionClause] = []
        for operation in operators.keys.sorted() {
            guard case .object(let keys) = operators[operation] ?? .null else {
                throw IAMError(
                    path: path, reason: "\(place) has a Condition operator \(operation) whose value is not an object.")
            }
            for key in keys.keys.sorted() {
                let raw = keys[key] ?? .null
                let items: [JSONValue]
                if case .array(let list) = raw { items = list } else { items = [raw] }
                let values = try items.map { item in
                    guard let text = item.scalarText else {
                        throw IAMError(
                            path: path,
                            reason: "\(place) compares the condition key \(key) with \(item.kindDescription); "
                                + "use strings, numbers or booleans.")
                    }
                    return text
                }
                clauses.append(ConditionClause(operation: operation, key: key, values: values))
            }
        }
        return clauses
    }
}
