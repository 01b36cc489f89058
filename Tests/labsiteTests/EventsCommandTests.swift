import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail
@testable import LabSiteCloudWatch
@testable import LabSiteIAM

/// Runs the built `labsite events` as a user would.
@Suite("labsite events command")
struct EventsCommandTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try BuiltExecutable.run(arguments, in: Repository.root)
    }

    @Test("the sample trail as a table and as JSON lines, with filters")
    func sampleTrail() throws {
        let table = try Self.run(["events", "content/trail", "--event-name", "consolelogin", "--user", "lab-user"])
        #expect(table.status == 0)
        #expect(
            table.stdout == """
                TIME                  REGION     USER      SOURCE                EVENT         SOURCE IP     ERROR
                2026-11-17T01:54:10Z  us-east-1  lab-user  signin.amazonaws.com  ConsoleLogin  203.0.113.25  -
                2026-11-17T02:24:50Z  us-east-1  lab-user  signin.amazonaws.com  ConsoleLogin  203.0.113.25  -

                """)
        // The labs make no failing call after the trail exists: the filter leaves the header alone.
        let errors = try Self.run(["events", "content/trail", "--errors-only"])
        #expect(errors.status == 0 && errors.stdout == "TIME  REGION  USER  SOURCE  EVENT  SOURCE IP  ERROR\n")
        let lines = try Self.run(["events", "--format", "jsonl", "content/trail", "--source", "ec2", "--user", "admin"])
        #expect(lines.status == 0 && lines.stderr.isEmpty)
        #expect(lines.stdout.split(separator: "\n").count == 13)
        #expect(lines.stdout.hasPrefix(#"{"eventVersion":"1.11","userIdentity":{"type":"IAMUser""#))
    }

    @Test("lookup-events output piped to `labsite events -` prints what the same file does")
    func standardInput() throws {
        let file = Fixtures.url("event-inputs/lookup-events-us-east-1.json")
        let piped = try BuiltExecutable.run(["events", "-"], input: try Data(contentsOf: file))
        #expect(piped.status == 0 && piped.stderr.isEmpty)
        #expect(piped.stdout == (try Self.run(["events", file.path])).stdout)
        #expect(
            piped.stdout.split(separator: "\n").last
                == "2026-11-17T02:24:50Z  us-east-1  lab-user  signin.amazonaws.com  ConsoleLogin      203.0.113.25  -")
        let broken = try BuiltExecutable.run(["events", "-"], input: Data("{\"Events\":[1]}".utf8))
        #expect(broken.status == 1)
        #expect(broken.stderr == "-:1: error: Event 1 is a number, not a JSON object.\n")
    }

    @Test("--format csv writes the console's columns, sorted by time; a CSV download reads back; --time-zone")
    func csv() throws {
        let written = try Self.run(["events", "--format", "csv", "content/trail", "--event-name", "AttachUserPolicy"])
        #expect(written.status == 0 && written.stderr.isEmpty)
        #expect(
            written.stdout
                == CSVWriter.row(CloudTrailRecord.eventHistoryColumns)
                + "admin,ASIARZPUZDIKBWRSEL66,2026-11-17T01:52:30Z,iam.amazonaws.com,AttachUserPolicy,us-east-1,"
                + "203.0.113.25,AWS Internal,,,3c1fb507-70a1-466f-a710-cbcec5c7ae25,"
                + "9c449544-1740-41ee-a064-3c2d710663ee,false,AwsApiCall,123456789012,Management\r\n")
        let history = Fixtures.url("event-inputs/event-history-us-east-1.csv").path
        let read = try Self.run(["events", history, "--event-name", "AttachUserPolicy", "--format", "csv"])
        #expect(read.status == 0 && read.stdout == written.stdout)
        let zone = try Self.run(["events", history, "--time-zone", "Seoul"])
        #expect(
            zone.status != 0 && zone.stderr.contains("--time-zone Seoul is not a time zone such as Asia/Seoul or UTC."))
    }

    @Test("a bad file is reported on stderr, the others still print, and the status is 1")
    func badFile() throws {
        let site = try TemporarySite(files: [
            "t/a.json.gz": "plain text",
            "t/b.json": #"{"Records":[{"eventTime":"2022-06-04T12:00:00Z","eventName":"Good"}]}"#,
        ])
        let folder = site.root.appendingPathComponent("t").path
        let result = try Self.run(["events", "--format", "jsonl", folder])
        #expect(result.status == 1)
        #expect(result.stdout == #"{"eventTime":"2022-06-04T12:00:00Z","eventName":"Good"}"# + "\n")
        #expect(
            result.stderr
                == "\(folder)/a.json.gz: error: The file is not a gzip file (it does not start with the gzip magic bytes 1f 8b).\n"
        )
    }
}
