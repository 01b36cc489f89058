import Foundation

/// A CSV file read by RFC 4180: a header row naming the columns and rows of as many cells, each
/// row with the line it starts on.
///
/// Hand-written rather than taken from CSV.swift or SwiftCSV: neither says where a broken file is
/// broken (CSV.swift's `CSVError.invalidCSVFormat` has no position), and a student fixing a
/// spreadsheet needs the line. The quirks of files that spreadsheets and AWS consoles write are
/// read: a UTF-8 byte order mark, CRLF or LF line ends, line breaks inside quoted cells, and
/// Excel's "Unicode text" (UTF-16 with a byte order mark, cells separated by tabs). Bytes that are
/// not UTF-8 are an error that says which line, and never a guess at the encoding.
public struct CSVTable: Sendable, Equatable {
    /// One row: its cells, and the 1-based line of the file where it starts.
    public struct Row: Sendable, Equatable {
        /// The cells, quotes removed and `""` read as `"`.
        public var cells: [String]
        /// The line the row starts on.
        public var line: Int
    }

    /// The header row's cells, the column names.
    public var header: [String]
    /// The rows after the header, blank lines left out.
    public var rows: [Row]
    /// The cell separator: `,`, or a tab in UTF-16 "Unicode text".
    public var separator: Character

    /// Reads `bytes`; every row must have as many cells as the header.
    public init(bytes: [UInt8]) throws(CSVSyntaxError) {
        let (text, separator) = try Self.text(of: bytes)
        self.separator = separator
        var reader = CSVScanner(text: text, separator: separator.asciiValue ?? UInt8(ascii: ","))
        guard let header = try reader.nextRow() else {
            throw CSVSyntaxError(line: 1, message: "the file is empty; a CSV file starts with a row of column names")
        }
        self.header = header.cells
        var rows: [Row] = []
        while let row = try reader.nextRow() {
            guard row.cells.count == header.cells.count else {
                throw CSVSyntaxError(
                    line: row.line,
                    message: "this row has \(row.cells.count) cells, but the header names \(header.cells.count) columns"
                )
            }
            rows.append(row)
        }
        self.rows = rows
    }

    /// The UTF-8 text of `bytes` without a byte order mark, and its cell separator.
    static func text(of bytes: [UInt8]) throws(CSVSyntaxError) -> ([UInt8], Character) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard bytes.count % 2 == 0, let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) else {
                throw CSVSyntaxError(
                    line: 1, message: "the file starts as UTF-16 text but is not valid UTF-16 throughout")
            }
            return (Array(text.utf8), "\t")
        }
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let offset = Self.firstInvalidUTF8(in: text) {
            let line = 1 + text[..<offset].count { $0 == UInt8(ascii: "\n") }
            throw CSVSyntaxError(
                line: line,
                message: "this line is not UTF-8 text. A CSV file saved by Excel on Korean Windows is often "
                    + "CP949; open it in Excel and save it as \"CSV UTF-8 (쉼표로 분리)\" (CSV UTF-8 (Comma delimited))")
        }
        return (text, ",")
    }

    /// The offset of the first byte that does not belong to valid UTF-8, or `nil`.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

/// Where a CSV file is broken and why.
public struct CSVSyntaxError: Error, Sendable, Equatable {
    /// The 1-based line.
    public var line: Int
    /// What is wrong, without the line: `a quoted cell is not closed`.
    public var message: String

    /// Creates an error.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// How an error about a file says it, the line given apart: `The file is not valid CSV: … .`
    public var sentence: String {
        "The file is not valid CSV: \(message)."
    }
}

/// The walk over the text, row by row.
struct CSVScanner {
    let text: [UInt8]
    let separator: UInt8
    private var index = 0
    private var line = 1

    init(text: [UInt8], separator: UInt8) {
        self.text = text
        self.separator = separator
    }

    private static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// The next row that is not blank, or `nil` at the end.
    mutating func nextRow() throws(CSVSyntaxError) -> CSVTable.Row? {
        while index < text.count, text[index] == Self.newline || text[index] == Self.carriageReturn {
            skipLineEnd()
        }
        guard index < text.count else { return nil }
        let start = line
        var cells: [String] = []
        while true {
            cells.append(try nextCell())
            guard index < text.count else { break }
            if text[index] == separator {
                index += 1
                continue
            }
            skipLineEnd()
            break
        }
        return CSVTable.Row(cells: cells, line: start)
    }

    private mutating func skipLineEnd() {
        if text[index] == Self.carriageReturn, index + 1 < text.count, text[index + 1] == Self.newline { index += 1 }
        index += 1
        line += 1
    }

    private mutating func nextCell() throws(CSVSyntaxError) -> String {
        guard index < text.count, text[index] == Self.quote else {
            let start = index
            while index < text.count, text[index] != separator, text[index] != Self.newline,
                text[index] != Self.carriageReturn
            {
                if text[index] == Self.quote {
                    throw CSVSyntaxError(
                        line: line,
                        message: "a quote stands inside a cell that does not start with one; quote the whole cell "
                            + "and double the quotes inside it (\"a \"\"b\"\" c\")")
                }
                index += 1
            }
            return String(decoding: text[start..<index], as: UTF8.self)
        }
        let opened = line
        index += 1
        var cell: [UInt8] = []
        while true {
            guard index < text.count else {
                throw CSVSyntaxError(
                    line: opened, message: "a quoted cell that starts on this line is never closed")
            }
            let byte = text[index]
            index += 1
            if byte == Self.quote {
                if index < text.count, text[index] == Self.quote {
                    cell.append(Self.quote)
                    index += 1
                    continue
                }
                break
            }
            if byte == Self.newline
                || (byte == Self.carriageReturn && (index >= text.count || text[index] != Self.newline))
            {
                line += 1
            }
            cell.append(byte)
        }
        guard
            index >= text.count || text[index] == separator || text[index] == Self.newline
                || text[index] == Self.carriageReturn
        else {
            throw CSVSyntaxError(
                line: line, message: "a quoted cell is followed by text before the next separator or line end")
        }
        return String(decoding: cell, as: UTF8.self)
    }
}
