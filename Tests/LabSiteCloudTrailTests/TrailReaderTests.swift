import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail

@Suite("TrailReader")
struct TrailReaderTests {
    let reader = TrailReader()
    static let record = #"{"eventVersion":"1.08","eventTime":"2022-06-04T12:00:00Z","eventName":"A"}"#

    @Test("containers: Records (gzip or plain), a bare array, a lone record")
    func containers() throws {
        let wrapped = "{\"Records\":[\(Self.record),\(Self.record)]}"
        let gz = try reader.decode(GzipBuilder.member(wrapped), path: "x.json.gz")
        #expect(gz.container == .records && gz.records.count == 2)
        #expect(try reader.decode(Array(wrapped.utf8), path: "x.json").records.count == 2)
        #expect(try reader.decode(GzipBuilder.member(wrapped), path: "x.json").records.count == 2)
        let array = try reader.decode(Array("[\(Self.record)]".utf8), path: "a.json")
        #expect(array.container == .array && array.records.count == 1)
        let lone = try reader.decode(Array(Self.record.utf8), path: "r.json")
        #expect(lone.container == .singleRecord && lone.records.first?.eventName == "A")
    }

    @Test("strict reading accepts only {\"Records\":[…]}")
    func strict() {
        let strict = TrailReader(acceptsLooseFormats: false)
        #expect(throws: CloudTrailError.self) { try strict.decode(Array("[\(Self.record)]".utf8), path: "a.json") }
        #expect(throws: CloudTrailError.self) { try strict.decode(Array(Self.record.utf8), path: "r.json") }
    }

    @Test("digest files are recognised by folder, name and content")
    func digests() throws {
        #expect(TrailReader.isDigestPath("AWSLogs/1/CloudTrail-Digest/us-east-1/2022/06/04/x.json.gz"))
        #expect(TrailReader.isDigestPath("1_CloudTrail-Digest_us-east-1_t_us-east-1_20220604T133722Z.json.gz"))
        #expect(!TrailReader.isDigestPath("AWSLogs/1/CloudTrail/us-east-1/2022/06/04/x.json.gz"))
        let digest = #"{"awsAccountId":"1","digestStartTime":"2022-06-04T12:37:22Z","logFiles":[]}"#
        #expect(try reader.decode(Array(digest.utf8), path: "d.json").container == .digest)
    }

    @Test(
        "a broken file gives path: error: cause",
        arguments: [
            (
                "t/x.json.gz", Array("{\"Records\":[]}".utf8),
                "t/x.json.gz: error: The file is not a gzip file (it does not start with the gzip magic bytes 1f 8b)."
            ),
            (
                "t/x.json.gz", Array(GzipBuilder.member("{\"Records\":[]}").dropLast(6)),
                "t/x.json.gz: error: The gzip file is truncated: the data ends before the compressed stream does."
            ),
            (
                "t/x.json.gz",
                {
                    var bytes = GzipBuilder.member("{\"Records\":[]}"); bytes[bytes.count - 5] ^= 1; return bytes
                }(),
                "t/x.json.gz: error: The gzip file is corrupt: incorrect data check."
            ),
            (
                "t/x.json", Array("{\"Records\":[\n{\"a\":1},\n{\"b\" 2}]}".utf8),
                "t/x.json:3: error: The file is not valid JSON: expected ':' after the key \"b\", found '2' (column 6)."
            ),
            (
                "t/x.json", Array("{\"records\":[]}".utf8),
                "t/x.json: error: The file has no \"Records\" array; a CloudTrail log file is {\"Records\":[…]}."
            ),
            (
                "t/x.json", Array("{\"Records\":{}}".utf8),
                "t/x.json: error: \"Records\" is an object, not an array of records."
            ),
            (
                "t/x.json", Array("{\"Records\":[{},\"oops\"]}".utf8),
                "t/x.json: error: Record 2 is a string, not a JSON object."
            ),
            (
                "t/x.json", Array("42".utf8),
                "t/x.json: error: The file holds a number; a CloudTrail log file is {\"Records\":[…]}."
            ),
        ] as [(String, [UInt8], String)])
    func broken(path: String, bytes: [UInt8], message: String) {
        #expect(throws: CloudTrailError.self) { try reader.decode(bytes, path: path) }
        do {
            _ = try reader.decode(bytes, path: path)
        } catch {
            #expect(error.errorDescription == message)
        }
    }

