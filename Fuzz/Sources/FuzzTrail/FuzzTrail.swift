import Foundation
import FuzzSupport
import LabSite
import LabSiteCloudTrail

/// The CloudTrail log file reader: gzip or plain JSON, `{"Records": […]}` or the loose shapes it
/// accepts, then every field a page or the summary reads from a record.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrail(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    // The name decides whether gzip is required, so both kinds of name are read.
    let path = Gunzip.isGzip(bytes) ? "AWSLogs/fuzz.json.gz" : "AWSLogs/fuzz.json"
    // `--format jsonl` writes a file's lines from its bytes: they must be the decoded records' lines.
    var source = TrailSource(url: URL(fileURLWithPath: path), path: path)
    source.bytes = bytes
    let lines = Result { () throws(CloudTrailError) in try reader.jsonLines(source) }
    do {
        let file = try reader.decode(bytes, path: path)
        for record in file.records { touch(record) }
        var decodedLines: [UInt8] = []
        CloudTrailRecord.writeJSONLines(file.records, to: &decodedLines)
        precondition(lines == .success(decodedLines), "the lines from the bytes differ from the decoded records'")
        _ = file.objectKey
    } catch {
        precondition(error.path == path, "the error names \(error.path), not \(path)")
        precondition(lines == .failure(error), "the lines from the bytes fail otherwise than the decode")
        _ = error.reason
    }
    return 0
}

/// The inflate limit is small so a bomb is refused inside -rss_limit_mb.
private let reader = TrailReader(inflateLimit: 1 << 20)

/// Reads every derived field of a record.
private func touch(_ record: CloudTrailRecord) {
    _ = record.timestamp.map { ($0.iso8601, $0.displayText, $0.date) }
    _ = record.userIdentity.map { ($0.displayName, $0.kind, $0.accessKeyId, $0.sessionContext, $0.onBehalfOf) }
    _ = record.category
    _ = record.isError
    _ = record.userDisplayName
    _ = record.consoleLoginResult
    _ = record.mfaUsed
    _ = record.resources
    _ = record.managementEvent
    _ = record.readOnly
    _ = record.sessionCredentialFromConsole
    _ = record.tlsDetails
    _ = record.insightDetails.map { ($0.baselineAverage, $0.insightAverage, $0.insightDuration, $0.attributions) }
    _ = record.undocumentedFields
}
