import LabSite

/// A question for the evaluator: may an identity perform `action` on `resource`?
public struct PermissionRequest: Sendable, Equatable {
    /// `s3:ListBucket`.
    public var action: String
    /// `arn:aws:s3:::aws-cloudtrail-logs-123456789012-mylog`, or `*` for actions without a resource.
    public var resource: String
    /// Condition keys the request is known to carry (`aws:SecureTransport` → `["true"]`); any other
    /// key a condition tests makes the answer "depends".
    public var context: [String: [String]]

    /// Creates a request.
    public init(action: String, resource: String = "*", context: [String: [String]] = [:]) {
        self.action = action
        self.resource = resource
        self.context = Dictionary(uniqueKeysWithValues: context.map { ($0.key.lowercased(), $0.value) })
    }
}
