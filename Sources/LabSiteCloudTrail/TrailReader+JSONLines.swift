import LabSite

/// Each record of a `{"Records":[…]}` file written straight from the file's bytes as a JSON line,
/// with no `JSONValue` or ``CloudTrailRecord`` built on the way: `labsite events --format jsonl`
/// without filters.
///
/// The lines are byte for byte those of ``CloudTrailRecord/writeJSONLines(_:to:)`` over the
/// decoded file. Anything else, a file of another form, a shape that is not an array of record
/// objects or bytes that are not valid JSON, is decoded as ``read(_:)`` decodes it, so its lines
/// and its errors are the same too.
extension TrailReader {
    /// The JSON lines of the records of one file, or its error as ``read(_:)`` reports it.
    public func jsonLines(_ source: TrailSource) throws(CloudTrailError) -> [UInt8] {
        let bytes = try Self.contents(of: source)
        if Self.isDigestPath(source.path) { return [] }
        let json = try inflated(bytes, path: source.path)
        if omittedFields.isEmpty, let lines = recordLines(in: json) { return lines }
        var lines: [UInt8] = []
        CloudTrailRecord.writeJSONLines(try decodeInflated(json, path: source.path).records, to: &lines)
        return lines
    }

    /// The JSON lines of the records in the `"Records"` array of `bytes` (the last such member, as
    /// ``LabSite/JSONObject`` reads it), or `nil` when the file is not one value
    /// `{…,"Records":[{…},…],…}` that a full decode reads as a log file's records.
    func recordLines(in bytes: [UInt8]) -> [UInt8]? {
        // The other forms a full decode recognises before it reads the records.
        if acceptsLooseFormats && (Self.looksLikeCSV(bytes) || Self.isLookupOutput(bytes)) { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            try? JSONScanner.scan(buffer) { scanner throws(JSONSyntaxError) -> [UInt8]? in
                guard scanner.nextByte() == UInt8(ascii: "{") else { return nil }
                // Sized for the usual case: lines are about as long as the records' compact text.
                var writer = JSONCompactWriter(output: [])
                writer.output.reserveCapacity(buffer.count + 4096)
                var found = false
                var isLogFile = true
                try scanner.readMembers { key, scanner throws(JSONSyntaxError) in
                    switch key {
                    case "Records":
                        // The last "Records" counts: what an earlier one wrote goes.
                        writer.output.removeAll(keepingCapacity: true)
                        found = try Self.writeRecordLines(&scanner, to: &writer)
                    case "ResultSet":
                        // Athena's `get-query-results` output, which a full decode reads as such.
                        isLogFile = false
                        try scanner.skipValue()
                    default:
                        try scanner.skipValue()
                    }
                }
                return found && isLogFile ? writer.output : nil
            }
        }
    }

    /// Writes each record of the array at the scanner as a line; `false` when the value is not
    /// an array of objects.
    private static func writeRecordLines(
        _ scanner: inout JSONScanner, to writer: inout JSONCompactWriter
    ) throws(JSONSyntaxError) -> Bool {
        guard scanner.nextByte() == UInt8(ascii: "[") else {
            try scanner.skipValue()
            return false
        }
        var allObjects = true
        try scanner.readElements { scanner throws(JSONSyntaxError) in
            guard allObjects, scanner.nextByte() == UInt8(ascii: "{") else {
                allObjects = false
                try scanner.skipValue()
                return
            }
            try writer.writeCopying(&scanner)
            writer.output.append(0x0A)
        }
        return allObjects
    }
}
