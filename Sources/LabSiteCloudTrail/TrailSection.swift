import Foundation
import LabSite

/// CloudTrail event pages from the trail logs under `content/`: an events index with a table that
/// sorts, filters and pages in the browser, a page per event, bucket browsing, a summary with
/// highlights, and the `cloudtrail-event` / `cloudtrail-events` directives for lab pages.
///
/// Log files are every `*.json`, `*.json.gz` and `*.csv` under `content/trail/`, and every
/// `*.json.gz` or `AWSLogs/…/CloudTrail…/` file elsewhere: log files as S3 holds them, and the
/// other forms ``TrailReader`` reads (Event history downloads, lookup-events output, Athena
/// results). An `eventID` read from several files is one event, with the record of the richest
/// source. A broken file fails the build naming the file. With `--redact` every value goes through ``TrailRedactor`` and the
/// original files are not published.
public struct TrailSection: SiteSection {
    /// The events, oldest first (events without a readable time last, ties in file order).
    ///
    /// A copy of an event costs two retains (its page name and its shared facts), so code may take
    /// events out of the array like any other value.
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
    /// Reads the log files again for the event pages.
    var reader: TrailReader
    /// The site's theme, which renders the section's pages and directives.
    var templates: TemplateRenderer
    /// The AWS ids and account numbers in the log files as they are under `content/`.
    public var identifierScan: IdentifierScan

    static let indexPath = "events/index.html"
    static let indexTitle = "CloudTrail 이벤트"
    static let summaryPath = "events/summary.html"
    static let summaryTitle = "CloudTrail 이벤트 요약"
    static let bucketPath = "events/bucket/index.html"
    static let bucketTitle = "CloudTrail 로그 버킷"
    static let dataPath = "events/events-data.js"
    /// The table's script, a theme asset (`templates/assets/trail-table.js`).
    static let scriptPath = "assets/trail-table.js"
    // An array: hashing every event id to look it up costs more than comparing with four.
    /// Names under `events/` that event pages must not take.
    static let reservedIDs = ["index", "summary", "events-data", "bucket"]

    /// With `--redact`, the trail's values wherever else they appear: lab text quoting a record,
    /// alarm and policy ARNs with the same account id.
    public func redact(_ text: String) -> String {
        redactor?.redactLearned(text) ?? text
    }

    /// Whether `path` (relative to `content/`) is a trail log file.
    static func isLogPath(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if path.hasPrefix("trail/") && name.hasSuffix(".csv") { return true }
        guard TrailReader.isLogFileName(name) else { return false }
        if path.hasPrefix("trail/") || name.hasSuffix(".json.gz") { return true }
        return TrailObjectKey(path: path) != nil
    }

