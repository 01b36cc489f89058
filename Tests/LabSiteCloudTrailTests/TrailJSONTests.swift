import Testing
@testable import LabSite
@testable import LabSiteCloudTrail

@Suite("TrailJSON parser and writer")
struct TrailJSONTests {
    @Test("objects keep key order, unknown keys, duplicate keys and number text")
    func keepsEverything() throws {
        let text = #"{"zeta":1,"alpha":{"b":2.50,"a":-0e+3},"zeta":"again","list":[true,false,null,"x"]}"#
        let value = try TrailJSONParser.parse(text)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["zeta", "alpha", "zeta", "list"])
        #expect(object["zeta"] == .string("again"))
        #expect(object.object("alpha")?["b"] == .number("2.50"))
        #expect(TrailJSONWriter().string(value) == text)
    }

    @Test("a byte order mark before the value is skipped")
    func byteOrderMark() throws {
        #expect(
            try TrailJSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8)) == .object(["a": .number("1")]))
    }

    @Test("escapes, surrogate pairs and lone surrogates")
    func escapes() throws {
        let value = try TrailJSONParser.parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00\ud800x""#)
        #expect(value == .string("a\"b\\c/d\n\té😀\u{FFFD}x"))
    }

    @Test(
        "invalid JSON names the line, column and cause",
        arguments: [
            ("", 1, 1, "the file holds no JSON value (it is empty)"),
            ("{\"a\":1,}", 1, 8, "expected a quoted key in an object, found '}'"),
            ("{\n  \"a\" 1\n}", 2, 7, "expected ':' after the key \"a\", found '1'"),
            ("[1 2]", 1, 4, "expected ',' or ']' after an array element, found '2'"),
            ("{\"a\":tru}", 1, 6, "unexpected 't' where a value was expected"),
            ("\"abc", 1, 5, "the JSON ends inside a string"),
            ("\"a\u{1}\"", 1, 3, "a control character (0x01) appears unescaped inside a string"),
            ("01", 1, 2, "unexpected '1' after the JSON value"),
            ("-x", 1, 2, "a number needs a digit after '-'"),
            ("\"\\x\"", 1, 3, "'x' is not a valid escape after a backslash"),
            ("{} {}", 1, 4, "unexpected '{' after the JSON value"),
            ("{\"k\u{1}\":1}", 1, 4, "a control character (0x01) appears unescaped inside a string"),
            ("{\"key", 1, 6, "the JSON ends inside a string"),
        ])
    func invalid(text: String, line: Int, column: Int, message: String) {
        #expect(throws: TrailJSONParser.Failure(line: line, column: column, message: message)) {
            try TrailJSONParser.parse(text)
        }
    }

    @Test(
        "leaving out members checks them with the same errors",
        arguments: [
            "tru", "\"abc", "\"a\u{1}\"", "-x", "1.", "1e+", "\"\\x\"", "\"\\u12G4\"", "{\"a\":1,}", "{\n  \"a\" 1\n}",
            "[1 2]", "{\"k\u{1}\":1}", "{\"a\":1", "[1",
            "{\"a\":[{}, {\"b\":[null, true, false, -0.5e3, \"\\ud800\"]} x]}",
            String(repeating: "[", count: 600),
        ])
    func omittedMembersAreChecked(value: String) throws {
        let text = "{\"Records\":[{\"eventName\":\"A\"},{\"requestParameters\": \(value)}]}"
        let omission = TrailJSONParser.Omission(depth: 3, names: ["requestParameters"])
        let whole = #expect(throws: TrailJSONParser.Failure.self) { try TrailJSONParser.parse(text) }
        let leftOut = #expect(throws: TrailJSONParser.Failure.self) {
            try TrailJSONParser.parse(Array(text.utf8), omitting: omission)
        }
        #expect(leftOut == whole)
    }

    @Test("leaving out members drops exactly those members of objects at that depth")
    func omittedMembers() throws {
        let text = #"""
            {"Records":[{"eventName":"A","requestParameters":{"x":[1,{"y":"\u00e9"}]},"userAgent":"aws-cli",
            "userIdentity":{"userAgent":"kept: not a record field"},"request\u0050arameters":"kept: escaped key"}],
            "requestParameters":"kept: not in a record"}
            """#
        let omission = TrailJSONParser.Omission(depth: 3, names: ["requestParameters", "userAgent"])
        let leftOut = try TrailJSONParser.parse(Array(text.utf8), omitting: omission)
        var expected = try #require(try TrailJSONParser.parse(text).objectValue)
        var records = try #require(expected["Records"]?.arrayValue)
        var record = try #require(records[0].objectValue)
        // The second and third members; the escaped key decodes to the same name but is kept.
        record.members.removeSubrange(1...2)
        #expect(record.keys == ["eventName", "userIdentity", "requestParameters"])
        records[0] = .object(record)
        expected.members[0].value = .array(records)
        #expect(leftOut == .object(expected))
    }

    @Test("nesting deeper than 512 levels is refused instead of overflowing the stack")
    func depth() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: TrailJSONParser.Failure.self) { try TrailJSONParser.parse(deep) }
        #expect(
            (try? TrailJSONParser.parse(String(repeating: "[", count: 500) + String(repeating: "]", count: 500))) != nil
        )
    }

    @Test("compact output escapes like jq -c; script mode escapes <")
    func writer() throws {
        let value = TrailJSON.object([
            "s": .string("</script>\"\\\n\u{1}\u{7f}한글"), "e": .object(TrailJSONObject()), "a": .array([]),
        ])
        #expect(TrailJSONWriter().string(value) == #"{"s":"</script>\"\\\n\u0001\u007f한글","e":{},"a":[]}"#)
        #expect(
            TrailJSONWriter(escapesForScript: true).string(value)
                == #"{"s":"\u003c/script>\"\\\n\u0001\u007f한글","e":{},"a":[]}"#)
    }

    @Test("indented output, as on an event page")
    func pretty() throws {
        let value = try TrailJSONParser.parse(#"{"a":[1,{"b":null}],"c":{}}"#)
        #expect(
            TrailJSONWriter(indent: 2).string(value) == """
                {
                  "a": [
                    1,
                    {
                      "b": null
                    }
                  ],
                  "c": {}
                }
                """)
    }
}
