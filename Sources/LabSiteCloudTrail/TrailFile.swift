import LabSite

/// One decoded log file: its records and how they were wrapped.
public struct TrailFile: Sendable, Hashable {
    /// How the file held its records.
    public enum Container: String, Sendable, Hashable {
        /// `{"Records":[…]}`, the format CloudTrail delivers to S3.
        case records
        /// A bare JSON array of records, as some published samples are.
        case array
        /// One record object on its own, as documentation examples are.
        case singleRecord
        /// A CloudTrail digest file (integrity hashes, no events); it has no records.
        case digest
        /// `aws cloudtrail lookup-events` output, one page or several: each event's record is the
        /// JSON text of its `CloudTrailEvent`.
        case lookupEvents
        /// The console's Event history CSV download: each row a record of the fields its cells carry.
        case eventHistoryCSV
        /// Amazon Athena query results over AWS's CloudTrail table, as CSV or `get-query-results`
        /// JSON: each row a record of the columns the query selected.
        case athenaResults
    }

    /// The file's path as reported in messages.
    public var path: String
    /// How the records were wrapped.
    public var container: Container
    /// The records in file order.
    public var records: [CloudTrailRecord]
    /// The AWS ids and account numbers in the file's text, when the reader was asked for them.
    public var identifierScan = IdentifierScan()

    /// The S3 layout read from `path`, when it follows CloudTrail's.
    public var objectKey: TrailObjectKey? { TrailObjectKey(path: path) }

    /// Creates a decoded file.
    public init(path: String, container: Container, records: [CloudTrailRecord]) {
        self.path = path
        self.container = container
        self.records = records
    }
}
