import Foundation
import LabSite

/// The console's Event history **Download events → CSV** file, read by its column names.
///
/// AWS does not document the columns. Exports show two layouts: the current 16 columns (`User name,
/// AWS access key, Event time, Event source, Event name, AWS region, Source IP address, User agent,
/// Error code, Resources, Request ID, Event ID, Read-only, Event type, Recipient Account Id, Event
/// category`) and an older 10 (`Event ID, Event time, User name, Event name, Resource type,
/// Resources, AWS access key, AWS region, Error code, Source IP address`) with local times such as
/// `2020-05-13, 04:52:01 PM`. Each row becomes a record of the fields its cells carry.
extension TrailReader {
    /// The columns a file must have to be read as an Event history download.
    static let eventHistoryRequiredColumns = ["Event ID", "Event time", "Event name"]

    /// Record fields named by a column, the cell's text as the value.
    static let eventHistoryTextColumns: [(column: String, field: String)] = [
        ("Event ID", "eventID"), ("Event source", "eventSource"), ("Event name", "eventName"),
        ("AWS region", "awsRegion"), ("Source IP address", "sourceIPAddress"), ("User agent", "userAgent"),
        ("Error code", "errorCode"), ("Request ID", "requestID"), ("Event type", "eventType"),
        ("Recipient Account Id", "recipientAccountId"), ("Event category", "eventCategory"),
    ]

    /// Whether `bytes` look like CSV rather than JSON: they start with UTF-16's byte order mark, or
    /// (after a UTF-8 one and white space) with neither `{` nor `[`, on a first line that holds a comma.
    static func looksLikeCSV(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let first = bytes[start...].firstIndex(where: { !" \t\r\n".utf8.contains($0) }),
            bytes[first] != UInt8(ascii: "{"), bytes[first] != UInt8(ascii: "[")
        else { return false }
        let line = bytes[first...].prefix { $0 != UInt8(ascii: "\n") }
        return line.contains(UInt8(ascii: ","))
    }

    /// The records of a CSV file: an Event history download, or Athena results (by their columns).
    func csvFile(_ bytes: [UInt8], path: String) throws(CloudTrailError) -> TrailFile {
        let table: CSVTable
        do {
            table = try CSVTable(bytes: bytes)
        } catch {
            throw CloudTrailError(path: path, line: error.line, reason: error.sentence)
        }
        let missing = Self.eventHistoryRequiredColumns.filter { !table.header.contains($0) }
        if missing.isEmpty {
            return TrailFile(
                path: path, container: .eventHistoryCSV, records: try eventHistoryRecords(table, path: path))
        }
        if AthenaColumns.names(table.header) {
            return TrailFile(path: path, container: .athenaResults, records: Self.athenaRecords(table))
        }
        throw CloudTrailError(
            path: path, line: 1,
            reason: "The file is CSV, but neither a CloudTrail Event history download (it has no "
                + missing.map { "\"\($0)\"" }.joined(separator: ", ") + " column) nor Athena results over the "
                + "CloudTrail table (no eventid, eventtime, eventname or eventsource column). Its columns are "
                + table.header.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
                + (table.header.count > 8 ? ", …" : "") + ".")
    }

    /// The records of an Event history download.
    private func eventHistoryRecords(_ table: CSVTable, path: String) throws(CloudTrailError) -> [CloudTrailRecord] {
        // Worked out once per file, not per row: where each column is, and the parsers of local times.
        let columns = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let localTimes = timeZone.map(Self.localTimeFormatters(in:))
        var records: [CloudTrailRecord] = []
        records.reserveCapacity(table.rows.count)
        for row in table.rows {
            records.append(try Self.eventHistoryRecord(row, columns: columns, localTimes: localTimes, path: path))
        }
        return records
    }

    private static func eventHistoryRecord(
        _ row: CSVTable.Row, columns: [String: Int], localTimes: [DateFormatter]?, path: String
    ) throws(CloudTrailError) -> CloudTrailRecord {
        func cell(_ column: String) -> String? {
            columns[column].flatMap { row.cells[$0].isEmpty ? nil : row.cells[$0] }
        }
        var fields = JSONObject()
        func add(_ key: String, _ content: JSONValue.Content) {
            fields.members.append(.init(key: key, value: JSONValue(content)))
        }
        var identity = JSONObject()
        if let name = cell("User name") { identity.members.append(.init(key: "userName", value: .init(.string(name)))) }
        if let key = cell("AWS access key") {
            identity.members.append(.init(key: "accessKeyId", value: .init(.string(key))))
        }
        if !identity.isEmpty { add("userIdentity", .object(identity)) }
        if let time = cell("Event time") {
            add("eventTime", .string(try eventTime(time, localTimes: localTimes, path: path, line: row.line)))
        }
        for (column, field) in eventHistoryTextColumns {
            if let text = cell(column) { add(field, .string(text)) }
        }
        if let readOnly = cell("Read-only")?.lowercased(), readOnly == "true" || readOnly == "false" {
            add("readOnly", .bool(readOnly == "true"))
        }
        if let resources = try resources(
            cell("Resources"), type: cell("Resource type"), path: path, line: row.line)
        {
            add("resources", .array(resources))
        }
        // In the record's key order, so a page shows the fields where a log file has them.
        let order = CloudTrailRecord.documentedFieldOrder
        fields.members.sort {
            (order.firstIndex(of: $0.key) ?? order.count) < (order.firstIndex(of: $1.key) ?? order.count)
        }
        return CloudTrailRecord(fields: fields)
    }

