import FuzzSupport
import LabSite

/// The info strings the first byte of an input chooses from (its low four bits): every language,
/// some by an alias, and one that is not highlighted.
private let languages = [
    "bash", "console", "json", "yaml", "python", "powershell", "ini", "sql", "diff", "sh", "shell-session", "yml",
    "ps1", "cfg", "patch", "text",
]

/// Build-time highlighting through `CodeBlockHTML.render`. The first byte chooses the language
/// (low four bits), `showLineNumbers` (0x10), marked lines (0x20) and personal values (0x40: every
/// run of digits and every `lab`; 0x80: an empty value at each end too); the rest is the code.
/// The first line of the input is also read as an info string. The HTML's text, tags removed and
/// entities decoded, must be the code; its spans must nest, and none but a line span may hold a
/// line feed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHighlight(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let options = bytes.first else { return 0 }

    let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
    let parsed = CodeInfo(parsing: FuzzInput.text(firstLine))
    precondition(parsed.markedLines.allSatisfy { (1...CodeInfo.lineLimit).contains($0) }, "a marked line out of range")
    precondition(parsed.problem == nil || parsed.markedLines.isEmpty, "a list with a problem marks lines")

    let code = FuzzInput.text(bytes.dropFirst())
    var info = languages[Int(options & 0x0F)]
    if options & 0x10 != 0 { info += " showLineNumbers" }
    if options & 0x20 != 0 { info += " {1,3-5}" }
    let codeBytes = Array(code.utf8)
    var values: [ValueMark] = []
    if options & 0x40 != 0 { values = marks(in: codeBytes) }
    if options & 0x80 != 0 {
        values.append(ValueMark(range: 0..<0, name: "start"))
        values.append(ValueMark(range: codeBytes.count..<codeBytes.count, name: "end"))
    }
    let html = CodeBlockHTML.render(code, info: CodeInfo(parsing: info), values: values)
    check(
        html: Array(html.utf8), code: codeBytes,
        wrapsLines: options & 0x30 != 0 || options & 0x0F == 1 || options & 0x0F == 10)
    return 0
}

/// Every run of ASCII digits and every `lab` in the code, as personal values.
private func marks(in code: [UInt8]) -> [ValueMark] {
    var marks: [ValueMark] = []
    var position = 0
    while position < code.count {
        if code[position] >= 0x30, code[position] <= 0x39 {
            let start = position
            while position < code.count, code[position] >= 0x30, code[position] <= 0x39 { position += 1 }
            marks.append(ValueMark(range: start..<position, name: "digits"))
        } else if position + 3 <= code.count, code[position] == UInt8(ascii: "l"),
            code[position + 1] == UInt8(ascii: "a"),
            code[position + 2] == UInt8(ascii: "b")
        {
            marks.append(ValueMark(range: position..<position + 3, name: "lab<&\""))
            position += 3
        } else {
            position += 1
        }
    }
    return marks
}

/// Reads the HTML of a block: `<pre…><code…>`, text with spans, `</code></pre>`.
private func check(html: [UInt8], code: [UInt8], wrapsLines: Bool) {
    let prefix = Array("<pre".utf8)
    let suffix = Array("</code></pre>".utf8)
    precondition(html.starts(with: prefix), "the HTML does not start with <pre")
    precondition(
        html.count >= suffix.count && Array(html.suffix(suffix.count)) == suffix, "no </code></pre> at the end")
    // The text starts after the `>` of `<code…>`.
    guard let codeTag = firstIndex(of: Array("<code".utf8), in: html),
        let textStart = html[codeTag...].firstIndex(of: UInt8(ascii: ">")).map({ $0 + 1 })
    else { preconditionFailure("no <code> element") }
    let textEnd = html.count - suffix.count

    var text: [UInt8] = []
    text.reserveCapacity(code.count)
    var open: [Bool] = []  // whether each open span is a line span
    var position = textStart
    while position < textEnd {
        let byte = html[position]
        switch byte {
        case UInt8(ascii: "<"):
            guard let close = html[position..<textEnd].firstIndex(of: UInt8(ascii: ">")) else {
                preconditionFailure("a tag that does not end")
            }
            let tag = html[position...close]
            if tag.elementsEqual("</span>".utf8) {
                precondition(open.popLast() != nil, "</span> closes nothing")
            } else if tag.starts(with: "<span class=\"line".utf8) {
                precondition(open.isEmpty, "a line span inside another span")
                open.append(true)
            } else if tag.starts(with: "<span class=\"".utf8) {
                open.append(false)
            } else {
                preconditionFailure("an unexpected tag \(String(decoding: tag, as: UTF8.self))")
            }
            position = close + 1
        case UInt8(ascii: "&"):
            guard let semicolon = html[position..<textEnd].firstIndex(of: UInt8(ascii: ";")) else {
                preconditionFailure("an entity that does not end")
            }
            switch String(decoding: html[position...semicolon], as: UTF8.self) {
            case "&amp;": text.append(UInt8(ascii: "&"))
            case "&lt;": text.append(UInt8(ascii: "<"))
            case "&gt;": text.append(UInt8(ascii: ">"))
            case "&quot;": text.append(UInt8(ascii: "\""))
            case "&#39;": text.append(UInt8(ascii: "'"))
            default: preconditionFailure("an unexpected entity")
            }
            position = semicolon + 1
        case UInt8(ascii: ">"):
            preconditionFailure("an unescaped > in the text")
        case 0x0A:
            if wrapsLines {
                precondition(open == [true], "a line feed outside a line span or inside a token")
                precondition(
                    html[(position + 1)...].starts(with: "</span>".utf8), "a line span goes on after its line feed")
            } else {
                precondition(open.isEmpty, "a line feed inside a span")
            }
            text.append(byte)
            position += 1
        default:
            if wrapsLines { precondition(open.first == true, "text outside a line span") }
            text.append(byte)
            position += 1
        }
    }
    precondition(open.isEmpty, "spans left open")
    precondition(text == code, "the HTML's text is not the code")
}

private func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0] && Array(haystack[start..<start + needle.count]) == needle {
        return start
    }
    return nil
}
