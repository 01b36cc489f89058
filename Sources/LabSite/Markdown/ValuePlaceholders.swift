/// `{{name}}` in a page: swapped for markers that cmark passes through untouched, then turned into
/// each value's HTML once cmark has written the page.
///
/// Markers rather than the values themselves, because the output must say where each value is: in
/// text and code it becomes `<span class="param" data-param="name">default</span>`, which the
/// "내 값" panel fills with the student's own; in a link it becomes the default, with the address
/// as a template in `data-param-href`. Only declared names are replaced; `\{{name}}` is written as
/// `{{name}}`.
struct ValuePlaceholders: Sendable {
    /// Starts a marked name; a private-use character, so no course text means anything by it.
    static let open: Unicode.Scalar = "\u{E000}"
    /// Ends a marked name.
    static let close: Unicode.Scalar = "\u{E001}"
    /// `open` as cmark writes it in an address.
    private static let encodedOpen = "%EE%80%80"
    private static let encodedClose = "%EE%80%81"

    private let values: [String: PersonalValue]

    /// Placeholders for `values`.
    init(_ values: [PersonalValue]) {
        self.values = Dictionary(values.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The source with each declared `{{name}}` marked, and whether any was; stray marker
    /// characters in the source are dropped so that they cannot pose as a value.
    func prepare(_ source: String) -> (text: String, found: Bool) {
        guard !values.isEmpty, Self.mayHoldPlaceholders(source) else { return (source, false) }
        let scalars = Array(source.unicodeScalars)
        var result = String.UnicodeScalarView()
        var found = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isMarker(scalar) {
                index += 1
                continue
            }
            if scalar == "{", let (name, end) = placeholder(in: scalars, at: index) {
                if index > 0, scalars[index - 1] == "\\", result.last == "\\" {
                    // `\{{name}}`: the backslash asks for the braces as written.
                    result.removeLast()
                    result.append(contentsOf: scalars[index..<end])
                } else {
                    result.append(Self.open)
                    result.append(contentsOf: name.unicodeScalars)
                    result.append(Self.close)
                    found = true
                }
                index = end
                continue
            }
            result.append(scalar)
            index += 1
        }
        return (String(result), found)
    }

    /// `{{name}}` of a declared value at `start`: the name and the index after the closing braces.
    private func placeholder(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        guard start + 1 < scalars.count, scalars[start + 1] == "{" else { return nil }
        var end = start + 2
        var name = String.UnicodeScalarView()
        while end < scalars.count, scalars[end] != "}", name.count <= 64 {
            name.append(scalars[end])
            end += 1
        }
        guard end + 1 < scalars.count, scalars[end + 1] == "}" else { return nil }
        let text = String(name)
        guard values[text] != nil else { return nil }
        return (text, end + 2)
    }

    private static func isMarker(_ scalar: Unicode.Scalar) -> Bool { scalar == open || scalar == close }

    /// Whether `source` has `{{` or a character that may be a marker, read on the UTF-8 bytes:
    /// every page goes through here, and a substring search on the String costs a 10,000-page
    /// build several percent.
    private static func mayHoldPlaceholders(_ source: String) -> Bool {
        var previous: UInt8 = 0
        for byte in source.utf8 {
            // 0xEE leads the UTF-8 of U+E000…U+EFFF, which holds both markers.
            if byte == 0xEE || (byte == UInt8(ascii: "{") && previous == UInt8(ascii: "{")) { return true }
            previous = byte
        }
        return false
    }

    /// `text` with each marked name replaced by its default, for titles, ids and directive bodies.
    func defaults(in text: String) -> String {
        replacingMarks(in: text) { $0.defaultValue }
    }

    /// `text` with each marked name written back as `{{name}}`.
    func template(in text: String) -> String {
        replacingMarks(in: text) { "{{\($0.name)}}" }
    }

    /// Code with each marked name replaced by its default, and where each default now is.
    func codeValues(in code: String) -> (code: String, marks: [ValueMark]) {
        guard code.unicodeScalars.contains(Self.open) else { return (code, []) }
        var marks: [ValueMark] = []
        var result = ""
        var offset = 0
        forEachPart(of: code) { part in
            switch part {
            case .text(let text):
                result += text
                offset += text.utf8.count
            case .value(let value):
                result += value.defaultValue
                let length = value.defaultValue.utf8.count
                marks.append(ValueMark(range: offset..<offset + length, name: value.name))
                offset += length
            }
        }
        return (result, marks)
    }

    /// The page's HTML with every marker turned into its value: a `param` span in text, the
    /// default inside a tag, and in an address the default with the template in `data-param-href`.
    func finish(_ html: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let tagStart = rest.firstIndex(of: "<") {
            result += spans(in: rest[..<tagStart])
            let tagEnd = rest[tagStart...].firstIndex(of: ">").map { rest.index(after: $0) } ?? rest.endIndex
            result += tag(rest[tagStart..<tagEnd])
            rest = rest[tagEnd...]
        }
        result += spans(in: rest)
        return result
    }

    /// Text between tags: each marked name as a `param` span.
    private func spans(in text: Substring) -> String {
        guard text.unicodeScalars.contains(Self.open) else { return String(text) }
        var result = ""
        forEachPart(of: String(text)) { part in
            switch part {
            case .text(let text): result += text
            case .value(let value):
                result +=
                    "<span class=\"param\" data-param=\"\(value.name.escapedForHTML)\">"
                    + "\(value.defaultValue.escapedForHTML)</span>"
            }
        }
        return result
    }

    /// One tag: defaults in its attributes; an `href` with a value also keeps its template.
    private func tag(_ tag: Substring) -> String {
        var text = String(tag)
        guard text.contains(Self.encodedOpen) || text.unicodeScalars.contains(Self.open) else { return text }
        if let hrefStart = text.range(of: " href=\""),
            let hrefEnd = text[hrefStart.upperBound...].firstIndex(of: "\"")
        {
            let address = String(text[hrefStart.upperBound..<hrefEnd])
            if address.contains(Self.encodedOpen) {
                let decoded = address.replacingOccurrences(of: Self.encodedOpen, with: String(Self.open))
                    .replacingOccurrences(of: Self.encodedClose, with: String(Self.close))
                let withDefaults = replacingMarks(in: decoded) { Self.escapedForAddress($0.defaultValue) }
                let template = template(in: decoded)
                text.replaceSubrange(
                    hrefStart.upperBound..<text.index(after: hrefEnd),
                    with: "\(withDefaults)\" data-param-href=\"\(template)\"")
            }
        }
        let decoded = text.replacingOccurrences(of: Self.encodedOpen, with: String(Self.open))
            .replacingOccurrences(of: Self.encodedClose, with: String(Self.close))
        return replacingMarks(in: decoded) { $0.defaultValue.escapedForHTML }
    }

    private enum Part {
        case text(String)
        case value(PersonalValue)
    }

    private func forEachPart(of text: String, _ body: (Part) -> Void) {
        var rest = text[...]
        while let open = rest.unicodeScalars.firstIndex(of: Self.open) {
            guard let close = rest.unicodeScalars[open...].firstIndex(of: Self.close) else { break }
            let name = String(rest.unicodeScalars[rest.unicodeScalars.index(after: open)..<close])
            body(.text(String(rest[..<open])))
            if let value = values[name] { body(.value(value)) }
            rest = rest[rest.unicodeScalars.index(after: close)...]
        }
        body(.text(String(rest)))
    }

    private func replacingMarks(in text: String, with replacement: (PersonalValue) -> String) -> String {
        guard text.unicodeScalars.contains(Self.open) else { return text }
        var result = ""
        forEachPart(of: text) { part in
            switch part {
            case .text(let text): result += text
            case .value(let value): result += replacement(value)
            }
        }
        return result
    }

    /// A default as cmark would write it in an address: characters outside the safe set
    /// percent-encoded, `&` and `'` as entities.
    static func escapedForAddress(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;"
            case UInt8(ascii: "'"): result += "&#x27;"
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                if "-_.+!*(),%#@?=;:/$~".utf8.contains(byte) {
                    result.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
