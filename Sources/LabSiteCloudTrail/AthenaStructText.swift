import LabSite

/// The text Athena writes for a struct, array or map column (`{type=IAMUser, principalid=AIDA…,
/// sessioncontext={attributes={mfaauthenticated=false}}, invokedby=null}`), read back into JSON.
///
/// The text has no quoting, so a value that itself holds `, name=` or an unbalanced brace cannot be
/// told from the structure around it; such text is not parsed (``parse(_:)`` returns `nil`) and the
/// caller keeps it raw. Names are Athena's lower-case column names, given back CloudTrail's
/// spelling where the record documents one (`principalid` → `principalId`). `null` members are left
/// out, as a log file leaves out what it does not have.
struct AthenaStructText {
    private let text: [UInt8]
    private var index = 0

    /// The JSON value of `text`, or `nil` when it is not text that parses unambiguously.
    static func parse(_ text: String) -> JSONValue? {
        var parser = AthenaStructText(text: Array(text.utf8))
        guard let value = parser.value(until: []), parser.index == parser.text.count else { return nil }
        return value
    }

    private init(text: [UInt8]) {
        self.text = text
    }

    private static let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), openArray = UInt8(ascii: "[")
    private static let closeArray = UInt8(ascii: "]"), comma = UInt8(ascii: ","), equals = UInt8(ascii: "=")
    private static let space = UInt8(ascii: " ")

    /// A struct, an array, or a scalar running until one of `ends` closes it.
    private mutating func value(until ends: Set<UInt8>) -> JSONValue? {
        guard index < text.count else { return JSONValue(.string("")) }
        switch text[index] {
        case Self.open: return structure()
        case Self.openArray: return array()
        default: return scalar(until: ends)
        }
    }

    private mutating func structure() -> JSONValue? {
        index += 1
        var object = JSONObject()
        if index < text.count, text[index] == Self.close {
            index += 1
            return JSONValue(.object(object))
        }
        while true {
            let start = index
            while index < text.count, text[index] != Self.equals, text[index] != Self.comma, text[index] != Self.close {
                index += 1
            }
            guard index < text.count, text[index] == Self.equals, index > start else { return nil }
            let key = String(decoding: text[start..<index], as: UTF8.self)
            index += 1
            guard let member = value(until: [Self.close]) else { return nil }
            if member.content != .string("null") {
                object.members.append(.init(key: AthenaColumns.recordName(key), value: member))
            }
            guard index < text.count else { return nil }
            if text[index] == Self.close {
                index += 1
                return JSONValue(.object(object))
            }
            guard text[index] == Self.comma, index + 1 < text.count, text[index + 1] == Self.space else { return nil }
            index += 2
        }
    }

    private mutating func array() -> JSONValue? {
        index += 1
        var elements: [JSONValue] = []
        if index < text.count, text[index] == Self.closeArray {
            index += 1
            return JSONValue(.array(elements))
        }
        while true {
            guard let element = value(until: [Self.closeArray]) else { return nil }
            elements.append(element)
            guard index < text.count else { return nil }
            if text[index] == Self.closeArray {
                index += 1
                return JSONValue(.array(elements))
            }
            guard text[index] == Self.comma, index + 1 < text.count, text[index + 1] == Self.space else { return nil }
            index += 2
        }
    }

    /// Text up to the `, ` before the next member (`, name=`) or element, or up to a closing bracket
    /// in `ends`; at the top level, the rest of the text.
    private mutating func scalar(until ends: Set<UInt8>) -> JSONValue? {
        let start = index
        let inArray = ends.contains(Self.closeArray)
        while index < text.count {
            let byte = text[index]
            if ends.contains(byte) { break }
            if byte == Self.open || byte == Self.openArray || (ends.isEmpty == false && byte == Self.close) {
                return nil
            }
            if byte == Self.comma, index + 1 < text.count, text[index + 1] == Self.space,
                inArray || startsMember(at: index + 2)
            {
                break
            }
            index += 1
        }
        if ends.isEmpty { index = text.count }
        return JSONValue(.string(String(decoding: text[start..<index], as: UTF8.self)))
    }

    /// Whether a `name=` starts at `position`.
    private func startsMember(at position: Int) -> Bool {
        var cursor = position
        while cursor < text.count, text[cursor] != Self.equals {
            let byte = text[cursor]
            let isNameByte =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
            guard isNameByte else { return false }
            cursor += 1
        }
        return cursor < text.count && cursor > position
    }
}
