import LabSite

/// One item of `resources`: a resource the request touched.
public struct CloudTrailResource: Sendable, Hashable {
    /// The item as decoded.
    public let fields: JSONObject

    /// Wraps a `resources` item.
    public init(fields: JSONObject) {
        self.fields = fields
    }

    /// `ARN` (CloudTrail writes it upper case; some samples write `arn`).
    public var arn: String? { fields.string("ARN") ?? fields.string("arn") }
    /// `accountId`.
    public var accountId: String? { fields.string("accountId") }
    /// `type`, such as `AWS::S3::Bucket`.
    public var type: String? { fields.string("type") }
}