    /// The `resources` of a row: the 16-column `Resources` cell holds a JSON array of
    /// `{"resourceType":…,"resourceName":…}`; the 10-column one a name beside a `Resource type`.
    private static func resources(
        _ text: String?, type: String?, path: String, line: Int
    ) throws(CloudTrailError) -> [JSONValue]? {
        guard let text else { return nil }
        guard text.hasPrefix("[") else {
            var item = JSONObject()
            if let type { item.members.append(.init(key: "type", value: .init(.string(type)))) }
            item.members.append(
                .init(key: text.hasPrefix("arn:") ? "ARN" : "resourceName", value: .init(.string(text))))
            return [JSONValue(.object(item))]
        }
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(text)
        } catch {
            throw CloudTrailError(
                path: path, line: line,
                reason: "The Resources cell is not the JSON array it should hold: \(error.message) "
                    + "(column \(error.column) of the cell).")
        }
        guard let items = parsed.arrayValue else {
            throw CloudTrailError(
                path: path, line: line, reason: "The Resources cell holds \(describe(parsed)), not a JSON array.")
        }
        return items.map { item in
            guard let object = item.objectValue else { return item }
            // As a log file's `resources` names them: `type` and, for an ARN, `ARN`.
            var resource = JSONObject()
            if let type = object.string("resourceType") {
                resource.members.append(.init(key: "type", value: .init(.string(type))))
            }
            if let name = object.string("resourceName") {
                resource.members.append(
                    .init(key: name.hasPrefix("arn:") ? "ARN" : "resourceName", value: .init(.string(name))))
            }
            return JSONValue(.object(resource))
        }
    }

    /// `text` as a record's `eventTime` (`2026-11-17T01:52:30Z`): a time with its zone as it is read,
    /// a local time (`2020-05-13, 04:52:01 PM`) through `localTimes` (``localTimeFormatters(in:)``),
    /// which it then needs; `nil` when no time zone was given.
    static func eventTime(
        _ text: String, localTimes: [DateFormatter]?, path: String, line: Int
    ) throws(CloudTrailError) -> String {
        if hasZone(text), let timestamp = CloudTrailTimestamp(text) { return timestamp.iso8601 }
        guard let localTimes else {
            throw CloudTrailError(
                path: path, line: line,
                reason: "The Event time \"\(text)\" is a local time, and no time zone was given for it; "
                    + "give the zone the console showed it in with --time-zone (for example Asia/Seoul).")
        }
        for formatter in localTimes {
            if let date = formatter.date(from: text) {
                return CloudTrailTimestamp(secondsSince1970: date.timeIntervalSince1970).iso8601
            }
        }
        throw CloudTrailError(
            path: path, line: line,
            reason: "The Event time \"\(text)\" is in no form labsite reads (2026-11-17T01:52:30Z, "
                + "2026-11-17 10:52:30 or 2020-05-13, 04:52:01 PM).")
    }

    /// Local time layouts the console's downloads use, or a spreadsheet leaves after editing one.
    static let localTimeFormats = [
        "yyyy-MM-dd, hh:mm:ss a", "yyyy-MM-dd hh:mm:ss a", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd HH:mm",
    ]

    /// A parser for each of ``localTimeFormats`` in `timeZone`.
    static func localTimeFormatters(in timeZone: TimeZone) -> [DateFormatter] {
        localTimeFormats.map { format in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = format
            return formatter
        }
    }

    /// Whether a time text ends in a zone: `Z`, or `+09:00`/`-0500` after the time.
    static func hasZone(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let last = scalars.last else { return false }
        if last == "Z" || last == "z" { return true }
        let digits = scalars.reversed().prefix { $0.properties.numericType != nil || $0 == ":" }
        let signIndex = scalars.count - digits.count - 1
        guard signIndex > 10, digits.count == 4 || digits.count == 5 else { return false }
        return scalars[signIndex] == "+" || scalars[signIndex] == "-"
    }
}
