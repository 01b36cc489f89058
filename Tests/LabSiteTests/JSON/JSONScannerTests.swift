import Testing

@testable import LabSite

@Suite("JSON scanner and values")
struct JSONScannerTests {
    @Test("objects keep key order, duplicate keys and number text; lookups see the last duplicate")
    func keepsEverything() throws {
        let text = #"{"zeta":1,"alpha":{"b":2.50,"a":-0e+3},"zeta":"again","list":[true,false,null,"x"]}"#
        let value = try JSONValue.parse(text)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["zeta", "alpha", "zeta", "list"])
        #expect(object["zeta"] == .string("again"))
        #expect(object.object("alpha")?["b"] == .number("2.50"))
        #expect(object.members.map(\.value) == [.number("1"), value["alpha"], .string("again"), value["list"]])
        #expect(JSONCompactWriter.string(value) == text)
    }

    @Test("a lookup matches a key of the same characters only, not a canonically equivalent spelling")
    func keysCompareByCharacters() throws {
        // U+212A KELVIN SIGN is canonically equivalent to "K", U+00E9 to "e" + U+0301, and two
        // combining marks of different classes to the same two in the other order (as many bytes).
        let text = #"{"\u212A":1,"caf\u00e9":2,"Kelvin":3,"a\u0301\u0316":4}"#
        let object = try #require(try JSONValue.parse(text).objectValue)
        #expect(object["K"] == nil)
        #expect(object["\u{212A}"] == .number("1"))
        #expect(object["cafe\u{301}"] == nil)
        #expect(object["caf\u{E9}"] == .number("2"))
        #expect(object["Kelvin"] == .number("3"))
        #expect(object["Kelvi"] == nil)
        #expect(object["a\u{316}\u{301}"] == nil)
        #expect(object["a\u{301}\u{316}"] == .number("4"))
    }

    @Test("a sequence of values one after another, each with its offset in the whole text")
    func sequence() throws {
        let values = try JSONValue.parseSequence(Array(" {\"a\":1}\n[2]{}\n".utf8))
        #expect(values.map(\.offset) == [1, 9, 12])
        #expect(values.map { JSONCompactWriter.string($0) } == [#"{"a":1}"#, "[2]", "{}"])
        #expect(try JSONValue.parseSequence(Array("[1]".utf8)).count == 1)
        let empty = #expect(throws: JSONSyntaxError.self) { try JSONValue.parseSequence(Array(" \n".utf8)) }
        #expect(empty?.message == "the file holds no JSON value (it is empty)")
        let broken = #expect(throws: JSONSyntaxError.self) { try JSONValue.parseSequence(Array("{}\n{\"a\" 1}".utf8)) }
        #expect(broken?.line == 2)
        #expect(broken?.column == 6)
    }

    @Test("every value keeps the offset of its first byte")
    func offsets() throws {
        let text = "{\"a\": [1, \"x\",\n  {\"b\": null}], \"a\": true}"
        let value = try JSONValue.parse(text)
        let object = try #require(value.objectValue)
        let list = try #require(object.members[0].value.arrayValue)
        let inner = try #require(list[2].objectValue)
        #expect(value.offset == 0)
        #expect(object.members.map(\.value.offset) == [6, 36])
        #expect(list.map(\.offset) == [7, 10, 17])
        #expect(inner.members[0].value.offset == 23)
        #expect(JSONPosition(offset: inner.members[0].value.offset, in: Array(text.utf8)) == .init(line: 2, column: 9))
        #expect(JSONPosition(offset: 23, in: Array(text.utf8)).description == "2:9")
    }

    @Test("a byte order mark before the value is skipped, and offsets count it")
    func byteOrderMark() throws {
        let value = try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8))
        #expect(value == .object(["a": .number("1")]))
        #expect(value.offset == 3)
        #expect(value["a"]?.offset == 8)
    }

    @Test("escapes, surrogate pairs and lone surrogates")
    func escapes() throws {
        let value = try JSONValue.parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00\ud800x\udc00""#)
        #expect(value == .string("a\"b\\c/d\n\té😀\u{FFFD}x\u{FFFD}"))
    }

    @Test("invalid UTF-8 in a string becomes U+FFFD, as String(decoding:) makes it")
    func invalidUTF8() throws {
        let value = try JSONValue.parse([0x22, 0x61, 0xFF, 0x62, 0x22])
        #expect(value == .string("a\u{FFFD}b"))
    }

    @Test(
        "invalid JSON gives the offset, line, column and cause",
        arguments: [
            ("", 0, 1, 1, "the file holds no JSON value (it is empty)"),
            ("{\"a\":1,}", 7, 1, 8, "expected a quoted key in an object, found '}'"),
            ("{\n  \"a\" 1\n}", 8, 2, 7, "expected ':' after the key \"a\", found '1'"),
            ("[1 2]", 3, 1, 4, "expected ',' or ']' after an array element, found '2'"),
            ("{\"a\":tru}", 5, 1, 6, "unexpected 't' where a value was expected"),
            ("\"abc", 4, 1, 5, "the JSON ends inside a string"),
            ("\"a\u{1}\"", 2, 1, 3, "a control character (0x01) appears unescaped inside a string"),
            ("01", 1, 1, 2, "unexpected '1' after the JSON value"),
            ("-x", 1, 1, 2, "a number needs a digit after '-'"),
            ("1.", 2, 1, 3, "a number needs a digit after the decimal point"),
            ("1e+", 3, 1, 4, "a number needs exponent digits"),
            ("\"\\x\"", 2, 1, 3, "'x' is not a valid escape after a backslash"),
            ("\"\\u12G4\"", 5, 1, 6, "'G' is not a hex digit in a \\u escape"),
            ("\"\\u12", 3, 1, 4, "the JSON ends inside a \\u escape"),
            ("{} {}", 3, 1, 4, "unexpected '{' after the JSON value"),
            ("{\"k\u{1}\":1}", 3, 1, 4, "a control character (0x01) appears unescaped inside a string"),
            ("{\"key", 5, 1, 6, "the JSON ends inside a string"),
            ("{\"a\":1", 6, 1, 7, "the JSON ends inside an object"),
            ("[1", 2, 1, 3, "the JSON ends inside an array"),
            ("[", 1, 1, 2, "the JSON ends where a value was expected"),
            ("{\"a\":1 \"b\":2}", 7, 1, 8, "expected ',' or '}' after an object member, found '\"'"),
            ("\n\n  \u{7}", 4, 3, 3, "unexpected the byte 0x07 where a value was expected"),
        ])
    func invalid(text: String, offset: Int, line: Int, column: Int, message: String) {
        let expected = JSONSyntaxError(
            offset: offset, position: JSONPosition(line: line, column: column), message: message)
        #expect(throws: expected) { try JSONValue.parse(text) }
        // Skipping checks the same bytes with the same errors.
        #expect(throws: expected) { try Self.skip(text) }
    }

    @Test("an error reads as a sentence for a file and on its own")
    func errorText() {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONValue.parse("{\n  \"b\" 2}") }
        #expect(
            error?.sentence == "The file is not valid JSON: expected ':' after the key \"b\", found '2' (column 7).")
        #expect(error?.errorDescription == "Line 2, column 7: expected ':' after the key \"b\", found '2'.")
    }

    @Test("nesting deeper than 512 levels is refused instead of overflowing the stack")
    func depth() {
        let refusal = JSONSyntaxError(
            offset: 512, position: JSONPosition(line: 1, column: 513), message: "the JSON nests deeper than 512 levels")
        #expect(throws: refusal) { try JSONValue.parse(String(repeating: "[", count: 100_000)) }
        var deeper = refusal
        (deeper.offset, deeper.column) = (1536, 1537)
        #expect(throws: deeper) { try JSONValue.parse(String(repeating: "[{\"a\":", count: 300)) }
        #expect(throws: refusal) { try Self.skip(String(repeating: "[", count: 600)) }
        #expect(
            (try? JSONValue.parse(String(repeating: "[", count: 512) + String(repeating: "]", count: 512))) != nil)
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
        let omission = JSONValueBuilder.Omission(depth: 3, names: ["requestParameters"])
        let whole = #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
        let leftOut = #expect(throws: JSONSyntaxError.self) {
            try JSONValue.parse(Array(text.utf8), omitting: omission)
        }
        #expect(leftOut == whole)
    }

    @Test("leaving out members drops exactly those members of objects at that depth")
    func omittedMembers() throws {
        let text = #"""
            {"Records":[{"eventName":"A","requestParameters":{"x":[1,{"y":"\u00e9"}]},"userAgent":"aws-cli",
            "userIdentity":{"userAgent":"kept: not a record field"},"request\u0050arameters":"escaped, the same key"}],
            "requestParameters":"kept: not in a record"}
            """#
        let omission = JSONValueBuilder.Omission(depth: 3, names: ["requestParameters", "userAgent"])
        let leftOut = try JSONValue.parse(Array(text.utf8), omitting: omission)
        var expected = try #require(try JSONValue.parse(text).objectValue)
        var records = try #require(expected["Records"]?.arrayValue)
        var record = try #require(records[0].objectValue)
        record.members.removeAll { ["requestParameters", "userAgent"].contains($0.key) }
        #expect(record.keys == ["eventName", "userIdentity"])
        records[0] = .object(record)
        expected.members[0].value = .array(records)
        #expect(leftOut == .object(expected))
        #expect(leftOut["Records"]?.arrayValue?[0]["userIdentity"]?.offset == 112)
    }

    @Test("a caller can walk an object's members and an array's elements and read each with a sink of its own")
    func walking() throws {
        let text = #" {"skip": [1, {"x": 2}], "list": [{"a": "<b>"}, 3, {}], "skip": "again"} "#
        var keys: [String] = []
        var written: [String] = []
        var offsets: [Int] = []
        try Self.withBytes(text) { bytes throws(JSONSyntaxError) in
            try JSONScanner.scan(bytes) { scanner throws(JSONSyntaxError) in
                try scanner.readMembers { key, scanner throws(JSONSyntaxError) in
                    keys.append(key)
                    guard key == "list", scanner.nextByte() == UInt8(ascii: "[") else { return try scanner.skipValue() }
                    try scanner.readElements { scanner throws(JSONSyntaxError) in
                        offsets.append(scanner.index)
                        var writer = JSONCompactWriter()
                        try scanner.read(into: &writer)
                        written.append(String(decoding: writer.output, as: UTF8.self))
                    }
                }
            }
        }
        #expect(keys == ["skip", "list", "skip"])
        #expect(written == [#"{"a":"<b>"}"#, "3", "{}"])
        #expect(offsets == [34, 48, 51])
    }

    static func withBytes<Result>(
        _ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> Result
    ) throws(JSONSyntaxError) -> Result {
        try Array(text.utf8).withUnsafeBufferPointer { bytes throws(JSONSyntaxError) in try body(bytes) }
    }

    static func skip(_ text: String) throws(JSONSyntaxError) {
        var skipper = JSONSkipper()
        try withBytes(text) { bytes throws(JSONSyntaxError) in try JSONScanner.read(bytes, into: &skipper) }
    }
}
