import Foundation
import Testing

@testable import LabSite

@Suite("CSV tables")
struct CSVTableTests {
    static func table(_ text: String) throws -> CSVTable {
        try CSVTable(bytes: Array(text.utf8))
    }

    @Test("RFC 4180: quoted cells with separators, doubled quotes and line breaks; CRLF; a byte order mark")
    func quoting() throws {
        let table = try Self.table("\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",\"두\r\n줄\"\r\n\r\n,,last\n")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.cells) == [["1", "x, \"y\"", "두\r\n줄"], ["", "", "last"]])
        #expect(table.rows.map(\.line) == [2, 5])
        #expect(table.separator == ",")
    }

    @Test("Excel's Unicode text: UTF-16 with a byte order mark, cells separated by tabs")
    func utf16() throws {
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            let body = try #require("이름\t값\r\n사용자\t\"a\tb\"\r\n".data(using: encoding))
            let table = try CSVTable(bytes: bom + [UInt8](body))
            #expect(table.separator == "\t")
            #expect(table.header == ["이름", "값"])
            #expect(table.rows.map(\.cells) == [["사용자", "a\tb"]])
        }
    }

    @Test(
        "a broken file fails at its line with the cause",
        arguments: [
            ("a,b\n1,\"open\n2,3\n", 2, "a quoted cell that starts on this line is never closed"),
            ("a,b\n1,2\n1,2,3\n", 3, "this row has 3 cells, but the header names 2 columns"),
            (
                "a,b\n1,x\"y\n", 2,
                "a quote stands inside a cell that does not start with one; quote the whole cell and double "
                    + "the quotes inside it (\"a \"\"b\"\" c\")"
            ),
            ("a,b\n\"1\"x,2\n", 2, "a quoted cell is followed by text before the next separator or line end"),
            ("\n\n", 1, "the file is empty; a CSV file starts with a row of column names"),
        ])
    func broken(text: String, line: Int, message: String) {
        let error = #expect(throws: CSVSyntaxError.self) { try Self.table(text) }
        #expect(error?.line == line)
        #expect(error?.message == message)
    }

    @Test("bytes that are not UTF-8 (CP949 from Korean Excel) are refused at their line, never guessed")
    func cp949() {
        // "사용자" in CP949.
        let bytes = Array("a,b\r\nok,1\r\n".utf8) + [0xBB, 0xE7, 0xBF, 0xEB, 0xC0, 0xDA] + Array(",2\r\n".utf8)
        let error = #expect(throws: CSVSyntaxError.self) { try CSVTable(bytes: bytes) }
        #expect(error?.line == 3)
        #expect(error?.message.contains("save it as \"CSV UTF-8 (쉼표로 분리)\"") == true)
    }
}

@Suite("CSV writer")
struct CSVWriterTests {
    @Test("cells are quoted where they need it, rows end in CRLF")
    func quoting() {
        #expect(CSVWriter.row(["a", "b,c", "d\"e", "f\ng", ""]) == "a,\"b,c\",\"d\"\"e\",\"f\ng\",\r\n")
    }

    @Test(
        "a cell a spreadsheet would run as a formula gets a leading quote",
        arguments: [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1", "'+1"), ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("a=b", "a=b"), ("ok", "ok"),
        ])
    func injection(cell: String, written: String) {
        #expect(CSVWriter.cell(cell) == written)
    }

    @Test("what the writer writes, the reader reads back (but for the neutralising quote)")
    func roundTrip() throws {
        let rows = [["이름", "값"], ["a \"b\"", "줄\r\n바꿈"], ["x,y", ""]]
        let table = try CSVTable(bytes: Array(rows.map(CSVWriter.row).joined().utf8))
        #expect([table.header] + table.rows.map(\.cells) == rows)
    }
}