    @Test("a decompression bomb over the limit is an error")
    func bomb() {
        let bomb = GzipBuilder.member("{\"Records\":[" + String(repeating: " ", count: 20_000) + "]}")
        do {
            _ = try TrailReader(inflateLimit: 10_000).decode(bomb, path: "b.json.gz")
            Issue.record("the bomb decoded")
        } catch {
            #expect(
                error.errorDescription
                    == "b.json.gz: error: The gzip file inflates to more than 10000 bytes (the inflate limit); "
                    + "it is treated as a decompression bomb.")
        }
    }

    @Test("folders are walked for *.json.gz and *.json; digests and other files are skipped; errors do not stop")
    func folders() async throws {
        let site = try TemporarySite(files: [
            "logs/AWSLogs/1/CloudTrail/us-east-1/2022/06/04/b.json": "{\"Records\":[\(Self.record)]}",
            "logs/AWSLogs/1/CloudTrail/us-east-1/2022/06/04/a.json.gz": "not gzip",
            "logs/AWSLogs/1/CloudTrail-Digest/us-east-1/2022/06/04/d.json": "{}",
            "logs/AWSLogs/1/CloudTrail/us-east-1/2022/06/04/1_CloudTrail-Digest_x.json": "{}",
            "logs/notes.txt": "ignored",
            "logs/.hidden.json": "ignored",
        ])
        let folder = site.root.appendingPathComponent("logs").path
        let (sources, missing) = TrailReader.sources(for: [folder, folder + "/nope"])
        #expect(
            sources.map(\.path) == [
                folder + "/AWSLogs/1/CloudTrail/us-east-1/2022/06/04/a.json.gz",
                folder + "/AWSLogs/1/CloudTrail/us-east-1/2022/06/04/b.json",
            ])
        #expect(missing.map(\.errorDescription) == ["\(folder)/nope: error: There is no file or folder at this path."])
        var outcomes: [String] = []
        reader.forEachFile(in: sources, batchSize: 1) {
            $0.records.count
        } body: { source, result in
            switch result {
            case .success(let count): outcomes.append("\(source.url.lastPathComponent): \(count)")
            case .failure(let error): outcomes.append(error.reason)
            }
        }
        #expect(outcomes == [GunzipError.notGzip.reason, "b.json: 1"])
    }

    @Test(
        "outputs reach the body in source order whatever the batch size, while the next batch is read",
        arguments: [1, 3, 7, 50, 64])
    func batchOrder(batchSize: Int) throws {
        let names = (0..<50).map { String(format: "t/%02d.json", $0) }
        let site = try TemporarySite(
            files: Dictionary(
                uniqueKeysWithValues: names.enumerated().map { index, name in
                    (
                        name,
                        "{\"Records\":[" + Array(repeating: Self.record, count: index % 4 + 1).joined(separator: ",")
                            + "]}"
                    )
                }))
        let sources = names.map { TrailSource(url: site.root.appendingPathComponent($0), path: $0) }
        var seen: [String] = []
        reader.forEachFile(in: sources, batchSize: batchSize) {
            $0.records.count
        } body: { source, result in
            seen.append("\(source.path): \((try? result.get()) ?? -1)")
        }
        #expect(seen == names.enumerated().map { "\($1): \($0 % 4 + 1)" })
    }

    @Test("the S3 layout is read from the path, organization trails included")
    func objectKey() throws {
        let key = try #require(
            TrailObjectKey(
                path: "x/AWSLogs/o-1234abcde/222222222222/CloudTrail/us-east-1/2025/03/06/"
                    + "222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz"))
        #expect(key.organizationID == "o-1234abcde")
        #expect(
            [key.accountID, key.folder, key.region, key.year, key.month, key.day] == [
                "222222222222", "CloudTrail", "us-east-1", "2025", "03", "06",
            ])
        #expect(key.deliveryTime == "20250306T0230Z")
        #expect(TrailObjectKey(path: "logs/file.json") == nil)
    }
}

