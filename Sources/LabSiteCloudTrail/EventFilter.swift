import LabSite

/// Which events to keep: every given criterion must hold; several values of one criterion are alternatives.
public struct EventFilter: Sendable, Hashable {
    /// Keep events whose `eventName` is one of these (exact, ignoring case).
    public var eventNames: [String]
    /// Keep events whose user is one of these: the display name, `userName`, ARN, principal id,
    /// access key id, session issuer name or `invokedBy` (ignoring case).
    public var users: [String]
    /// Keep events whose `eventSource` is one of these; `s3` matches `s3.amazonaws.com`.
    public var sources: [String]
    /// Keep events whose `awsRegion` is one of these.
    public var regions: [String]
    /// Keep only failed requests (an `errorCode` or `errorMessage`).
    public var errorsOnly: Bool
    /// Keep events at or after this moment.
    public var since: CloudTrailTimestamp?
    /// Keep events at or before this moment.
    public var until: CloudTrailTimestamp?

    /// Creates a filter; the default keeps everything.
    public init(
        eventNames: [String] = [], users: [String] = [], sources: [String] = [], regions: [String] = [],
        errorsOnly: Bool = false, since: CloudTrailTimestamp? = nil, until: CloudTrailTimestamp? = nil
    ) {
        self.eventNames = eventNames
        self.users = users
        self.sources = sources
        self.regions = regions
        self.errorsOnly = errorsOnly
        self.since = since
        self.until = until
    }

    /// Whether the filter keeps everything (so callers can skip it).
    public var isEmpty: Bool { self == EventFilter() }

    /// Whether `record` passes every criterion. Records without a readable time fail `since`/`until`.
    public func matches(_ record: CloudTrailRecord) -> Bool {
        matches(event: record)
    }

    /// Whether `event` passes every criterion; the site's events are filtered by their kept facts.
    func matches(event: some FilterableEvent) -> Bool {
        if errorsOnly && !event.isError { return false }
        if !eventNames.isEmpty && !Self.contains(eventNames, event.eventName) { return false }
        if !regions.isEmpty && !Self.contains(regions, event.awsRegion) { return false }
        if !sources.isEmpty {
            guard let source = event.eventSource else { return false }
            let short = source.hasSuffix(".amazonaws.com") ? String(source.dropLast(".amazonaws.com".count)) : source
            if !Self.contains(sources, source) && !Self.contains(sources, short) { return false }
        }
        if since != nil || until != nil {
            guard let time = event.timestamp else { return false }
            if let since, time < since { return false }
            if let until, until < time { return false }
        }
        if !users.isEmpty && !event.userNames.contains(where: { Self.contains(users, $0) }) { return false }
        return true
    }

    private static func contains(_ wanted: [String], _ value: String?) -> Bool {
        guard let value else { return false }
        return wanted.contains { $0.caseInsensitiveCompare(value) == .orderedSame }
    }

    /// Reads a `--since`/`--until` value: any form `CloudTrailTimestamp` reads. A date alone means the
    /// start of that day (UTC), or its last second when `endOfDay` is set, so `--until 2022-06-04`
    /// includes the whole day.
    public static func time(_ text: String, endOfDay: Bool) -> CloudTrailTimestamp? {
        guard var time = CloudTrailTimestamp(text) else { return nil }
        let isDateOnly = text.count == 10 && text.utf8.filter { $0 == UInt8(ascii: "-") }.count == 2
        if isDateOnly && endOfDay { time.secondsSince1970 += 86_399.999 }
        return time
    }
}
