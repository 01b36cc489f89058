import Foundation
import LabSite

/// Each record of a `{"Records":[…]}` file written straight from the file's bytes as its event
/// page's JSON block, with no `JSONValue` built on the way.
///
/// An event page shows its record as ``TrailHTML/jsonBlock(_:)`` writes it. Parsing every record
/// into values only to write them out again was a large part of a site build, so the site scans
/// the file once, finding each record's bytes in the `"Records"` array and handing them to
/// a ``JSONHTMLWriter``: byte for byte the text of the parsed record, with the checks and errors of
/// a parse, so bytes that are not valid JSON fail as a parse fails.
extension TrailReader {
    /// The event-page JSON blocks of the records of one `{"Records":[…]}` file
    /// (``recordBlocks(in:)``), with the errors of ``read(_:)``.
    func recordBlocks(_ source: TrailSource) throws(CloudTrailError) -> [Data] {
        let json = try inflated(try Self.contents(of: source), path: source.path)
        do {
            return try Self.recordBlocks(in: json)
        } catch {
            throw CloudTrailError(path: source.path, json: error)
        }
    }

    /// The JSON block of each record in the `"Records"` array of `bytes` (the last such member, as
    /// ``LabSite/JSONObject`` reads it), in order.
    static func recordBlocks(in bytes: [UInt8]) throws(JSONSyntaxError) -> [Data] {
        let blocks = try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try JSONScanner.scan(buffer) { scanner throws(JSONSyntaxError) -> [Data]? in
                guard scanner.nextByte() == UInt8(ascii: "{") else {
                    throw scanner.syntaxError(
                        "expected the object of a {\"Records\":[…]} file, found \(scanner.describe(scanner.index))")
                }
                var blocks: [Data]?
                try scanner.readMembers { key, scanner throws(JSONSyntaxError) in
                    if key == "Records" {
                        blocks = try recordsArray(&scanner)
                    } else {
                        try scanner.skipValue()
                    }
                }
                return blocks
            }
        }
        guard let blocks else {
            throw JSONSyntaxError(
                offset: bytes.count, in: bytes, message: "the file has no \"Records\" array of objects")
        }
        return blocks
    }

    /// The blocks of the records in the array at the scanner, or `nil` when the value is not an
    /// array of objects (which only matters when it is the last `"Records"`).
    private static func recordsArray(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> [Data]? {
        guard scanner.nextByte() == UInt8(ascii: "[") else {
            try scanner.skipValue()
            return nil
        }
        var blocks: [Data]? = []
        try scanner.readElements { scanner throws(JSONSyntaxError) in
            guard scanner.nextByte() == UInt8(ascii: "{") else {
                try scanner.skipValue()
                blocks = nil
                return
            }
            var writer = JSONHTMLWriter(capacity: 4096)
            writer.html.append(TrailHTML.jsonBlockStart)
            try writer.write(&scanner)
            writer.html.append(TrailHTML.jsonBlockEnd)
            blocks?.append(writer.data())
        }
        return blocks
    }
}