/// `aws cloudtrail lookup-events` output, and standard input.
@Suite("TrailReader: lookup-events output")
struct TrailReaderLookupEventsTests {
    let reader = TrailReader()

    /// The sample trail's us-east-1 events, as lookup-events lists them in two pages appended to one file.
    static let lookupFixture = "event-inputs/lookup-events-us-east-1.json"

    @Test("two appended pages decode to the same records as the trail's S3 files hold")
    func sameAsBucket() throws {
        let lookup = try reader.read(
            TrailSource(url: Fixtures.url(Self.lookupFixture), path: "lookup-events-us-east-1.json"))
        #expect(lookup.container == .lookupEvents)
        let folder = Repository.root.appendingPathComponent("content/trail/AWSLogs/123456789012/CloudTrail/us-east-1")
        let bucket = try TrailReader.sources(inFolder: folder).flatMap { source in
            try reader.read(TrailSource(url: folder.appendingPathComponent(source.path), path: source.path)).records
        }
        #expect(lookup.records.count == 5)
        #expect(bucket.count == 5)
        let byID = Dictionary(uniqueKeysWithValues: bucket.map { ($0.eventID ?? "", $0) })
        for record in lookup.records {
            let matching = try #require(byID[record.eventID ?? ""])
            #expect(record.fields == matching.fields)
        }
        // Newest first, as lookup-events lists them.
        #expect(lookup.records.first?.eventTime == "2026-11-17T02:24:50Z")
    }

