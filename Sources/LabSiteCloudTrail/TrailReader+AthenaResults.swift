import LabSite

/// Amazon Athena query results over AWS's CloudTrail table (``AthenaColumns``): the CSV file
/// Athena writes to S3, and `aws athena get-query-results` output, whose
/// `ResultSet.Rows[].Data[].VarCharValue` hold the cells and whose first row names the columns.
extension TrailReader {
    /// The records of Athena's CSV results, whose header is `table`'s.
    static func athenaRecords(_ table: CSVTable) -> [CloudTrailRecord] {
        table.rows.map { row in
            AthenaColumns.record(header: table.header, cells: row.cells)
        }
    }

    /// Whether `object` is `get-query-results` output.
    static func isAthenaResults(_ object: JSONObject) -> Bool {
        object["ResultSet"] != nil
    }

    /// The records of `get-query-results` pages (the CLI's output, or several pages appended, of
    /// which only the first starts with the row of column names).
    static func athenaRecords(
        in documents: [JSONValue], text: [UInt8], path: String
    ) throws(CloudTrailError) -> [CloudTrailRecord] {
        var header: [String]?
        var records: [CloudTrailRecord] = []
        for (number, document) in zip(1..., documents) {
            guard let rows = document.objectValue?.object("ResultSet")?["Rows"]?.arrayValue else {
                throw CloudTrailError(
                    path: path, line: line(of: document, in: text),
                    reason: "Value \(number) of the file is not `aws athena get-query-results` output: it has no "
                        + "\"ResultSet\" with a \"Rows\" array.")
            }
            for row in rows {
                guard let data = row.objectValue?["Data"]?.arrayValue else {
                    throw CloudTrailError(
                        path: path, line: line(of: row, in: text),
                        reason: "A row of the results is \(describe(row)) without a \"Data\" array of cells.")
                }
                // An empty object is a NULL cell.
                let cells = data.map { $0.objectValue?.string("VarCharValue") }
                guard let columns = header else {
                    let names = cells.map { $0 ?? "" }
                    guard AthenaColumns.names(names) else {
                        throw CloudTrailError(
                            path: path, line: line(of: row, in: text),
                            reason: "The first row of the results names no column of the CloudTrail table "
                                + "(eventid, eventtime, eventname or eventsource), so they are not CloudTrail events.")
                    }
                    header = names
                    continue
                }
                if cells == columns { continue }
                guard cells.count == columns.count else {
                    throw CloudTrailError(
                        path: path, line: line(of: row, in: text),
                        reason: "This row has \(cells.count) cells, but the first row names \(columns.count) columns.")
                }
                records.append(
                    AthenaColumns.record(header: columns, cells: cells))
            }
        }
        return records
    }
}
