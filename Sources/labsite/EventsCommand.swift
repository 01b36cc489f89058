import ArgumentParser
import Foundation
import LabSite
import LabSiteCloudTrail

/// `labsite events PATH…`: prints the events of CloudTrail log files as a table or JSON lines.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Decode CloudTrail log files (.json.gz or .json) and print their events.",
        discussion: """
            Each PATH is a log file or a folder, walked recursively for *.json.gz and *.json; digest files \
            are skipped; - reads standard input. A file may be a log file as CloudTrail writes it to S3, \
            the console's Event history JSON or CSV download, or `aws cloudtrail lookup-events` output (one \
            page or several appended), recognised by what it holds. Filters combine: an event is printed when it passes all of them; a filter given twice \
            accepts either value. A file that cannot be decoded is reported as `path: error: cause` on stderr, \
            the other files are still printed, and the exit status is 1.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl, csv
    }

    @Argument(help: "Log files or folders; - for standard input.")
    var paths: [String]

    @Option(
        help: """
            table (time, region, user, source, event, source IP, error; sorted by time), jsonl, or csv (the \
            console's 16 Event history columns, sorted by time, cells that a spreadsheet would run as formulas \
            neutralised).
            """)
    var format: Format = .table

    @Option(name: .customLong("event-name"), help: "Keep events with this eventName (repeatable).")
    var eventNames: [String] = []

    @Option(name: .customLong("user"), help: "Keep events by this user name, ARN, principal or access key id.")
    var users: [String] = []

    @Option(name: .customLong("source"), help: "Keep events from this eventSource; `s3` means s3.amazonaws.com.")
    var sources: [String] = []

    @Option(name: .customLong("region"), help: "Keep events in this awsRegion (repeatable).")
    var regions: [String] = []

    @Flag(name: .customLong("errors-only"), help: "Keep only failed requests (with errorCode or errorMessage).")
    var errorsOnly = false

    @Option(help: "Keep events at or after this time (2022-06-04 or 2022-06-04T12:30:00Z).")
    var since: String?

    @Option(help: "Keep events at or before this time; a date alone includes that whole day.")
    var until: String?

    @Option(
        name: .customLong("time-zone"),
        help: "The time zone of local times in Event history CSV downloads, such as Asia/Seoul.")
    var timeZone: String?

    @Option(name: .customLong("inflate-limit"), help: "The most bytes one gzip file may inflate to.")
    var inflateLimit: Int = Gunzip.defaultLimit

    @Flag(help: "Replace account ids, access key ids, IP addresses and principal ids with consistent stand-ins.")
    var redact = false

    func validate() throws {
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            throw ValidationError("--time-zone \(timeZone) is not a time zone such as Asia/Seoul or UTC.")
        }
        if let since, EventFilter.time(since, endOfDay: false) == nil {
            throw ValidationError("--since \(since) is not a time such as 2022-06-04 or 2022-06-04T12:30:00Z.")
        }
        if let until, EventFilter.time(until, endOfDay: true) == nil {
            throw ValidationError("--until \(until) is not a time such as 2022-06-04 or 2022-06-04T12:30:00Z.")
        }
    }

    func run() async throws {
        let filter = EventFilter(
            eventNames: eventNames, users: users, sources: sources, regions: regions, errorsOnly: errorsOnly,
            since: since.flatMap { EventFilter.time($0, endOfDay: false) },
            until: until.flatMap { EventFilter.time($0, endOfDay: true) })
        let (found, missing) = TrailReader.sources(for: paths)
        var failed = !missing.isEmpty
        for error in missing { Diagnostics.printError(error.errorDescription ?? error.reason) }
        var reader = TrailReader(inflateLimit: inflateLimit)
        reader.timeZone = timeZone.flatMap(TimeZone.init(identifier:))
        let redactor = redact ? Self.learnValues(of: found, with: reader) : nil
        let prepare: @Sendable (TrailFile) -> [CloudTrailRecord] = { file in
            let records = file.records.filter(filter.matches)
            return redactor.map { redactor in records.map(redactor.redact) } ?? records
        }
        let output = FileHandle.standardOutput
        // A file's lines go out as soon as its turn comes; a file that cannot be read is reported.
        func writeLines(_: TrailSource, _ result: Result<[UInt8], CloudTrailError>) throws {
            switch result {
            case .success(let bytes): if !bytes.isEmpty { try output.write(contentsOf: bytes) }
            case .failure(let error):
                failed = true
                Diagnostics.printError(error.errorDescription ?? error.reason)
            }
        }
        switch format {
        case .jsonl where filter.isEmpty && redactor == nil:
            // Every record as it stands: the lines are written from each file's bytes.
            try reader.forEachSource(
                in: found,
                transform: { [reader] source in
                    Result { () throws(CloudTrailError) in try reader.jsonLines(source) }
                }, body: writeLines)
        case .jsonl:
            try reader.forEachFile(
                in: found,
                transform: { file in
                    var buffer: [UInt8] = []
                    CloudTrailRecord.writeJSONLines(prepare(file), to: &buffer)
                    return buffer
                }, body: writeLines)
        case .csv:
            // Only each record's time and cells leave the worker threads, as the table's rows do.
            var rows: [(time: CloudTrailTimestamp?, cells: [String])] = []
            reader.forEachFile(in: found) { file in
                prepare(file).map { (time: $0.timestamp, cells: $0.eventHistoryCells) }
            } body: { _, result in
                switch result {
                case .success(let some): rows += some
                case .failure(let error):
                    failed = true
                    Diagnostics.printError(error.errorDescription ?? error.reason)
                }
            }
            var text = CSVWriter.row(CloudTrailRecord.eventHistoryColumns)
            for row in CloudTrailTimestamp.timeOrdered(rows, by: \.time) { text += CSVWriter.row(row.cells) }
            try output.write(contentsOf: Data(text.utf8))
        case .table:
            var table = EventTable()
            reader.forEachFile(in: found) { file in
                prepare(file).map(EventTable.Row.init)
            } body: { _, result in
                switch result {
                case .success(let rows): table.append(rows: rows)
                case .failure(let error):
                    failed = true
                    Diagnostics.printError(error.errorDescription ?? error.reason)
                }
            }
            try output.write(contentsOf: Data(table.rendered().utf8))
        }
        if failed { throw ExitCode.failure }
    }

    /// Every value of every readable file, so that one stand-in serves all files (a first pass;
    /// broken files are reported by the second).
    private static func learnValues(of sources: [TrailSource], with reader: TrailReader) -> TrailRedactor {
        var redactor = TrailRedactor()
        reader.forEachFile(in: sources) { file in
            file.records.map(\.json)
        } body: { _, result in
            if case .success(let values) = result { for value in values { redactor.learn(value) } }
        }
        redactor.finish()
        return redactor
    }
}
