import LabSite

/// One CloudTrail event record: every field as written, with typed views of the documented ones.
///
/// `fields` keeps the whole record, unknown fields and key order included, so a page can show
/// the record complete; the accessors below read from it and return `nil` when a field is missing
/// or has an unexpected type (the raw value is still in `fields`).
public struct CloudTrailRecord: Sendable, Hashable {
    /// The record exactly as decoded.
    public let fields: JSONObject
    /// `eventTime` read as a moment, or `nil` when it is missing or in no known form.
    public let timestamp: CloudTrailTimestamp?

    /// Wraps a decoded record object.
    public init(fields: JSONObject) {
        self.fields = fields
        self.timestamp = fields.string("eventTime").flatMap(CloudTrailTimestamp.init)
    }

    /// The record as a JSON value (for writing it out).
    public var json: JSONValue { .object(fields) }

    // MARK: Documented top-level fields

    /// `eventVersion`, such as `1.08`.
    public var eventVersion: String? { fields.string("eventVersion") }
    /// `userIdentity`: who made the request; `nil` for Insights events.
    public var userIdentity: UserIdentity? { fields.object("userIdentity").map(UserIdentity.init) }
    /// `eventTime` as written.
    public var eventTime: String? { fields.string("eventTime") }
    /// `eventSource`, such as `iam.amazonaws.com`.
    public var eventSource: String? { fields.string("eventSource") }
    /// `eventName`, the API action, such as `CreateTrail`.
    public var eventName: String? { fields.string("eventName") }
    /// `awsRegion`.
    public var awsRegion: String? { fields.string("awsRegion") }
    /// `sourceIPAddress`: an IP address, a service's DNS name or `AWS Internal`.
    public var sourceIPAddress: String? { fields.string("sourceIPAddress") }
    /// `userAgent`.
    public var userAgent: String? { fields.string("userAgent") }
    /// `errorCode`, present when the request failed.
    public var errorCode: String? { fields.string("errorCode") }
    /// `errorMessage`.
    public var errorMessage: String? { fields.string("errorMessage") }
    /// `requestParameters` (an object, `null` or, in odd samples, another value).
    public var requestParameters: JSONValue? { fields["requestParameters"] }
    /// `responseElements` (an object, `null` or, in odd samples, another value).
    public var responseElements: JSONValue? { fields["responseElements"] }
    /// `additionalEventData`.
    public var additionalEventData: JSONObject? { fields.object("additionalEventData") }
    /// `requestID`.
    public var requestID: String? { fields.string("requestID") }
    /// `eventID`, CloudTrail's unique id of the event.
    public var eventID: String? { fields.string("eventID") }
    /// `eventType`, such as `AwsApiCall` or `AwsConsoleSignIn`.
    public var eventType: String? { fields.string("eventType") }
    /// `apiVersion`.
    public var apiVersion: String? { fields.string("apiVersion") }
    /// `managementEvent`, read from a boolean or the string `"true"`/`"false"`.
    public var managementEvent: Bool? { fields["managementEvent"]?.looseBoolValue }
    /// `readOnly`, read from a boolean or a string.
    public var readOnly: Bool? { fields["readOnly"]?.looseBoolValue }
    /// The object items of `resources`.
    public var resources: [CloudTrailResource] {
        (fields["resources"]?.arrayValue ?? []).compactMap { $0.objectValue.map(CloudTrailResource.init) }
    }
    /// `recipientAccountId`.
    public var recipientAccountId: String? { fields.string("recipientAccountId") }
    /// `serviceEventDetails` (an object in the documentation, a string in some samples).
    public var serviceEventDetails: JSONValue? { fields["serviceEventDetails"] }
    /// `sharedEventID`.
    public var sharedEventID: String? { fields.string("sharedEventID") }
    /// `vpcEndpointId`.
    public var vpcEndpointId: String? { fields.string("vpcEndpointId") }
    /// `vpcEndpointAccountId`.
    public var vpcEndpointAccountId: String? { fields.string("vpcEndpointAccountId") }
    /// `eventCategory`: `Management`, `Data`, `Insight` or `NetworkActivity`.
    public var eventCategory: String? { fields.string("eventCategory") }
    /// `addendum`: why a record was delivered late or updated.
    public var addendum: JSONObject? { fields.object("addendum") }
    /// `sessionCredentialFromConsole`, written as the string `"true"` in real logs.
    public var sessionCredentialFromConsole: Bool? { fields["sessionCredentialFromConsole"]?.looseBoolValue }
    /// `edgeDeviceDetails`.
    public var edgeDeviceDetails: JSONObject? { fields.object("edgeDeviceDetails") }
    /// `tlsDetails`.
    public var tlsDetails: TLSDetails? { fields.object("tlsDetails").map(TLSDetails.init) }
    /// `insightDetails`, in Insights events only.
    public var insightDetails: InsightDetails? { fields.object("insightDetails").map(InsightDetails.init) }
    /// `eventContext` (enriched events).
    public var eventContext: JSONObject? { fields.object("eventContext") }

    /// The keys CloudTrail documents for a record, in the order its log files write them.
    public static let documentedFieldOrder = [
        "eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress",
        "userAgent", "errorCode", "errorMessage", "requestParameters", "responseElements", "additionalEventData",
        "requestID", "eventID", "readOnly", "resources", "eventType", "apiVersion", "managementEvent",
        "recipientAccountId", "serviceEventDetails", "sharedEventID", "vpcEndpointId", "vpcEndpointAccountId",
        "eventCategory", "addendum", "sessionCredentialFromConsole", "edgeDeviceDetails", "tlsDetails",
        "insightDetails", "eventContext",
    ]

    /// The keys CloudTrail documents for a record; anything else in `fields` is extra.
    public static let documentedFields = Set(documentedFieldOrder)

    /// Fields not in `documentedFields`, in file order: shown like the rest, listed for curiosity.
    public var undocumentedFields: [JSONObject.Member] {
        fields.members.filter { member in
            // By length first: hashing every key of every record is measurable.
            let count = member.key.utf8.count
            guard count < Self.documentedFieldsByLength.count else { return true }
            return !Self.documentedFieldsByLength[count].contains(member.key)
        }
    }

    /// ``documentedFields`` at the index of their length in UTF-8 bytes.
    private static let documentedFieldsByLength: [[String]] = {
        var byLength = [[String]](repeating: [], count: 1 + (documentedFields.map(\.utf8.count).max() ?? 0))
        for field in documentedFields { byLength[field.utf8.count].append(field) }
        return byLength
    }()
}
