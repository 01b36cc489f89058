import Testing

@testable import LabSite

@Suite("JSON writers")
struct JSONWriterTests {
    /// `text` read by the scanner straight into an HTML writer.
    static func html(scanning text: String) throws -> String {
        var writer = JSONHTMLWriter(capacity: 16)
        try Array(text.utf8).withUnsafeBufferPointer { bytes throws(JSONSyntaxError) in
            try JSONScanner.read(bytes, into: &writer)
        }
        return String(decoding: writer.data(), as: UTF8.self)
    }

    /// `value` written by an HTML writer.
    static func html(_ value: JSONValue) -> String {
        var writer = JSONHTMLWriter(capacity: 16)
        value.write(to: &writer)
        return String(decoding: writer.data(), as: UTF8.self)
    }

    @Test("each escaped byte is escaped wherever it falls in the eight bytes the HTML writer reads at once")
    func escapesAtEveryPosition() {
        let escapes: [(Character, String)] = [
            ("\"", #"\""#), ("\\", #"\\"#), ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\u{7F}", #"\u007f"#),
            ("\u{01}", #"\u0001"#), ("\n", #"\n"#),
        ]
        for (character, escaped) in escapes {
            for position in 0..<17 {
                let before = String(repeating: "가", count: position % 3) + String(repeating: "a", count: position)
                let after = String(repeating: "b", count: 16 - position) + "é"
                let value = JSONValue(.string(before + String(character) + after))
                #expect(Self.html(value) == "\"" + before + escaped + after + "\"")
            }
        }
        #expect(
            Self.html(JSONValue(.string("2026-11-17T01:47:08Z arn:aws:iam::123456789012:user/lab-user")))
                == "\"2026-11-17T01:47:08Z arn:aws:iam::123456789012:user/lab-user\"")
    }

    /// `text` read by the scanner straight into a compact writer.
    static func compact(scanning text: String, escapesForScript: Bool = false) throws -> String {
        var writer = JSONCompactWriter(escapesForScript: escapesForScript)
        try Array(text.utf8).withUnsafeBufferPointer { bytes throws(JSONSyntaxError) in
            try JSONScanner.read(bytes, into: &writer)
        }
        return String(decoding: writer.output, as: UTF8.self)
    }

    @Test("HTML: indented JSON without markup, every string JSON- then HTML-escaped, exactly")
    func htmlExact() throws {
        let text = #"{"a\"<b>":["x&y'z","tab\there\u0001\u007f",1.5e3,true,null,{},[]],"e":{"k":"</script>"}}"#
        let expected = """
            {
              "a\\"&lt;b&gt;": [
                "x&amp;y'z",
                "tab\\there\\u0001\\u007f",
                1.5e3,
                true,
                null,
                {},
                []
              ],
              "e": {
                "k": "&lt;/script&gt;"
              }
            }
            """
        #expect(try Self.html(scanning: text) == expected)
        #expect(Self.html(try JSONValue.parse(text)) == expected)
    }

    @Test("HTML from the bytes is the HTML of the parsed value: escapes, non-ASCII text, numbers, literals")
    func htmlSameFromBytesAndValue() throws {
        let texts = [
            """
            \u{FEFF}{ "Other" : [1, {"Records": 2}],\r\n\t"Records" : [ {"a\\"<b>":["x&y'z","tab\\there\\u0001\\u007f\u{7F}",
            1.5E+3,-0,1e-7,true,false,null,{},[]],"e":{"k":"</script>","\\u00e9\\/\\ud83d\\ude00\\ud800":"한글 é"}},
            {}, {"nested": [[[]], [{"x": [ ]}]], "s": "plain ascii"} ] , "after": "x" }
            """,
            #"{"s":"\"\\\n\r\b\f é 한글 \u2028","n":[-0,1e-7]}"#, "[]", "\"\"", "-12.5e-3", "[[],{}]",
        ]
        for text in texts {
            #expect(try Self.html(scanning: text) == Self.html(try JSONValue.parse(text)), "\(text)")
        }
        #expect(
            try Self.html(scanning: texts[0]).contains(
                #"      "e": {"# + "\n" + #"        "k": "&lt;/script&gt;","# + "\n"
                    + #"        "é/😀\#u{FFFD}": "한글 é""#))
        #expect(try Self.html(scanning: texts[0]).contains(#""tab\there\u0001\u007f\u007f","#))
    }

    @Test("HTML of invalid UTF-8 repairs it as the parsed string does")
    func htmlInvalidUTF8() throws {
        var writer = JSONHTMLWriter(capacity: 16)
        try [UInt8]([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D]).withUnsafeBufferPointer { bytes throws(JSONSyntaxError) in
            try JSONScanner.read(bytes, into: &writer)
        }
        #expect(String(decoding: writer.data(), as: UTF8.self) == "[\n  \"a\u{FFFD}\"\n]")
    }

    @Test("compact output escapes like jq -c; script mode escapes <")
    func compact() throws {
        let value = JSONValue.object([
            "s": .string("</script>\"\\\n\u{1}\u{7f}한글"), "e": .object([:]), "a": .array([]),
        ])
        #expect(JSONCompactWriter.string(value) == #"{"s":"</script>\"\\\n\u0001\u007f한글","e":{},"a":[]}"#)
        #expect(
            JSONCompactWriter.string(value, escapesForScript: true)
                == #"{"s":"\u003c/script>\"\\\n\u0001\u007f한글","e":{},"a":[]}"#)
        var script: [UInt8] = []
        JSONCompactWriter(escapesForScript: true).writeString("a</b>", to: &script)
        #expect(String(decoding: script, as: UTF8.self) == #""a\u003c/b>""#)
    }

    @Test("compact output from the bytes is that of the parsed value")
    func compactSameFromBytesAndValue() throws {
        let text = #" { "a" : [ 1 , -0.5E+3, "\u00e9\/\u0000" , { } , [ ] , null , true ] , "a" : false } "#
        let expected = #"{"a":[1,-0.5E+3,"é/\u0000",{},[],null,true],"a":false}"#
        #expect(try Self.compact(scanning: text) == expected)
        #expect(JSONCompactWriter.string(try JSONValue.parse(text)) == expected)
    }
}
