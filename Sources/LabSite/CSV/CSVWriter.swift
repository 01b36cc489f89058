/// Writes rows as RFC 4180 CSV (comma-separated, CRLF line ends, quoted where a cell needs it), with
/// cells that a spreadsheet would run as a formula made harmless.
///
/// A cell from a log that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
/// Excel and LibreOffice (CSV injection); AWS warns of it in its own CSV exports. Such a cell gets a
/// leading `'`, which spreadsheets show as text and do not display, as OWASP's CSV injection advice
/// recommends.
public enum CSVWriter {
    /// One row, ending in CRLF.
    public static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// One cell, neutralised and quoted as needed.
    public static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, formulaStarts.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The first characters that make a spreadsheet read a cell as a formula.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
