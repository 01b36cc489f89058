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
        guard let operators = value.objectValue else {
            throw IAMError(
                path: path, reason: "\(place) has a Condition that is \(value.kindDescription), not an object.")
        }
        var clauses: [ConditionClause] = []
        for operation in Set(operators.keys).sorted() {
            guard let keys = operators.object(operation) else {
                throw IAMError(
                    path: path, reason: "\(place) has a Condition operator \(operation) whose value is not an object.")
            }
            for key in Set(keys.keys).sorted() {
                let raw = keys[key] ?? .null
                let items = raw.arrayValue ?? [raw]
                let values = try items.map { item in
                    guard let text = conditionText(item) else {
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

    /// A condition value as IAM compares it: strings as written, `true`/`false`, and numbers as
    /// their value (`3600.0` and `3.6e3` as `3600`); `nil` for null, lists and objects.
    private static func conditionText(_ value: JSONValue) -> String? {
        guard let number = value.numberValue else { return value.scalarText }
        return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
