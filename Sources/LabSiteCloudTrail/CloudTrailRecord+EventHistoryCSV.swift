import LabSite

/// A record as a row of the console's Event history CSV download, for `labsite events --format csv`.
extension CloudTrailRecord {
    /// The 16 columns of the console's download, in its order.
    public static let eventHistoryColumns = [
        "User name", "AWS access key", "Event time", "Event source", "Event name", "AWS region",
        "Source IP address", "User agent", "Error code", "Resources", "Request ID", "Event ID", "Read-only",
        "Event type", "Recipient Account Id", "Event category",
    ]

    /// The record's cells under ``eventHistoryColumns``; a missing field is an empty cell.
    public var eventHistoryCells: [String] {
        let identity = userIdentity
        return [
            identity?.userName ?? identity?.displayName ?? "", identity?.accessKeyId ?? "",
            timestamp?.iso8601 ?? eventTime ?? "", eventSource ?? "", eventName ?? "", awsRegion ?? "",
            sourceIPAddress ?? "", userAgent ?? "", errorCode ?? "", resourcesCell, requestID ?? "", eventID ?? "",
            readOnly.map { $0 ? "true" : "false" } ?? "", eventType ?? "", recipientAccountId ?? "",
            eventCategory ?? "",
        ]
    }

    /// `resources` as the console writes them: `[{"resourceType":…,"resourceName":…}]`.
    private var resourcesCell: String {
        let items = resources.map { resource -> JSONValue in
            var item = JSONObject()
            if let type = resource.type { item.members.append(.init(key: "resourceType", value: .init(.string(type)))) }
            if let name = resource.arn ?? resource.fields.string("resourceName") {
                item.members.append(.init(key: "resourceName", value: .init(.string(name))))
            }
            return JSONValue(.object(item))
        }
        return items.isEmpty ? "" : JSONCompactWriter.string(JSONValue(.array(items)))
    }

    /// `records` as a CSV download: the header row, then a row per record, each cell neutralised
    /// against formulas (``LabSite/CSVWriter``).
    public static func eventHistoryCSV(_ records: [CloudTrailRecord], header: Bool = true) -> String {
        var text = header ? CSVWriter.row(eventHistoryColumns) : ""
        for record in records { text += CSVWriter.row(record.eventHistoryCells) }
        return text
    }
}
