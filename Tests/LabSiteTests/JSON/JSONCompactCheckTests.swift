import Testing

@testable import LabSite

@Suite("Compact JSON copied as it stands")
struct JSONCompactCheckTests {
    /// What `writeCopying` appends for `text` (one value), and whether it copied the text.
    static func copying(_ text: [UInt8], escapesForScript: Bool = false) throws -> (output: [UInt8], copied: Bool) {
        try text.withUnsafeBufferPointer { bytes throws(JSONSyntaxError) in
            var writer = JSONCompactWriter(escapesForScript: escapesForScript)
            let copied = try JSONScanner.scan(bytes) { scanner throws(JSONSyntaxError) -> Bool in
                let start = scanner.index
                var check = JSONCompactCheck(text: bytes, at: start, escapesForScript: escapesForScript)
                var probe = scanner
                try probe.read(into: &check)
                try writer.writeCopying(&scanner)
                return check.isCompact(endingAt: scanner.index)
            }
            return (writer.output, copied)
        }
    }

    /// What the writer writes for `text`, token by token.
    static func written(_ text: [UInt8], escapesForScript: Bool = false) throws -> [UInt8] {
        var writer = JSONCompactWriter(escapesForScript: escapesForScript)
        try text.withUnsafeBufferPointer { bytes throws(JSONSyntaxError) in
            try JSONScanner.read(bytes, into: &writer)
        }
        return writer.output
    }

    @Test(
        "text that is already the writer's output is copied, and is exactly what the writer writes",
        arguments: [
            #"{"a":1,"b":[true,false,null],"c":{"d":"e"},"f":[],"g":{}}"#,
            #"{"n":[0,-0,1.5,1.0E+2,-2e-3,12345678901234567890]}"#,
            #"{"s":"quote \" backslash \\ newline \n tab \t cr \r bs \b ff \f","c":"\u0001\u001f\u007f"}"#,
            #"{"k":"한글 é 😀","nested":[[[]],[{"x":[]}]],"":""}"#,
            #"[{"a":"b"},[],{},"x",1,null]"#, #""plain""#, "17", "null",
        ])
    func copied(json: String) throws {
        let bytes = Array(json.utf8)
        let (output, copied) = try Self.copying(bytes)
        #expect(copied)
        #expect(output == bytes)
        #expect(output == (try Self.written(bytes)))
    }

    @Test(
        "text the writer would write otherwise is written, exactly as the writer writes it",
        arguments: [
            // Whitespace between any two tokens, and around the value.
            #"{ "a":1}"#, #"{"a" :1}"#, #"{"a": 1}"#, #"{"a":1 }"#, #"{"a":1 ,"b":2}"#, #"{"a":1, "b":2}"#,
            #"[1 ,2]"#, #"[1, 2]"#, #"[ 1]"#, #"[1 ]"#, #"[ ]"#, #"{ }"#, "{\"a\":[\n1\r\n,\t2]}",
            #"{"a":{"b":[{"c":1} ]}}"#, #"{"a":{"b":[{"c":1}] }}"#, #"{"a":{"b":[{"c":1}]} }"#,
            // Escapes the writer writes otherwise.
            #"{"a":"\u00e9"}"#, #"{"a":"\/"}"#, #"{"\u0061":1}"#, #"{"a":"\u000A"}"#, #"{"a":"\u001F"}"#,
            #"{"a":"\ud83d\ude00"}"#, #"{"a":"\ud800"}"#, #"["x\/y"]"#, #"{"k\/":"v"}"#,
            // A DEL as it stands, which the writer escapes.
            "{\"a\":\"\u{7F}\"}", "{\"a\u{7F}\":1}",
        ])
    func written(json: String) throws {
        let bytes = Array(json.utf8)
        let (output, copied) = try Self.copying(bytes)
        #expect(!copied)
        #expect(output == (try Self.written(bytes)))
    }

    @Test("text that is not valid UTF-8 is written repaired, as the writer writes it")
    func invalidUTF8() throws {
        for bytes: [UInt8] in [
            [0x22, 0xFF, 0x22], [0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D], [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D],
        ] {
            let (output, copied) = try Self.copying(bytes)
            #expect(!copied)
            #expect(output == (try Self.written(bytes)))
            #expect(String(decoding: output, as: UTF8.self).contains("\u{FFFD}"))
        }
    }

    @Test("a writer that escapes for scripts copies only text without '<'")
    func escapesForScript() throws {
        let plain = Array(#"{"a":"b>c"}"#.utf8)
        #expect(try Self.copying(plain, escapesForScript: true) == (plain, true))
        let tag = Array(#"{"a":"</script>"}"#.utf8)
        let (output, copied) = try Self.copying(tag, escapesForScript: true)
        #expect(!copied)
        #expect(String(decoding: output, as: UTF8.self) == #"{"a":"\u003c/script>"}"#)
        #expect(output == (try Self.written(tag, escapesForScript: true)))
    }

    @Test("the values around a copied one are read on as before, whitespace and all")
    func inContext() throws {
        let text = Array(#" [ {"a":1} , { "b":2 } , [] ] "#.utf8)
        var lines: [UInt8] = []
        try text.withUnsafeBufferPointer { bytes throws(JSONSyntaxError) in
            try JSONScanner.scan(bytes) { scanner throws(JSONSyntaxError) in
                var writer = JSONCompactWriter()
                try scanner.readElements { scanner throws(JSONSyntaxError) in
                    try writer.writeCopying(&scanner)
                    writer.output.append(0x0A)
                }
                lines = writer.output
            }
        }
        #expect(String(decoding: lines, as: UTF8.self) == "{\"a\":1}\n{\"b\":2}\n[]\n")
    }

    @Test(
        "bytes that are not valid JSON fail as writing them fails",
        arguments: [
            #"{"a":1"#, #"{"a":"\x"}"#, #"{"a":tru}"#, #"{"a":01}"#, #"{"a" 1}"#, "{\"a\":\"\u{01}\"}",
            #"{"a":[1 2]}"#, #"[1,]"#, #"{"a":"\u12"}"#, #"{"a":-}"#, #"{"a":1.}"#, #"{"a":1e}"#,
        ])
    func invalid(json: String) throws {
        let bytes = Array(json.utf8)
        let written = #expect(throws: JSONSyntaxError.self) { try Self.written(bytes) }
        let copied = #expect(throws: JSONSyntaxError.self) { try Self.copying(bytes) }
        #expect(copied == written)
    }
}