    /// Reads and decodes every trail file; the first broken one throws its ``CloudTrailError``.
    ///
    /// Files are decoded on all cores a few dozen at a time and only the facts of each event are
    /// kept, so memory stays flat in the size of the trail. With `--redact` the files are read
    /// twice: once to learn every value to hide, once to keep the redacted facts.
    public static func load(from input: SectionInput) throws -> TrailSection {
        var reader = TrailReader(inflateLimit: input.options.inflateLimit)
        reader.timeZone = TimeZone(identifier: input.content.settings.timeZone)
        let trailFiles = input.content.files.filter {
            $0.hasPrefix("trail/") || ($0.contains("AWSLogs/") && isLogPath($0))
        }
        let logPaths = trailFiles.filter { isLogPath($0) && !TrailReader.isDigestPath($0) }
        let sources = logPaths.map {
            TrailSource(url: input.contentDirectory.appendingPathComponent($0), path: "content/" + $0)
        }

        var redactor: TrailRedactor?
        if input.options.redact {
            var learner = TrailRedactor()
            try reader.forEachFile(in: sources, transform: \.records) { source, result in
                learner.learn(String(source.path.dropFirst("content/".count)))
                for record in try result.get() { learner.learn(record.json) }
            }
            learner.finish()
            redactor = learner
        }

        var logFiles: [TrailLogFile] = []
        for path in logPaths {
            let shownPath = redactor?.redact(path) ?? path
            var segments = shownPath.split(separator: "/").map(String.init)
            if segments.first == "trail" && segments.count > 1 { segments.removeFirst() }
            let name = segments.removeLast()
            logFiles.append(
                TrailLogFile(
                    contentPath: path, displayPath: "content/" + shownPath,
                    folders: segments.map(TrailLogFile.safeSegment), fileName: TrailLogFile.safeSegment(name),
                    eventIndices: [], downloadPath: redactor == nil ? path : nil))
        }
        let learned = redactor
        var unordered: [TrailEvent] = []
        var fileCount = 0
        // Without the fields the facts do not read, which the event pages read again anyway.
        var firstPass = reader
        firstPass.omittedFields = TrailEvent.unreadFields
        firstPass.wholeRecordEventNames = eventsReadingWholeRecord
        // Batches far larger than `labsite events` uses: only each event's facts leave a batch, and
        // fewer batches mean fewer hand-overs between the reading threads and `body`.
        firstPass.scansIdentifiers = true
        var identifiers = IdentifierScan()
        try firstPass.forEachFile(in: sources, batchSize: 256) { file in
            var texts = TrailEvent.Interner()
            let partial = file.container == .eventHistoryCSV || file.container == .athenaResults
            let events = file.records.enumerated().map { position, original in
                var event = TrailEvent(
                    record: learned?.redact(original) ?? original, fileIndex: 0, position: position, id: "",
                    texts: &texts)
                if partial {
                    event.fieldsNotInSource = TrailEvent.fullRecordFields.filter { original.fields[$0] == nil }
                }
                return event
            }
            return (events, file.identifierScan, file.container)
        } body: { _, result in
            let (events, scan, container) = try result.get()
            identifiers.merge(scan)
            logFiles[fileCount].container = container
            // Files come in the order of `sources`, which is the order of `logFiles`.
            for var event in events {
                event.fileIndex = fileCount
                unordered.append(event)
            }
            fileCount += 1
        }
        unordered = Self.oneEventPerID(unordered, containers: logFiles.map(\.container))
        // Page names are given in file order, so which of two events with the same id keeps it
        // does not depend on their times; the set is sized up front, as growing it rehashed every
        // id several times.
        var usedIDs: Set<String> = []
        usedIDs.reserveCapacity(unordered.count)
        for index in unordered.indices {
            let (file, position) = (unordered[index].fileIndex, unordered[index].position)
            unordered[index].id = uniqueID(
                for: unordered[index].eventID, path: logPaths[file], position: position, used: &usedIDs)
        }
        // Sorted by a flat list of times, each of which is behind a reference in its event.
        let times = unordered.map(\.timestamp)
        let order = unordered.indices.sorted { left, right in
            switch (times[left], times[right]) {
            case let (l?, r?) where l != r: return l < r
            case (.some, .none): return true
            case (.none, .some): return false
            default: return left < right
            }
        }
        let events = order.map { unordered[$0] }
        for index in events.indices { logFiles[events[index].fileIndex].eventIndices.append(index) }
        for index in logFiles.indices { logFiles[index].eventIndices.sort() }
        return TrailSection(
            events: events, logFiles: logFiles, managedFiles: Set(trailFiles), redactor: redactor,
            contentDirectory: input.contentDirectory, reader: reader, templates: input.templates,
            identifierScan: identifiers)
    }

    /// `events` with each `eventID` read from several files once: the record of the richest source
    /// (a log file as S3 holds it, then lookup-events output, Athena results, an Event history CSV
    /// download; the first file among equals), which lists the other files in ``TrailEvent/alsoIn``.
    static func oneEventPerID(_ events: [TrailEvent], containers: [TrailFile.Container]) -> [TrailEvent] {
        // Sized up front and hashed once per id: this runs on one core while the others wait.
        var keeper: [String: Int] = [:]
        keeper.reserveCapacity(events.count)
        var kept = events
        var dropped = [Bool](repeating: false, count: events.count)
        for index in events.indices {
            guard let id = events[index].eventID, !id.isEmpty else { continue }
            // Nearly every id is new: storing first and putting the earlier event back when it
            // was not hashes each id once.
            guard let other = keeper.updateValue(index, forKey: id) else { continue }
            // Twice in one file is two records, as the file has them: only other files are other sources.
            guard events[other].fileIndex != events[index].fileIndex else {
                keeper[id] = other
                continue
            }
            let better =
                richness(containers[events[index].fileIndex]) < richness(containers[events[other].fileIndex])
            let (winner, loser) = better ? (index, other) : (other, index)
            kept[winner].alsoIn = (kept[other].alsoIn + kept[index].alsoIn + [events[loser].fileIndex]).sorted()
            kept[loser].alsoIn = []
            dropped[loser] = true
            keeper[id] = winner
        }
        guard dropped.contains(true) else { return events }
        return kept.indices.filter { !dropped[$0] }.map { kept[$0] }
    }

