/// What a fenced code block's info string asks for: ```` ```bash {2,4-5} showLineNumbers ````.
///
/// The first word is the language (kept as written: the HTML class repeats it); `{…}` lists the
/// lines to mark, 1-based, as numbers and ranges separated by commas; the word `showLineNumbers`
/// numbers the lines. Other words are ignored. A `{…}` that is not such a list marks nothing and
/// is described in ``problem``, which the build reports as a warning.
public struct CodeInfo: Equatable, Sendable {
    /// The first word as written, or nil when the info string is empty or starts with `{`.
    public var language: String?
    /// The 1-based lines to mark.
    public var markedLines: Set<Int>
    /// Whether the lines are numbered.
    public var showsLineNumbers: Bool
    /// Why the `{…}` list was ignored, as a sentence for a build warning; nil when it was read.
    public var problem: String?

    /// The highest line a list may name: more than any handout's block, few enough that a range
    /// such as `{1-99999999}` cannot fill memory.
    public static let lineLimit = 10_000

    /// Reads an info string as cmark hands it over (entities and escapes already decoded).
    public init(parsing info: String) {
        language = nil
        markedLines = []
        showsLineNumbers = false
        problem = nil
        // cmark ends the first word at any of these, so the language here is the one in its class.
        let words = info.split(whereSeparator: { " \t\n\r\u{0B}\u{0C}".contains($0) })
        var index = 0
        if let first = words.first, !first.hasPrefix("{") {
            language = String(first)
            index = 1
        }
        var sawList = false
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "showLineNumbers" {
                showsLineNumbers = true
            } else if word.hasPrefix("{"), !sawList {
                sawList = true
                // A list may hold blanks (`{2, 4-5}`): it runs to the first `}` after its `{`.
                var list = String(word)
                while !list.contains("}"), index < words.count {
                    list += " " + words[index]
                    index += 1
                }
                readLineList(list)
            }
        }
    }

    /// Reads `{2,4-5}` into ``markedLines``, or sets ``problem``.
    private mutating func readLineList(_ written: String) {
        guard let close = written.firstIndex(of: "}") else {
            problem = "The line list `\(written)` has no closing `}`; write the lines to mark as `{2,4-5}`."
            return
        }
        let list = written[...close]
        let inside = written[written.index(after: written.startIndex)..<close]
        var lines = Set<Int>()
        for item in inside.split(separator: ",", omittingEmptySubsequences: false) {
            let item = item.trimmingBlanks
            let bounds = item.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = Self.lineNumber(bounds[0]), bounds.count == 1 || Self.lineNumber(bounds[1]) != nil else {
                problem =
                    "The line list `\(list)` is not a list of line numbers and ranges such as `{2,4-5}`."
                return
            }
            let last = bounds.count == 2 ? Self.lineNumber(bounds[1]) ?? first : first
            if first == 0 || last == 0 {
                problem = "The line list `\(list)` names line 0, but lines are counted from 1."
                return
            }
            if first > Self.lineLimit || last > Self.lineLimit {
                problem =
                    "The line list `\(list)` names a line after \(Self.lineLimit), more than a code block is expected to have."
                return
            }
            if last < first {
                problem =
                    "The line list `\(list)` has the range \(first)-\(last), which runs backwards; write \(last)-\(first)."
                return
            }
            lines.formUnion(first...last)
        }
        markedLines = lines
    }

    /// The number `text` spells in ASCII digits (no sign, no blanks), capped above the limit.
    private static func lineNumber(_ text: Substring) -> Int? {
        let digits = text.trimmingBlanks
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0.isDigit }) else { return nil }
        // Eight digits are past the limit already; more could overflow `Int`.
        return digits.utf8.count > 8 ? lineLimit + 1 : Int(digits)
    }
}

extension Substring {
    /// The text without the spaces and tabs around it.
    fileprivate var trimmingBlanks: Substring {
        var text = self
        while let first = text.utf8.first, first.isBlank { text = text.dropFirst() }
        while let last = text.utf8.last, last.isBlank { text = text.dropLast() }
        return text
    }
}
