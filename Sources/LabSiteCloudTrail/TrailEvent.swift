import LabSite

/// One event of the site's trail: the fields its tables, summary and filters show, the file it
/// came from and the page it gets.
///
/// The whole record is not kept: a large trail's decoded records would take gigabytes, these facts a few hundred
/// bytes each. The event page reads its record's JSON again from its file
/// (``TrailSection/recordBlocks(inFile:)``).
struct TrailEvent: Sendable, FilterableEvent {
    /// The position of the event's file in ``TrailSection/logFiles``.
    var fileIndex: Int
    /// The other files the same `eventID` was read from (a bucket file and an Event history
    /// download), as positions in ``TrailSection/logFiles``; this event's record is the richest.
    var alsoIn: [Int] = []
    /// The fields of a full record that the event's source does not carry (an Event history CSV
    /// download has no `requestParameters`); empty for a log file as S3 holds it.
    var fieldsNotInSource: [String] = []

    /// The fields every management event's record has, which a source of fewer fields can lack.
    static let fullRecordFields = [
        "eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress",
        "userAgent", "requestParameters", "responseElements", "requestID", "eventID", "readOnly", "eventType",
        "managementEvent", "recipientAccountId", "eventCategory",
    ]
    /// The record's position in its file.
    let position: Int
    /// The page name under `events/`: the `eventID` when it is a safe, unique file name, otherwise
    /// an id derived from the file and the record's position.
    var id: String
    /// The rest, which never changes once read.
    ///
    /// Behind one reference so that a copy of an event costs one retain instead of one per string:
    /// the site copies events into time order, into tables and into pages, and with a dozen
    /// strings each those copies showed in profiles of large trails, much of it serial.
    private let facts: Facts

    /// The facts of `record` (already redacted when the site is built with `--redact`).
    init(record: CloudTrailRecord, fileIndex: Int, position: Int, id: String) {
        var texts = Interner()
        self.init(record: record, fileIndex: fileIndex, position: position, id: id, texts: &texts)
    }

    /// The facts of `record`, keeping one copy of each text `texts` has seen already.
    init(record: CloudTrailRecord, fileIndex: Int, position: Int, id: String, texts: inout Interner) {
        self.fileIndex = fileIndex
        self.position = position
        self.id = id
        facts = Facts(record: record, texts: &texts)
    }

    /// Keeps one copy of each text that many events repeat (a service, a user agent, an error):
    /// a file's events then share a few strings instead of holding a copy each, which for a large
    /// trail adds up to tens of megabytes.
    struct Interner {
        // Sized for a log file's distinct texts, so that filling them does not rehash.
        private var known = Set<String>(minimumCapacity: 128)

        mutating func callAsFunction(_ text: String) -> String {
            // Up to 15 bytes of UTF-8 are stored inside the string itself.
            text.utf8.count > 15 ? known.insert(text).memberAfterInsert : text
        }

        mutating func callAsFunction(_ text: String?) -> String? {
            text.map { self($0) }
        }
    }

    var eventID: String? { facts.eventID }
    var eventName: String? { facts.eventName }
    var eventSource: String? { facts.eventSource }
    var awsRegion: String? { facts.awsRegion }
    var sourceIPAddress: String? { facts.sourceIPAddress }
    var eventTime: String? { facts.eventTime }
    var timestamp: CloudTrailTimestamp? { facts.timestamp }
    var readOnly: Bool? { facts.readOnly }
    var errorCode: String? { facts.errorCode }
    var errorMessage: String? { facts.errorMessage }
    var userDisplayName: String? { facts.userDisplayName }
    /// The names a `user` filter matches: display name, user name, ARN, principal id, access key id,
    /// session issuer and `invokedBy`.
    var userNames: [String] { facts.userNames }
    /// The highlights the event is one of: bit `n` stands for `TrailSection.highlights[n]`.
    var highlightBits: UInt32 { facts.highlightBits }
    /// `2022-06-04 12:37:22` (UTC), or the time as written when it is in no known form.
    var displayTime: String { facts.displayTime }
    /// The page title: the event name first, so a search for it finds the page.
    var title: String { facts.title }
    /// The page's summary line: who, which service, which region.
    var summary: String { facts.summary }
    /// What the fact sheet of the event's page and card shows besides the fields above.
    var sheet: Sheet { facts.sheet }

    /// The fields of the record that only the fact sheet shows (``TrailEvent/writeFacts(to:)``),
    /// so that event pages and cards never decode the record again for them.
    ///
    /// A class, so that the fact sheet of every event page takes it with one retain rather than
    /// one per text.
    final class Sheet: Sendable {
        /// Whether the record has a `userIdentity`.
        let hasIdentity: Bool
        /// `userIdentity.type`.
        let identityType: String?
        let arn: String?
        let accountId: String?
        let invokedBy: String?
        let eventType: String?
        let category: String
        /// The `ARN` (or `arn`) of each resource.
        let resourceARNs: [String]
        let userAgent: String?
        let vpcEndpointId: String?
        let accessKeyId: String?
        /// The session issuer's ARN, else its user name, else empty; `nil` without an issuer.
        let sessionIssuer: String?
        let fromConsole: Bool
        let mfaUsed: Bool?
        /// How a `ConsoleLogin` ended (`responseElements.ConsoleLogin`); `nil` for other events.
        let consoleLoginResult: String?
        /// Fields CloudTrail does not document, in file order.
        let undocumentedFields: [String]

