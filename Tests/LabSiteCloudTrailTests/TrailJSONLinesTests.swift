import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail

@Suite("JSON lines from a file's bytes")
struct TrailJSONLinesTests {
    /// A source holding `bytes`, named `path`.
    static func source(_ bytes: [UInt8], path: String = "t/x.json") -> TrailSource {
        var source = TrailSource(url: URL(fileURLWithPath: "/nonexistent/" + path), path: path)
        source.bytes = bytes
        return source
    }

    /// The lines `--format jsonl` wrote before: each decoded record through the compact writer.
    static func decodedLines(_ source: TrailSource, reader: TrailReader = TrailReader()) throws(CloudTrailError)
        -> [UInt8]
    {
        var lines: [UInt8] = []
        CloudTrailRecord.writeJSONLines(try reader.read(source).records, to: &lines)
        return lines
    }

    @Test(
        "escapes, whitespace, non-ASCII text, numbers, literals and empty containers come out as decoded records write them"
    )
    func sameAsDecoded() throws {
        let json = """
            \u{FEFF}{ "Other" : [1, {"Records": 2}],\r\n\t"Records" : [ {"a\\"<b>":["x&y'z","tab\\there\\u0001\\u007f\u{7F}",
            1.5E+3,1.0E+2,-0,1e-7,true,false,null,{},[]],"e":{"k":"</script>","\\u00e9\\/\\ud83d\\ude00\\ud800":"한글 é"}},
            {}, {"nested": [[[]], [{"x": [ ]}]], "s": "plain ascii"},{"eventVersion":"1.08","x":"a\\/b"},
            {"eventVersion":"1.08","userIdentity":{"type":"Root"},"n":[1,2.50],"s":"say \\"hi\\"\\n"} ] , "after": "x" }
            """
        let bytes = Array(json.utf8)
        let lines = try #require(TrailReader().recordLines(in: bytes))
        #expect(lines == (try Self.decodedLines(Self.source(bytes))))
        let text = String(decoding: lines, as: UTF8.self)
        #expect(text.split(separator: "\n").count == 5)
        let last = #"{"eventVersion":"1.08","userIdentity":{"type":"Root"},"n":[1,2.50],"s":"say \"hi\"\n"}"#
        #expect(text.hasSuffix(last + "\n"))
        #expect(text.contains(#"{"eventVersion":"1.08","x":"a/b"}"# + "\n"))
        #expect(text.contains(#""é/😀\#u{FFFD}":"한글 é""#))
    }

    @Test("a compact file's records are its own bytes, one per line")
    func compactCopied() throws {
        let records = [
            #"{"eventVersion":"1.08","eventTime":"2024-03-01T10:59:38Z","requestParameters":{"maxResults":50,"filters":[{"name":"tag:Name","values":["web","db"]}]},"responseElements":null,"readOnly":true}"#,
            #"{"eventVersion":"1.08","errorMessage":"User: arn:aws:iam::1:user/a is not authorized","policy":"{\"Version\":\"2012-10-17\"}\n"}"#,
        ]
        let bytes = Array(("{\"Records\":[" + records.joined(separator: ",") + "]}").utf8)
        let lines = try #require(TrailReader().recordLines(in: bytes))
        #expect(String(decoding: lines, as: UTF8.self) == records.map { $0 + "\n" }.joined())
        #expect(lines == (try Self.decodedLines(Self.source(bytes))))
    }

