import Foundation
import LabSite

/// Finds and decodes CloudTrail log files: gzip or plain JSON, files or whole folders.
///
/// Accepted containers: `{"Records":[…]}` (CloudTrail's delivery format, and the console's Event
/// history JSON download) and, unless `acceptsLooseFormats` is off, a bare array of records or a
/// lone record object, because published samples (Stratus Red Team, documentation) come that way,
/// and `aws cloudtrail lookup-events` output, one page or several appended to one file, and the
/// console's Event history CSV download, and Amazon Athena results over AWS's CloudTrail table
/// (the CSV file Athena writes, `aws athena get-query-results` output). Anything else is an error naming the
/// file. Digest files are recognised by their folder (`CloudTrail-Digest/`), their name
/// (`_CloudTrail-Digest_`) or their content (`digestStartTime`…) and skipped.
public struct TrailReader: Sendable {
    /// The most bytes one file may inflate to.
    public var inflateLimit: Int
    /// Accept bare arrays of records and lone records besides `{"Records":[…]}`.
    public var acceptsLooseFormats: Bool
    /// The zone of local times in Event history CSV downloads (`2020-05-13, 04:52:01 PM`); a file
    /// with such times is an error without one.
    public var timeZone: TimeZone?
    /// Record fields to check but leave out of `{"Records":[…]}` files, for a caller that reads
    /// only some fields of each record: the site's first pass over a trail, where half of a
    /// record's bytes are fields such as `requestParameters` that it does not read.
    var omittedFields: [String] = []
    /// Event names whose records keep every field all the same, because the caller reads an
    /// omitted field of theirs; a file with such a record is decoded whole.
    var wholeRecordEventNames: Set<String> = []
    /// Whether each decoded file also gets the ``IdentifierScan`` of its inflated text, for the
    /// build's check for ids that reveal an account.
    var scansIdentifiers = false

    /// Creates a reader.
    public init(inflateLimit: Int = Gunzip.defaultLimit, acceptsLooseFormats: Bool = true) {
        self.inflateLimit = inflateLimit
        self.acceptsLooseFormats = acceptsLooseFormats
    }

    /// Whether a file name is one the reader looks at in a folder: `*.json.gz` or `*.json`.
    public static func isLogFileName(_ name: String) -> Bool {
        name.hasSuffix(".json.gz") || name.hasSuffix(".json")
    }

    /// Whether `path` names a digest file by its folder or its name.
    public static func isDigestPath(_ path: String) -> Bool {
        path.split(separator: "/").contains("CloudTrail-Digest") || path.contains("_CloudTrail-Digest_")
    }

    /// The log files at `paths`: a file as it is, a folder walked recursively for `*.json.gz` and
    /// `*.json` (hidden entries and digest files skipped), sorted by path within each folder.
    ///
    /// A path that does not exist is reported in `errors`; the others are still listed. `-` is
    /// standard input (read once, however often it is named).
    public static func sources(for paths: [String]) -> (sources: [TrailSource], errors: [CloudTrailError]) {
        var sources: [TrailSource] = []
        var errors: [CloudTrailError] = []
        var standardInput: TrailSource?
        for path in paths {
            if path == "-" {
                let source = standardInput ?? TrailSource.standardInput()
                standardInput = source
                sources.append(source)
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                errors.append(CloudTrailError(path: path, reason: "There is no file or folder at this path."))
                continue
            }
            let url = URL(fileURLWithPath: path, isDirectory: isFolder.boolValue)
            guard isFolder.boolValue else {
                sources.append(TrailSource(url: url, path: path))
                continue
            }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            sources += Self.sources(inFolder: url).map { TrailSource(url: $0.url, path: prefix + $0.path) }
        }
        return (sources, errors)
    }