        init(record: CloudTrailRecord, identity: UserIdentity?, texts: inout Interner) {
            hasIdentity = identity != nil
            identityType = texts(identity?.type)
            // ARNs and access keys (like the user name lists of `Facts`) are not shared: in a large
            // trail they vary from event to event, and hashing them cost more than their copies.
            arn = identity?.arn
            accountId = identity?.accountId
            invokedBy = texts(identity?.invokedBy)
            eventType = texts(record.eventType)
            category = record.category.rawValue
            resourceARNs = record.resources.compactMap { $0.fields.string("ARN") ?? $0.fields.string("arn") }
            userAgent = texts(record.userAgent)
            vpcEndpointId = texts(record.vpcEndpointId)
            accessKeyId = identity?.accessKeyId
            sessionIssuer = texts(
                identity?.sessionContext?.sessionIssuer.map {
                    $0.fields.string("arn") ?? $0.fields.string("userName") ?? ""
                })
            fromConsole = record.sessionCredentialFromConsole == true
            mfaUsed = record.mfaUsed
            // Only sign-ins: the first pass leaves `responseElements` out of other events.
            consoleLoginResult = record.eventName == "ConsoleLogin" ? record.consoleLoginResult : nil
            undocumentedFields = record.undocumentedFields.map(\.key)
        }
    }

    /// What an event keeps of its record.
    private final class Facts: Sendable {
        let eventID: String?
        let eventName: String?
        let eventSource: String?
        let awsRegion: String?
        let sourceIPAddress: String?
        let eventTime: String?
        let timestamp: CloudTrailTimestamp?
        let readOnly: Bool?
        let errorCode: String?
        let errorMessage: String?
        let userDisplayName: String?
        let userNames: [String]
        let highlightBits: UInt32
        let displayTime: String
        let title: String
        let summary: String
        let sheet: Sheet

        init(record: CloudTrailRecord, texts: inout Interner) {
            eventID = record.eventID
            eventName = texts(record.eventName)
            eventSource = texts(record.eventSource)
            awsRegion = texts(record.awsRegion)
            sourceIPAddress = texts(record.sourceIPAddress)
            eventTime = record.eventTime
            timestamp = record.timestamp
            readOnly = record.readOnly
            errorCode = texts(record.errorCode)
            errorMessage = texts(record.errorMessage)
            let identity = record.userIdentity
            userDisplayName = texts(identity?.displayName)
            userNames = CloudTrailRecord.userNames(of: identity, displayName: userDisplayName)
            highlightBits = TrailSection.highlights.indices.reduce(0) { bits, position in
                TrailSection.highlights[position].matches(record) ? bits | 1 << position : bits
            }
            // Kept rather than computed: tables, pages and the search index all ask for them.
            let time = record.timestamp?.displayText ?? record.eventTime ?? "—"
            displayTime = time
            let name = record.eventName ?? "이벤트"
            if record.timestamp != nil {
                title = "\(name) · \(time) UTC"
            } else {
                title = record.eventTime.map { "\(name) · \($0)" } ?? name
            }
            summary = [userDisplayName, eventSource, awsRegion].compactMap { $0 }.joined(separator: " · ")
            sheet = Sheet(record: record, identity: identity, texts: &texts)
        }
    }

    /// Record fields ``init(record:fileIndex:position:id:)`` does not read, so the site's first
    /// pass over a trail leaves them out, except in the events of
    /// ``TrailSection/eventsReadingWholeRecord``. They are half the bytes of a record, and more of
    /// its memory. (`insightDetails` is read: whether it is there can decide the category.)
    static let unreadFields = [
        "requestParameters", "responseElements", "tlsDetails", "serviceEventDetails", "requestID", "addendum",
        "edgeDeviceDetails", "eventContext",
    ]

    /// Whether the event is one of `TrailSection.highlights[position]`.
    func isHighlighted(_ position: Int) -> Bool {
        highlightBits & 1 << position != 0
    }

    /// The event page, from the site root.
    var pagePath: String { "events/" + pageName }

    /// The event page's name in `events/`, which tables, summaries and neighbours link to.
    var pageName: String { id + ".html" }

    /// 읽기, 쓰기 or — from `readOnly`.
    var readWrite: String {
        switch readOnly {
        case true?: return "읽기"
        case false?: return "쓰기"
        case nil: return "—"
        }
    }

    /// Whether the request failed.
    var isError: Bool { errorCode != nil || errorMessage != nil }

    /// The error code, else the error message, else empty.
    var error: String { errorCode ?? errorMessage ?? "" }
}