    @Test("the outer fields stand in for missing record fields")
    func outerFields() throws {
        let page = #"""
            {"Events":[{"EventId":"e-1","EventName":"CreateUser","ReadOnly":"false","AccessKeyId":"AKIAEXAMPLE",
            "EventTime":"2026-11-17T01:52:30+00:00","EventSource":"iam.amazonaws.com","Username":"admin",
            "CloudTrailEvent":"{\"eventName\":\"CreateUser\",\"awsRegion\":\"us-east-1\"}"},
            {"EventId":"e-2","EventName":"ConsoleLogin","ReadOnly":"true","Username":"lab-user"}]}
            """#
        let file = try reader.decode(Array(page.utf8), path: "p.json")
        #expect(file.records.count == 2)
        let first = try #require(file.records.first)
        #expect(
            JSONCompactWriter.string(JSONValue(.object(first.fields)))
                == #"{"eventName":"CreateUser","awsRegion":"us-east-1","eventID":"e-1","eventTime":"2026-11-17T01:52:30+00:00","#
                + #""eventSource":"iam.amazonaws.com","readOnly":false,"userIdentity":{"userName":"admin","accessKeyId":"AKIAEXAMPLE"}}"#
        )
        #expect(first.timestamp == CloudTrailTimestamp("2026-11-17T01:52:30Z"))
        let second = try #require(file.records.last)
        #expect(
            JSONCompactWriter.string(JSONValue(.object(second.fields)))
                == #"{"eventID":"e-2","eventName":"ConsoleLogin","readOnly":true,"userIdentity":{"userName":"lab-user"}}"#
        )
    }

    @Test(
        "a broken page fails at its line with the cause",
        arguments: [
            (
                "{\"Events\":[\n{\"EventId\":\"e\",\n\"CloudTrailEvent\":\"{\\\"a\\\" 1}\"}]}",
                "p.json:3: error: Event 1's \"CloudTrailEvent\" is not valid JSON: expected ':' after the key \"a\", "
                    + "found '1' (column 6 of the string's text)."
            ),
            (
                "{\"Events\":[{\"CloudTrailEvent\":7}]}",
                "p.json:1: error: Event 1's \"CloudTrailEvent\" is a number, not a string holding the event's JSON."
            ),
            (
                "{\"Events\":[{\"CloudTrailEvent\":\"[]\"}]}",
                "p.json:1: error: Event 1's \"CloudTrailEvent\" holds an array, not a JSON object."
            ),
            ("{\"Events\":{}}", "p.json:1: error: \"Events\" is an object, not an array of events."),
            ("{\"Events\":[1]}", "p.json:1: error: Event 1 is a number, not a JSON object."),
            (
                "{\"Events\":[]}\n{\"Records\":[]}",
                "p.json:2: error: The file holds JSON values one after another, and value 2 is not a page of "
                    + "`aws cloudtrail lookup-events` output ({\"Events\":[…]}); only such pages may follow each other."
            ),
        ])
    func broken(text: String, message: String) {
        let error = #expect(throws: CloudTrailError.self) { try reader.decode(Array(text.utf8), path: "p.json") }
        #expect(error?.errorDescription == message)
    }

    @Test("a page whose \"Events\" is not its first member reads the same; one with \"Records\" is a log file")
    func eventsNotFirst() throws {
        let events = #"[{"EventId":"e-1","CloudTrailEvent":"{\"eventName\":\"A\"}"},{"EventId":"e-2"}]"#
        let streamed = try reader.decode(Array(#"{"Events":\#(events),"NextToken":"t"}"#.utf8), path: "p.json")
        let whole = try reader.decode(Array(#"{"NextToken":"t","Events":\#(events)}"#.utf8), path: "p.json")
        #expect(TrailReader.isLookupOutput(Array(#" {"Events":[]}"#.utf8)))
        #expect(!TrailReader.isLookupOutput(Array(#"{"Records":[], "Events":[]}"#.utf8)))
        #expect(!TrailReader.isLookupOutput(Array(#"[{"Events":[]}]"#.utf8)))
        #expect(streamed.records.map(\.fields) == whole.records.map(\.fields))
        #expect(whole.container == .lookupEvents && whole.records.count == 2)
    }

    @Test("strict reading, as the site's trail folder does, refuses appended values")
    func strict() {
        let strict = TrailReader(acceptsLooseFormats: false)
        let error = #expect(throws: CloudTrailError.self) {
            try strict.decode(Array("{\"Records\":[]}\n{\"Records\":[]}".utf8), path: "p.json")
        }
        #expect(
            error?.errorDescription
                == "p.json:2: error: The file holds 2 JSON values one after another; a CloudTrail log file is one "
                + "{\"Records\":[…]} object.")
    }
}

/// The console's Event history CSV download, and `labsite events --format csv`.
@Suite("TrailReader: Event history CSV")
struct TrailReaderEventHistoryTests {
    let reader = TrailReader()

    static func bucketRecords() throws -> [String: CloudTrailRecord] {
        let folder = Repository.root.appendingPathComponent("content/trail/AWSLogs/123456789012/CloudTrail/us-east-1")
        let records = try TrailReader.sources(inFolder: folder).flatMap { source in
            try TrailReader().read(TrailSource(url: folder.appendingPathComponent(source.path), path: source.path))
                .records
        }
        return Dictionary(uniqueKeysWithValues: records.map { ($0.eventID ?? "", $0) })
    }

    /// The fields a 16-column download carries.
    static let carried = [
        "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent", "errorCode",
        "requestID", "eventID", "readOnly", "eventType", "recipientAccountId", "eventCategory",
    ]

    @Test("the 16-column download decodes to the bucket's records, field by field for what it carries")
    func sixteenColumns() throws {
        let file = try reader.read(
            TrailSource(url: Fixtures.url("event-inputs/event-history-us-east-1.csv"), path: "history.csv"))
        #expect(file.container == .eventHistoryCSV)
        #expect(file.records.count == 5)
        let bucket = try Self.bucketRecords()
        for record in file.records {
            let matching = try #require(bucket[record.eventID ?? ""])
            for field in Self.carried {
                #expect(record.fields[field] == matching.fields[field], "\(field) of \(record.eventID ?? "")")
            }
            #expect(record.userIdentity?.userName == matching.userIdentity?.userName)
            #expect(record.fields["requestParameters"] == nil)
        }
    }

    @Test("what --format csv writes reads back as the same fields")
    func roundTrip() throws {
        let bucket = try Self.bucketRecords().values.sorted { ($0.eventTime ?? "") < ($1.eventTime ?? "") }
        let written = CloudTrailRecord.eventHistoryCSV(bucket)
        let read = try reader.decode(Array(written.utf8), path: "out.csv").records
        #expect(read.map(\.eventHistoryCells) == bucket.map(\.eventHistoryCells))
    }

    @Test("the 10-column download with local times needs a time zone, and then gives UTC")
    func tenColumns() throws {
        let text = """
            Event ID,Event time,User name,Event name,Resource type,Resources,AWS access key,AWS region,Error code,Source IP address\r
            e-1,"2026-11-17, 10:48:05 AM",admin,CreateUser,AWS::IAM::User,lab-user,AKIAEXAMPLE,us-east-1,,203.0.113.25\r

            """
        let error = #expect(throws: CloudTrailError.self) { try reader.decode(Array(text.utf8), path: "old.csv") }
        #expect(
            error?.errorDescription
                == "old.csv:2: error: The Event time \"2026-11-17, 10:48:05 AM\" is a local time, and no time zone "
                + "was given for it; give the zone the console showed it in with --time-zone (for example Asia/Seoul).")
        var zoned = reader
        zoned.timeZone = TimeZone(identifier: "Asia/Seoul")
        let record = try #require(try zoned.decode(Array(text.utf8), path: "old.csv").records.first)
        #expect(
            JSONCompactWriter.string(record.json)
                == #"{"userIdentity":{"userName":"admin","accessKeyId":"AKIAEXAMPLE"},"eventTime":"2026-11-17T01:48:05Z","#
                + #""eventName":"CreateUser","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.25","eventID":"e-1","#
                + #""resources":[{"type":"AWS::IAM::User","resourceName":"lab-user"}]}"#)
    }

    @Test(
        "a broken download fails at its line with the cause",
        arguments: [
            (
                "Event ID,Event time,Event name,Resources\r\ne,2026-11-17T01:00:00Z,A,\"[{\"\"a\"\" 1}]\"\r\n",
                "h.csv:2: error: The Resources cell is not the JSON array it should hold: expected ':' after the key "
                    + "\"a\", found '1' (column 7 of the cell)."
            ),
            (
                "Event ID,Event time,Event name\r\ne,\"2026-11-17T01:00:00Z\r\n",
                "h.csv:2: error: The file is not valid CSV: a quoted cell that starts on this line is never closed."
            ),
            (
                "name,value\r\ne,2026\r\n",
                "h.csv:1: error: The file is CSV, but neither a CloudTrail Event history download (it has no "
                    + "\"Event ID\", \"Event time\", \"Event name\" column) nor Athena results over the CloudTrail table "
                    + "(no eventid, eventtime, eventname or eventsource column). Its columns are \"name\", \"value\"."
            ),
            (
                "Event ID,Event time,Event name\r\ne,yesterday,A\r\n",
                "h.csv:2: error: The Event time \"yesterday\" is a local time, and no time zone was given for it; "
                    + "give the zone the console showed it in with --time-zone (for example Asia/Seoul)."
            ),
        ])
    func broken(text: String, message: String) {
        let error = #expect(throws: CloudTrailError.self) { try reader.decode(Array(text.utf8), path: "h.csv") }
        #expect(error?.errorDescription == message)
    }

    @Test("a value from a log that a spreadsheet would run is neutralised in --format csv")
    func injection() throws {
        let record = try #require(
            try TrailReader().decode(
                Array(
                    #"{"Records":[{"eventTime":"2026-11-17T01:00:00Z","eventName":"=HYPERLINK(\"http://x\",\"y\")","#
                        .utf8)
                    + Array(#""userAgent":"@SUM(1+1)","userIdentity":{"userName":"-2+3"},"errorCode":"+cmd"}]}"#.utf8),
                path: "t.json"
            ).records.first)
        #expect(
            CloudTrailRecord.eventHistoryCSV([record], header: false)
                == "'-2+3,,2026-11-17T01:00:00Z,,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,,'@SUM(1+1),'+cmd,,,,,,,\r\n"
        )
    }
}

/// Amazon Athena results over AWS's CloudTrail table.
@Suite("TrailReader: Athena results")
struct TrailReaderAthenaTests {
    let reader = TrailReader()

    /// `value` with every object's members sorted by key, to compare records whatever order made them.
    static func sorted(_ value: JSONValue) -> JSONValue {
        switch value.content {
        case .object(let object):
            return JSONValue(
                .object(
                    JSONObject(
                        object.members.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: sorted($0.value)) })))
        case .array(let items): return JSONValue(.array(items.map(sorted)))
        default: return value
        }
    }

    @Test(
        "the CSV file and get-query-results decode to the bucket's records, for every column selected",
        arguments: ["event-inputs/athena-results.csv", "event-inputs/athena-get-query-results.json"])
    func sameAsBucket(fixture: String) throws {
        let file = try reader.read(TrailSource(url: Fixtures.url(fixture), path: fixture))
        #expect(file.container == .athenaResults)
        #expect(file.records.count == 5)
        let folder = Repository.root.appendingPathComponent(
            "content/trail/AWSLogs/123456789012/CloudTrail/ap-northeast-2")
        let bucket = try TrailReader.sources(inFolder: folder).flatMap { source in
            try reader.read(TrailSource(url: folder.appendingPathComponent(source.path), path: source.path)).records
        }
        let byID = Dictionary(uniqueKeysWithValues: bucket.map { ($0.eventID ?? "", $0) })
        for record in file.records {
            let matching = try #require(byID[record.eventID ?? ""])
            for member in record.fields.members {
                let expected = try #require(matching.fields[member.key], "\(member.key)")
                #expect(Self.sorted(member.value) == Self.sorted(expected), "\(member.key) of \(record.eventID ?? "")")
            }
        }
    }

    @Test(
        "struct text parses where it is unambiguous, names in CloudTrail's spelling, nulls left out",
        arguments: [
            (
                "{type=IAMUser, principalid=AIDA1, invokedby=null, sessioncontext={attributes={mfaauthenticated=false}}}",
                #"{"type":"IAMUser","principalId":"AIDA1","sessionContext":{"attributes":{"mfaAuthenticated":"false"}}}"#
            ),
            (
                "[{arn=arn:aws:s3:::b, type=AWS::S3::Bucket}, {arn=x, type=y}]",
                #"[{"arn":"arn:aws:s3:::b","type":"AWS::S3::Bucket"},{"arn":"x","type":"y"}]"#
            ),
            (
                "{useragent=Mozilla/5.0 (KHTML, like Gecko), x=1}",
                #"{"userAgent":"Mozilla/5.0 (KHTML, like Gecko)","x":"1"}"#
            ),
            ("{}", "{}"), ("[]", "[]"),
        ])
    func structText(text: String, json: String) throws {
        let value = try #require(AthenaStructText.parse(text))
        #expect(JSONCompactWriter.string(value) == json)
    }

    @Test(
        "struct text that cannot be told apart stays raw",
        arguments: ["{a=b", "{a=x}y}", "{a={b=1}, c}", "[1, 2", "{=1}"])
    func ambiguous(text: String) throws {
        #expect(AthenaStructText.parse(text) == nil)
        let csv = "eventid,useridentity\n\"e\",\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
        let record = try #require(try reader.decode(Array(csv.utf8), path: "a.csv").records.first)
        #expect(record.fields["userIdentity"] == .string(text))
    }

    @Test(
        "broken get-query-results fail at their line with the cause",
        arguments: [
            (
                "{\"ResultSet\":{}}",
                "r.json:1: error: Value 1 of the file is not `aws athena get-query-results` output: it has no "
                    + "\"ResultSet\" with a \"Rows\" array."
            ),
            (
                "{\"ResultSet\":{\"Rows\":[{\"Data\":[{\"VarCharValue\":\"name\"}]}]}}",
                "r.json:1: error: The first row of the results names no column of the CloudTrail table (eventid, "
                    + "eventtime, eventname or eventsource), so they are not CloudTrail events."
            ),
            (
                "{\"ResultSet\":{\"Rows\":[\n{\"Data\":[{\"VarCharValue\":\"eventid\"}]},\n{\"Data\":[{},{}]}]}}",
                "r.json:3: error: This row has 2 cells, but the first row names 1 columns."
            ),
            (
                "{\"ResultSet\":{\"Rows\":[7]}}",
                "r.json:1: error: A row of the results is a number without a \"Data\" array of cells."
            ),
        ])
    func broken(text: String, message: String) {
        let error = #expect(throws: CloudTrailError.self) { try reader.decode(Array(text.utf8), path: "r.json") }
        #expect(error?.errorDescription == message)
    }
}
