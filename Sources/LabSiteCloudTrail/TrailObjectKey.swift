import LabSite

/// Where a log file sits in a trail's S3 layout:
/// `AWSLogs/[o-org/]<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/<account>_CloudTrail_<region>_<time>_<id>.json.gz`.
public struct TrailObjectKey: Sendable, Hashable {
    /// The organization id (`o-…`) of an organization trail.
    public var organizationID: String?
    /// The account folder.
    public var accountID: String
    /// `CloudTrail`, `CloudTrail-Insight` or `CloudTrail-Digest`.
    public var folder: String
    /// The region folder.
    public var region: String
    /// The year folder (`2022`).
    public var year: String
    /// The month folder (`06`).
    public var month: String
    /// The day folder (`04`).
    public var day: String
    /// The file name.
    public var fileName: String

    /// Reads the layout from a path with `/` separators; `nil` when the path does not follow it.
    public init?(path: String) {
        let parts = path.split(separator: "/").map(String.init)
        guard let logs = parts.lastIndex(of: "AWSLogs") else { return nil }
        var rest = Array(parts[(logs + 1)...])
        var organization: String?
        if let first = rest.first, first.hasPrefix("o-") {
            organization = first
            rest.removeFirst()
        }
        guard rest.count == 7, rest[1].hasPrefix("CloudTrail") else { return nil }
        organizationID = organization
        accountID = rest[0]
        folder = rest[1]
        region = rest[2]
        year = rest[3]
        month = rest[4]
        day = rest[5]
        fileName = rest[6]
    }

    /// The delivery time in the file name (`20220604T1245Z`), when the name follows CloudTrail's pattern.
    public var deliveryTime: String? {
        let pieces = fileName.split(separator: "_")
        guard pieces.count >= 5, pieces[1].hasPrefix("CloudTrail") else { return nil }
        return String(pieces[3])
    }
}
