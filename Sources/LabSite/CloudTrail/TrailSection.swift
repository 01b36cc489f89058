import Foundation

/// CloudTrail event pages from the trail logs under `content/`: an events index with a table that
/// sorts, filters and pages in the browser, a page per event, bucket browsing, a summary with
/// highlights, and the `cloudtrail-event` / `cloudtrail-events` directives for lab pages.
///
/// Log files are every `*.json` and `*.json.gz` under `content/trail/`, and every `*.json.gz` or
/// `AWSLogs/…/CloudTrail…/` file elsewhere. Each must be a `{"Records":[…]}` file; a broken one fails
/// the build naming the file. With `--redact` every value goes through ``TrailRedactor`` and the
/// original files are not published.
public struct TrailSection: SiteSection {
    /// The events, oldest first (events without a readable time last, ties in file order).
    var events: [TrailEvent]
    /// The log files, sorted by path.
    var logFiles: [TrailLogFile]
    /// Every file under `content/` the section publishes itself (or withholds).
    var managedFiles: Set<String>
    /// Whether values were redacted.
    var isRedacted: Bool { redactor != nil }
    /// The stand-ins learned from the trail, with `--redact`.
    var redactor: TrailRedactor?
    /// The `content/` folder, to copy the log files from.
    var contentDirectory: URL

    static let indexPath = "events/index.html"
    static let indexTitle = "CloudTrail 이벤트"
    static let summaryPath = "events/summary.html"
    static let summaryTitle = "CloudTrail 이벤트 요약"
    static let bucketPath = "events/bucket/index.html"
    static let bucketTitle = "CloudTrail 로그 버킷"
    static let dataPath = "events/events-data.js"
    /// The table's script, a theme asset (`templates/assets/trail-table.js`).
    static let scriptPath = "assets/trail-table.js"
    /// Names under `events/` that event pages must not take.
    static let reservedIDs: Set<String> = ["index", "summary", "events-data", "bucket"]

    /// With `--redact`, the trail's values wherever else they appear: lab text quoting a record,
    /// alarm and policy ARNs with the same account id.
    public func redact(_ text: String) -> String {
        redactor?.redactLearned(text) ?? text
    }

    /// Whether `path` (relative to `content/`) is a trail log file.
    static func isLogPath(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard TrailReader.isLogFileName(name) else { return false }
        if path.hasPrefix("trail/") || name.hasSuffix(".json.gz") { return true }
        return TrailObjectKey(path: path) != nil
    }

    /// Reads and decodes every trail file; the first broken one throws its ``CloudTrailError``.
    public static func load(from input: SectionInput) throws -> TrailSection {
        let reader = TrailReader(inflateLimit: input.options.inflateLimit, acceptsLooseFormats: false)
        let trailFiles = input.content.files.filter {
            $0.hasPrefix("trail/") || ($0.contains("AWSLogs/") && isLogPath($0))
        }
        let logPaths = trailFiles.filter { isLogPath($0) && !TrailReader.isDigestPath($0) }
        var decoded: [(path: String, records: [CloudTrailRecord])] = []
        for path in logPaths {
            let source = TrailSource(url: input.contentDirectory.appendingPathComponent(path), path: "content/" + path)
            decoded.append((path, try reader.read(source).records))
        }

        var redactor: TrailRedactor?
        if input.options.redact {
            var learner = TrailRedactor()
            for file in decoded {
                learner.learn(file.path)
                for record in file.records { learner.learn(record.json) }
            }
            learner.finish()
            redactor = learner
        }

        var unordered: [(event: TrailEvent, order: Int)] = []
        var logFiles: [TrailLogFile] = []
        var usedIDs: Set<String> = []
        for (fileIndex, file) in decoded.enumerated() {
            let shownPath = redactor?.redact(file.path) ?? file.path
            var segments = shownPath.split(separator: "/").map(String.init)
            if segments.first == "trail" && segments.count > 1 { segments.removeFirst() }
            let name = segments.removeLast()
            logFiles.append(
                TrailLogFile(
                    contentPath: file.path, displayPath: "content/" + shownPath,
                    folders: segments.map(TrailLogFile.safeSegment), fileName: TrailLogFile.safeSegment(name),
                    eventIndices: [], downloadPath: redactor == nil ? file.path : nil))
            for (position, original) in file.records.enumerated() {
                let record =
                    redactor.map { CloudTrailRecord(fields: $0.redact(original.json).objectValue ?? [:]) }
                    ?? original
                let id = uniqueID(for: record, path: file.path, position: position, used: &usedIDs)
                unordered.append((TrailEvent(record: record, fileIndex: fileIndex, id: id), unordered.count))
            }
        }
        let events = unordered.sorted { left, right in
            switch (left.event.record.timestamp, right.event.record.timestamp) {
            case let (l?, r?) where l != r: return l < r
            case (.some, .none): return true
            case (.none, .some): return false
            default: return left.order < right.order
            }
        }.map(\.event)
        for (index, event) in events.enumerated() { logFiles[event.fileIndex].eventIndices.append(index) }
        for index in logFiles.indices { logFiles[index].eventIndices.sort() }
        return TrailSection(
            events: events, logFiles: logFiles, managedFiles: Set(trailFiles), redactor: redactor,
            contentDirectory: input.contentDirectory)
    }

    /// The `eventID` when it is a safe file name not taken yet, otherwise a hash of the file and position.
    private static func uniqueID(
        for record: CloudTrailRecord, path: String, position: Int, used: inout Set<String>
    ) -> String {
        if let eventID = record.eventID, (1...80).contains(eventID.count),
            eventID == TrailLogFile.safeSegment(eventID), eventID.first != ".",
            !reservedIDs.contains(eventID.lowercased()), used.insert(eventID.lowercased()).inserted
        {
            return eventID
        }
        // FNV-1a: stable across runs and platforms, unlike `Hasher`.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(path)#\(position)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        var id = "event-" + String(hash, radix: 16)
        while !used.insert(id.lowercased()).inserted { id += "-" + String(position) }
        return id
    }

    /// The events index, the summary, the bucket pages and one page per event.
    public func pages() throws -> [GeneratedPage] {
        guard !events.isEmpty || !logFiles.isEmpty else { return [] }
        var pages = [indexPage(), summaryPage()]
        pages += bucketPages()
        pages += events.indices.map(eventPage)
        return pages
    }

    /// The table's data script and, without `--redact`, the log files as they are.
    public func files() throws -> [OutputFile] {
        guard !events.isEmpty || !logFiles.isEmpty else { return [] }
        var output = [OutputFile.text(Self.dataPath, dataScript())]
        if !isRedacted {
            output += managedFiles.sorted().map {
                OutputFile(path: $0, contents: .copy(contentDirectory.appendingPathComponent($0)))
            }
        }
        return output
    }

    /// The trail's files: published by ``files()`` as they are, or withheld with `--redact`.
    public var consumedFiles: Set<String> { managedFiles }

    /// ```` ```cloudtrail-event ```` (one event as a card) and ```` ```cloudtrail-events ```` (a table).
    public var directives: [Directive] {
        let section = self
        return [
            Directive(name: "cloudtrail-event") { try section.renderEventCard($0) },
            Directive(name: "cloudtrail-events") { try section.renderEventTable($0) },
        ]
    }
}
