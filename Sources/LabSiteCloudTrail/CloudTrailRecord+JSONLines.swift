import LabSite

/// The `--format jsonl` view: one compact record per line, every field, like `jq -c '.Records[]'`.
extension CloudTrailRecord {
    /// Appends each record as one line of compact JSON.
    public static func writeJSONLines(_ records: some Sequence<CloudTrailRecord>, to buffer: inout [UInt8]) {
        var writer = JSONCompactWriter()
        swap(&writer.output, &buffer)
        for record in records {
            writer.write(record.json)
            writer.output.append(0x0A)
        }
        swap(&writer.output, &buffer)
    }

    /// The records as JSON lines text.
    public static func jsonLines(_ records: some Sequence<CloudTrailRecord>) -> String {
        var buffer: [UInt8] = []
        writeJSONLines(records, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