    /// How much of a record a form carries, fullest first.
    private static func richness(_ container: TrailFile.Container) -> Int {
        switch container {
        case .records, .array, .singleRecord, .digest: 0
        case .lookupEvents: 1
        case .athenaResults: 2
        case .eventHistoryCSV: 3
        }
    }

    /// The JSON blocks of the records of one log file, for its events' pages
    /// (``TrailHTML/jsonBlock(_:)``), redacted with `--redact`.
    ///
    /// Without `--redact` they are written straight from the file's bytes
    /// (``TrailReader/recordBlocks(in:)``); redacting needs the decoded values.
    func recordBlocks(inFile index: Int) throws -> [Data] {
        let file = logFiles[index]
        let source = TrailSource(
            url: contentDirectory.appendingPathComponent(file.contentPath), path: "content/" + file.contentPath)
        let blocks: [Data]
        if let redactor {
            blocks = try reader.read(source).records.map { TrailHTML.jsonBlock(redactor.redact($0).json) }
        } else if file.container == .records {
            blocks = try reader.recordBlocks(source)
        } else {
            // Only `{"Records":[…]}` files are written straight from their bytes; the other forms hold
            // records in other shapes (a string per event, CSV cells), so their decoded records are written.
            blocks = try reader.read(source).records.map { TrailHTML.jsonBlock($0.json) }
        }
        guard blocks.count >= file.eventIndices.count else {
            throw CloudTrailError(
                path: source.path,
                reason: "The file changed while the site was being built (it has fewer records now); build again.")
        }
        return blocks
    }

    /// `id` in lower case, for comparing page names as case-insensitive file systems do; event ids
    /// are mostly lower-case already, and `lowercased()` on every one of them is measurable.
    private static func caseFolded(_ id: String) -> String {
        id.utf8.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } ? id.lowercased() : id
    }

    /// The `eventID` when it is a safe file name not taken yet, otherwise a hash of the file and position.
    private static func uniqueID(
        for eventID: String?, path: String, position: Int, used: inout Set<String>
    ) -> String {
        if let eventID, (1...80).contains(eventID.utf8.count),
            eventID == TrailLogFile.safeSegment(eventID), eventID.first != ".",
            case let folded = Self.caseFolded(eventID),
            !reservedIDs.contains(folded), used.insert(folded).inserted
        {
            return eventID
        }
        // FNV-1a: stable across runs and platforms, unlike `Hasher`.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(path)#\(position)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        var id = "event-" + String(hash, radix: 16)
        while !used.insert(caseFolded(id)).inserted { id += "-" + String(position) }
        return id
    }

    /// The events index, the summary and the bucket pages; the event pages come from ``pageStream()``.
    public func pages() throws -> [GeneratedPage] {
        guard !events.isEmpty || !logFiles.isEmpty else { return [] }
        // Each walks every event; on all cores they take half the time.
        let section = self
        let makers: [@Sendable () throws -> [GeneratedPage]] = [
            { [try section.indexPage()] }, { [try section.summaryPage()] }, section.bucketPages,
        ]
        return try WorkerThreads.map(makers) { try $0() }.flatMap { try $0.get() }
    }

    /// A page per event, rendered a log file at a time (the file is decoded once for all its events).
    public func pageStream() throws -> PageStream? {
        guard !events.isEmpty else { return nil }
        let section = self
        let entries = logFiles.flatMap { file in
            file.eventIndices.map { index in
                PageStream.Entry(
                    path: events[index].pagePath, title: events[index].title, summary: events[index].summary)
            }
        }
        return PageStream(entries: entries, batchCount: logFiles.count) { fileIndex in
            try section.eventPages(inFile: fileIndex, blocks: try section.recordBlocks(inFile: fileIndex))
        }
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
