/// One event of the site's trail: its record, the file it came from and the page it gets.
struct TrailEvent: Sendable {
    /// The record (already redacted when the site is built with `--redact`).
    var record: CloudTrailRecord
    /// The position of the event's file in ``TrailSection/logFiles``.
    var fileIndex: Int
    /// The page name under `events/`: the `eventID` when it is a safe, unique file name, otherwise
    /// an id derived from the file and the record's position.
    var id: String

    /// The event page, from the site root.
    var pagePath: String { "events/\(id).html" }

    /// `2022-06-04 12:37:22` (UTC), or the time as written when it is in no known form.
    var displayTime: String {
        guard let iso = record.timestamp?.iso8601 else { return record.eventTime ?? "—" }
        return iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    }

    /// The page title: the event name first, so a search for it finds the page.
    var title: String {
        let name = record.eventName ?? "이벤트"
        guard record.timestamp != nil else { return record.eventTime.map { "\(name) · \($0)" } ?? name }
        return "\(name) · \(displayTime) UTC"
    }

    /// 읽기, 쓰기 or — from `readOnly`.
    var readWrite: String {
        switch record.readOnly {
        case true?: return "읽기"
        case false?: return "쓰기"
        case nil: return "—"
        }
    }

    /// The error code, else the error message, else empty.
    var error: String { record.errorCode ?? record.errorMessage ?? "" }
}
