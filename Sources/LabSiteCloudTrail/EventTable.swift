import LabSite

/// The `--format table` view: one line per event, columns padded, sorted by time.
public struct EventTable: Sendable {
    /// One event's cells, kept instead of the record so a large trail's events stay small.
    public struct Row: Sendable, Hashable {
        /// The sort key; events without a readable time sort last.
        public var timestamp: CloudTrailTimestamp?
        /// time, region, user, source, event name, source IP, error.
        public var cells: [String]

        /// The row of `record`; missing values show as `-`, control characters as `?`.
        public init(_ record: CloudTrailRecord) {
            timestamp = record.timestamp
            let error = [record.errorCode, record.errorMessage].compactMap { $0 }.first
            cells = [
                record.eventTime, record.awsRegion, record.userDisplayName, record.eventSource, record.eventName,
                record.sourceIPAddress, error,
            ].map { EventTable.cell($0) }
        }
    }

    /// The column headings.
    public static let headings = ["TIME", "REGION", "USER", "SOURCE", "EVENT", "SOURCE IP", "ERROR"]

    /// The rows added so far, in the order added.
    public private(set) var rows: [Row] = []

    /// Creates an empty table.
    public init() {}

    /// Adds the rows of `records`.
    public mutating func append(contentsOf records: [CloudTrailRecord]) {
        rows += records.map(Row.init)
    }

    /// Adds rows made elsewhere (for example on another core).
    public mutating func append(rows more: [Row]) {
        rows += more
    }

    /// The table as text: a heading line and one line per event, oldest first (ties keep the order
    /// added); columns are separated by two spaces and the last one is not padded.
    public func rendered() -> String {
        let sorted = CloudTrailTimestamp.timeOrdered(rows, by: \.timestamp).map(\.cells)
        let lines = [Self.headings] + sorted
        var widths = Array(repeating: 0, count: Self.headings.count)
        for line in lines {
            for (column, cell) in line.enumerated() { widths[column] = Swift.max(widths[column], cell.count) }
        }
        var text = ""
        for line in lines {
            var rendered = ""
            for (column, cell) in line.enumerated() {
                if column == line.count - 1 {
                    rendered += cell
                } else {
                    rendered += cell + String(repeating: " ", count: widths[column] - cell.count + 2)
                }
            }
            while rendered.hasSuffix(" ") { rendered.removeLast() }
            text += rendered + "\n"
        }
        return text
    }

    /// A value as a single-line cell: `-` when missing or empty, control characters as `?` so a log
    /// cannot move the terminal's cursor or break the line.
    static func cell(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "-" }
        guard value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return value }
        return String(
            String.UnicodeScalarView(
                value.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }
}
