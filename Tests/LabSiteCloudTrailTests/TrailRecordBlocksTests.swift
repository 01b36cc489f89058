import Foundation
import Testing
@testable import LabSite
@testable import LabSiteCloudTrail

@Suite("Record JSON blocks from a file's bytes")
struct TrailRecordBlocksTests {
    /// What the event pages show with `--redact`: each record parsed, then written by `TrailHTML.jsonBlock`.
    static func parsedBlocks(_ bytes: [UInt8]) throws -> [String] {
        let records = try #require(try JSONValue.parse(bytes).objectValue?["Records"]?.arrayValue)
        return records.map { String(decoding: TrailHTML.jsonBlock($0), as: UTF8.self) }
    }

    static func blocks(_ bytes: [UInt8]) throws -> [String] {
        try TrailReader.recordBlocks(in: bytes).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("escapes, non-ASCII text, numbers, literals and empty containers come out as the parsed value writes them")
    func sameAsParsed() throws {
        let json = """
            \u{FEFF}{ "Other" : [1, {"Records": 2}],\r\n\t"Records" : [ {"a\\"<b>":["x&y'z","tab\\there\\u0001\\u007f\u{7F}",
            1.5E+3,-0,1e-7,true,false,null,{},[]],"e":{"k":"</script>","\\u00e9\\/\\ud83d\\ude00\\ud800":"한글 é"}},
            {}, {"nested": [[[]], [{"x": [ ]}]], "s": "plain ascii"} ] , "after": "x" }
            """
        let bytes = Array(json.utf8)
        let blocks = try Self.blocks(bytes)
        #expect(blocks == (try Self.parsedBlocks(bytes)))
        #expect(blocks.count == 3)
        #expect(blocks[1] == "<pre class=\"trail-json\"><code>{}</code></pre>\n")
        #expect(
            blocks[0].contains(
                #"  "e": {"# + "\n" + #"    "k": "&lt;/script&gt;","# + "\n" + #"    "é/😀\#u{FFFD}": "한글 é""#))
        #expect(blocks[0].contains(#""tab\there\u0001\u007f\u007f","#))
    }

    @Test("the last \"Records\" member is the one read, as the parsed object reads it")
    func lastRecords() throws {
        let bytes = Array(#"{"Records":[{"a":1}],"Records":[{"b":2},{"c":3}]}"#.utf8)
        #expect(try Self.blocks(bytes) == (try Self.parsedBlocks(bytes)))
        #expect(try Self.blocks(bytes).count == 2)
    }

    @Test("every record of the committed real trails and of the sample trail comes out as the parsed record writes it")
    func realTrails() throws {
        let folders = [Fixtures.url("cloudtrail"), Repository.root.appendingPathComponent("content/trail")]
        var files = 0
        var records = 0
        for folder in folders {
            for source in TrailReader.sources(inFolder: folder) {
                let bytes = try Gunzip.inflateIfCompressed(
                    [UInt8](try Data(contentsOf: source.url)), limit: Gunzip.defaultLimit)
                guard try JSONValue.parse(bytes)["Records"] != nil else {
                    continue
                }
                let blocks = try Self.blocks(bytes)
                #expect(blocks == (try Self.parsedBlocks(bytes)), "\(source.path)")
                files += 1
                records += blocks.count
            }
        }
        #expect(files == 12 && records == 83, "\(files) files, \(records) records")
    }

    @Test(
        "bytes that are not valid JSON fail as parsing them fails",
        arguments: [
            #"{"Records":[{"a":1}"#, #"{"Records":[{"a":"\x"}]}"#, #"{"Records":[{"a":tru}]}"#,
            #"{"Records":[{"a":01}]}"#, #"{"Records":[{"a" 1}]}"#, #"{"Records":[{"a":1}]} x"#,
            "{\"Records\":[{\"a\":\"\u{01}\"}]}", #"{"Records":[{"a":[1 2]}]}"#, #"{"Records":[] "x":1}"#,
            #"{"x" 1,"Records":[]}"#, #"{"Records":[{}{}]}"#,
        ])
    func invalid(json: String) throws {
        let bytes = Array(json.utf8)
        let parsed = #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(bytes) }
        let written = #expect(throws: JSONSyntaxError.self) { try TrailReader.recordBlocks(in: bytes) }
        #expect(written == parsed)
    }

    @Test(
        "a document without a \"Records\" array of objects is an error",
        arguments: [#"[]"#, #"{}"#, #"{"Records":{}}"#, #"{"Records":[1]}"#, #"{"Records":[{}],"Records":3}"#])
    func notRecords(json: String) {
        #expect(throws: JSONSyntaxError.self) { try TrailReader.recordBlocks(in: Array(json.utf8)) }
    }
}
