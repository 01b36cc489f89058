import Foundation
import FuzzSupport
import LabSite
import LabSiteCloudTrail

/// The forms events come in besides S3's log files, as `labsite events` and `content/trail/` read
/// them: CSV (the console's Event history downloads, Athena's results, UTF-16 "Unicode text"),
/// `lookup-events` pages and `get-query-results` JSON, then the console's columns written back out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventForms(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    if let table = try? CSVTable(bytes: bytes) {
        for row in table.rows {
            precondition(row.cells.count == table.header.count, "a row of \(row.cells.count) cells was kept")
            precondition(row.line >= 2, "a row after the header starts on line \(row.line)")
        }
        // What the writer writes, the reader reads back: with each formula-like cell's leading quote,
        // which writing again keeps as it is, so the second writing is the first. A row of one empty
        // cell is a blank line, which the reader skips, and a leading U+FEFF would read as a byte
        // order mark; those inputs are left out.
        let rows = [table.header] + table.rows.map(\.cells)
        let written = rows.map(CSVWriter.row).joined()
        let hasBlankRow = rows.contains { $0.count == 1 && $0[0].isEmpty }
        if !hasBlankRow, !written.hasPrefix("\u{FEFF}") {
            let again = try? CSVTable(bytes: Array(written.utf8))
            let read = again.map { [$0.header] + $0.rows.map(\.cells) }
            precondition(
                read.map { $0.map(CSVWriter.row).joined() } == written, "the writer's CSV did not read back as written")
        }
    }
    // With a time zone, so that local times are read too (without one they are an error, tested apart).
    let path = "history.csv"
    do {
        let file = try reader.decode(bytes, path: path)
        _ = CloudTrailRecord.eventHistoryCSV(file.records)
        for record in file.records {
            _ = record.timestamp.map(\.iso8601)
            _ = record.userIdentity.map { ($0.displayName, $0.kind, $0.accessKeyId) }
            _ = record.resources
            _ = record.readOnly
        }
    } catch {
        precondition(error.path == path, "the error names \(error.path), not \(path)")
        if let line = error.line {
            precondition(line >= 1, "an error on line \(line)")
        }
    }
    return 0
}

/// The inflate limit is small so a bomb is refused inside -rss_limit_mb.
private let reader: TrailReader = {
    var reader = TrailReader(inflateLimit: 1 << 20)
    reader.timeZone = TimeZone(identifier: "Asia/Seoul")
    return reader
}()