    @Test("the last \"Records\" member is the one read, as the decoded object reads it")
    func lastRecords() throws {
        let bytes = Array(#"{"Records":[{"a":1}],"x":[],"Records":[{"b":2},{"c":3}]}"#.utf8)
        let lines = try #require(TrailReader().recordLines(in: bytes))
        #expect(String(decoding: lines, as: UTF8.self) == "{\"b\":2}\n{\"c\":3}\n")
        #expect(lines == (try Self.decodedLines(Self.source(bytes))))
    }

    @Test(
        "other forms and shapes are decoded whole, with the same lines",
        arguments: [
            // A bare array, a lone record, an empty array of records.
            #"[{"eventVersion":"1.08","eventName":"A"}]"#, #"{"eventVersion":"1.08","eventName":"A"}"#,
            #"{"Records":[]}"#,
            // lookup-events output, one page and two, and a page whose "Events" comes second.
            #"{"Events":[{"EventId":"1","CloudTrailEvent":"{\"eventVersion\":\"1.08\",\"eventName\":\"A\"}"}]}"#,
            #"{"Events":[]}{"Events":[{"EventId":"1","CloudTrailEvent":"{\"eventName\":\"B\"}"}]}"#,
            #"{"NextToken":"x","Events":[],"Records":[{"a":1}]}"#,
            // A digest, and Athena's get-query-results output beside "Records".
            #"{"awsAccountId":"1","digestStartTime":"2022-06-04T12:37:22Z","logFiles":[]}"#,
            #"{"Records":[{"a":1}],"ResultSet":{"Rows":[{"Data":[{"VarCharValue":"eventname"}]},{"Data":[{"VarCharValue":"A"}]}]}}"#,
            // An Event history CSV download.
            "Event ID,Event time,User name,Event name\n1,2022-06-04T12:00:00Z,a,A\n",
        ])
    func otherForms(text: String) throws {
        let bytes = Array(text.utf8)
        let reader = TrailReader()
        if !text.hasPrefix(#"{"Records":[]}"#) { #expect(reader.recordLines(in: bytes) == nil) }
        let source = Self.source(bytes)
        let expected = Result { () throws(CloudTrailError) in try Self.decodedLines(source) }
        let lines = Result { () throws(CloudTrailError) in try reader.jsonLines(source) }
        #expect(lines == expected)
    }

    @Test(
        "files that are not log files fail with the errors of a full decode",
        arguments: [
            #"{"Records":[{"a":1}"#, #"{"Records":[{"a":"\x"}]}"#, #"{"Records":[{"a":tru}]}"#,
            #"{"Records":[{"a" 1}]}"#, #"{"Records":[{"a":1}]} x"#, #"{"Records":[{}{}]}"#, #"{"Records":{}}"#,
            #"{"Records":[1]}"#, #"{"Records":[{}],"Records":3}"#, #"{"Records":[{}]}{"Records":[{}]}"#, "[1]", "{}",
            "", "  ", "7", "{\"Records\":[{\"a\":\"\u{01}\"}]}",
        ])
    func errors(text: String) throws {
        let source = Self.source(Array(text.utf8))
        let expected = #expect(throws: CloudTrailError.self) { try Self.decodedLines(source) }
        let failed = #expect(throws: CloudTrailError.self) { try TrailReader().jsonLines(source) }
        #expect(failed == expected)
        #expect(TrailReader().recordLines(in: Array(text.utf8)) == nil)
    }

    @Test("gzip files, strict reading and digest paths read as a full decode reads them")
    func readerSettings() throws {
        let wrapped = #"{"Records":[{"eventVersion":"1.08"}, {"b":[1, 2]}]}"#
        let gzip = Self.source(GzipBuilder.member(wrapped), path: "t/x.json.gz")
        let lines = String(decoding: try TrailReader().jsonLines(gzip), as: UTF8.self)
        #expect(lines == "{\"eventVersion\":\"1.08\"}\n{\"b\":[1,2]}\n")
        let notGzip = Self.source(Array(wrapped.utf8), path: "t/x.json.gz")
        let expected = #expect(throws: CloudTrailError.self) { try Self.decodedLines(notGzip) }
        #expect(expected?.reason.contains("not a gzip file") == true)
        #expect(throws: try #require(expected)) { try TrailReader().jsonLines(notGzip) }
        let digest = Self.source(Array(wrapped.utf8), path: "AWSLogs/1/CloudTrail-Digest/x.json")
        #expect(try TrailReader().jsonLines(digest).isEmpty)
        let strict = TrailReader(acceptsLooseFormats: false)
        let array = Self.source(Array("[{\"a\":1}]".utf8))
        let strictError = #expect(throws: CloudTrailError.self) { try Self.decodedLines(array, reader: strict) }
        #expect(throws: try #require(strictError)) { try strict.jsonLines(array) }
    }

    @Test("every record of the committed real trails and of the sample trail comes out as decoded records write it")
    func realTrails() throws {
        let folders = [Fixtures.url("cloudtrail"), Repository.root.appendingPathComponent("content/trail")]
        var files = 0
        var bytes = 0
        let reader = TrailReader()
        for folder in folders {
            for source in TrailReader.sources(inFolder: folder) {
                let expected = Result { () throws(CloudTrailError) in try Self.decodedLines(source) }
                let lines = Result { () throws(CloudTrailError) in try reader.jsonLines(source) }
                #expect(lines == expected, "\(source.path)")
                files += 1
                bytes += (try? lines.get().count) ?? 0
            }
        }
        #expect(files > 12 && bytes > 0, "\(files) files, \(bytes) bytes")
    }
}