    /// The log files under `folder`, with paths relative to it, sorted; digest files left out.
    public static func sources(inFolder folder: URL) -> [TrailSource] {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        guard
            let walker = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var found: [TrailSource] = []
        for case let url as URL in walker where isLogFileName(url.lastPathComponent) {
            guard isRegularFile(url) else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
            if isDigestPath(relative) { continue }
            found.append(TrailSource(url: url, path: relative))
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Whether `url` names a regular file itself, not a link to one: what `isRegularFileKey` says,
    /// asked of the file system directly, as a folder of many files made the resource value's
    /// conversions a large part of a run.
    private static func isRegularFile(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// Reads and decodes one file.
    public func read(_ source: TrailSource) throws(CloudTrailError) -> TrailFile {
        try decode(try Self.contents(of: source), path: source.path)
    }

    static func contents(of source: TrailSource) throws(CloudTrailError) -> [UInt8] {
        if let bytes = source.bytes { return bytes }
        do {
            return [UInt8](try Data(contentsOf: source.url))
        } catch {
            throw CloudTrailError(path: source.path, reason: "The file cannot be read: \(error.localizedDescription)")
        }
    }

    /// `bytes`, inflated when they are gzip: always for a name ending in `.gz`.
    func inflated(_ bytes: [UInt8], path: String) throws(CloudTrailError) -> [UInt8] {
        do {
            return
                path.hasSuffix(".gz")
                ? try Gunzip.inflate(bytes, limit: inflateLimit)
                : try Gunzip.inflateIfCompressed(bytes, limit: inflateLimit)
        } catch {
            throw CloudTrailError(path: path, gunzip: error)
        }
    }

    /// Decodes the bytes of one file, gzip or plain, named `path` in errors.
    ///
    /// A name ending in `.gz` must hold gzip data; other names may hold either.
    public func decode(_ bytes: [UInt8], path: String) throws(CloudTrailError) -> TrailFile {
        if Self.isDigestPath(path) { return TrailFile(path: path, container: .digest, records: []) }
        let json = try inflated(bytes, path: path)
        var file = try decodeInflated(json, path: path)
        if scansIdentifiers { file.identifierScan = IdentifierScan(bytes: json, path: path) }
        return file
    }

    /// Decodes the inflated text of one file, named `path` in errors.
    func decodeInflated(_ json: [UInt8], path: String) throws(CloudTrailError) -> TrailFile {
        if acceptsLooseFormats, Self.looksLikeCSV(json) { return try csvFile(json, path: path) }
        if acceptsLooseFormats, Self.isLookupOutput(json) {
            return TrailFile(
                path: path, container: .lookupEvents, records: try Self.lookupRecords(in: json, path: path))
        }
        if !omittedFields.isEmpty, let file = try recordsLeavingOut(omittedFields, of: json, path: path) {
            return file
        }
        let documents: [JSONValue]
        do {
            // A sequence: pages of `aws cloudtrail lookup-events` appended to one file follow each other.
            documents = try JSONValue.parseSequence(json)
        } catch {
            throw CloudTrailError(path: path, json: error)
        }
        if acceptsLooseFormats, let first = documents.first?.objectValue, Self.isAthenaResults(first) {
            return TrailFile(
                path: path, container: .athenaResults,
                records: try Self.athenaRecords(in: documents, text: json, path: path))
        }
        if documents.count == 1, let document = documents.first { return try records(in: document, path: path) }
        guard acceptsLooseFormats, let first = documents.first else {
            throw CloudTrailError(
                path: path, line: documents.dropFirst().first.map { Self.line(of: $0, in: json) },
                reason: "The file holds \(documents.count) JSON values one after another; a CloudTrail log file "
                    + "is one {\"Records\":[…]} object.")
        }
        // Only lookup-events pages (read above) may follow each other.
        throw Self.notAPage(first, number: 1, text: json, path: path)
    }

    /// The records of `json` without the `fields`, or `nil` when it must be decoded whole: it is not
    /// a `{"Records":[…]}` file (its records are at another depth) or has a record of one of
    /// ``wholeRecordEventNames``. Errors are the same as for a whole decode.
    private func recordsLeavingOut(_ fields: [String], of json: [UInt8], path: String) throws(CloudTrailError)
        -> TrailFile?
    {
        let document: JSONValue
        do {
            // Depth 3: the members of the objects in the array under the outer object's "Records".
            let documents = try JSONValue.parseSequence(json, omitting: .init(depth: 3, names: fields))
            // Several values can only be lookup-events pages, which are decoded whole.
            guard documents.count == 1, let first = documents.first else { return nil }
            document = first
        } catch {
            throw CloudTrailError(path: path, json: error)
        }
        let file = try records(in: document, path: path)
        guard file.container == .records || file.container == .digest,
            !file.records.contains(where: { $0.eventName.map(wholeRecordEventNames.contains) ?? false })
        else { return nil }
        return file
    }

    private func records(in document: JSONValue, path: String) throws(CloudTrailError) -> TrailFile {
        switch document.content {
        case .object(let object):
            if let wrapped = object["Records"] {
                guard let elements = wrapped.arrayValue else {
                    throw CloudTrailError(
                        path: path, reason: "\"Records\" is \(Self.describe(wrapped)), not an array of records.")
                }
                return TrailFile(path: path, container: .records, records: try Self.records(elements, path: path))
            }
            if object["digestStartTime"] != nil || object["digestPublicKeyFingerprint"] != nil {
                return TrailFile(path: path, container: .digest, records: [])
            }
            let looksLikeRecord = object["eventVersion"] != nil || object["eventTime"] != nil
            guard acceptsLooseFormats && looksLikeRecord else {
                throw CloudTrailError(
                    path: path,
                    reason: "The file has no \"Records\" array; a CloudTrail log file is {\"Records\":[…]}.")
            }
            return TrailFile(path: path, container: .singleRecord, records: [CloudTrailRecord(fields: object)])
        case .array(let elements) where acceptsLooseFormats:
            return TrailFile(path: path, container: .array, records: try Self.records(elements, path: path))
        default:
            throw CloudTrailError(
                path: path,
                reason: "The file holds \(Self.describe(document)); a CloudTrail log file is {\"Records\":[…]}.")
        }
    }

    private static func records(_ elements: [JSONValue], path: String) throws(CloudTrailError) -> [CloudTrailRecord] {
        var records: [CloudTrailRecord] = []
        records.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            guard let fields = element.objectValue else {
                throw CloudTrailError(
                    path: path, reason: "Record \(position + 1) is \(describe(element)), not a JSON object.")
            }
            records.append(CloudTrailRecord(fields: fields))
        }
        return records
    }

    static func describe(_ value: JSONValue) -> String {
        switch value.content {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
