import LabSite

/// The `--format jsonl` view: one compact record per line, every field, like `jq -c '.Records[]'`.
public enum TrailJSONLines {
    /// Appends each record as one line of compact JSON.
    public static func write(_ records: some Sequence<CloudTrailRecord>, to buffer: inout [UInt8]) {
        let writer = TrailJSONWriter()
        for record in records {
            writer.write(record.json, to: &buffer)
            buffer.append(0x0A)
        }
    }

    /// The records as JSON lines text.
    public static func string(_ records: some Sequence<CloudTrailRecord>) -> String {
        var buffer: [UInt8] = []
        write(records, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
