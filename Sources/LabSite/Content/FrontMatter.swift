import Foundation
import Yams

/// The YAML block at the top of a Markdown page, between `---` lines.
///
/// ```
/// ---
/// title: CloudTrail로 계정 활동 기록하기
/// order: 2
/// summary: 추적을 만들고 S3에 쌓인 로그를 읽는다.
/// ---
/// ```
public struct FrontMatter: Sendable, Equatable {
    /// The page title; required.
    public var title: String
    /// The position in reading order (navigation, prev/next, the handout); pages without one come last.
    public var order: Int?
    /// One sentence about the page, shown under the title and in page lists.
    public var summary: String
    /// Any other keys, for templates (`{{page.params.level}}`); values are kept as text.
    public var params: [String: String]
    /// The lab's duration, objectives, prerequisites, cost and region.
    public var facts: LabFacts
    /// When the page was last changed in substance (`updated: 2026-12-01`), as `YYYY-MM-DD`.
    public var updated: String?
    /// The values this page declares or redefines for `{{name}}` (`params:`), on top of the site's.
    public var values: [PersonalValue]

    /// Creates front matter.
    public init(
        title: String, order: Int? = nil, summary: String = "", params: [String: String] = [:],
        facts: LabFacts = LabFacts(), updated: String? = nil, values: [PersonalValue] = []
    ) {
        self.title = title
        self.order = order
        self.summary = summary
        self.params = params
        self.facts = facts
        self.updated = updated
        self.values = values
    }

    /// Splits a page into front matter and Markdown body.
    ///
    /// - Returns: the front matter, the body, and the file line on which the body starts.
    /// - Throws: ``ContentError`` naming the file and line of a missing, unclosed or malformed block.
    public static func split(_ text: String, path: String) throws -> (FrontMatter, body: String, bodyFirstLine: Int) {
        // Swift treats "\r\n" as one character, so line endings are unified first; lines are then
        // found on the UTF-8 bytes, which is several times faster than splitting into Characters.
        // A lone "\r" ends a line for libyaml and cmark alike, so it becomes "\n" too: otherwise the
        // lines they report would not be the lines counted here.
        var text = LineEndings.unified(text)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let bytes = text.utf8
        var lineStarts = [bytes.startIndex]
        var closing: (start: String.Index, end: String.Index, line: Int)?
        var index = bytes.startIndex
        while index < bytes.endIndex, closing == nil {
            let lineEnd = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = text[index..<lineEnd]
            if lineStarts.count == 1 {
                guard line == "---" else {
                    throw ContentError(
                        path: path, line: 1,
                        reason: "The page has no front matter; start it with a `---` line, a `title:` line and a "
                            + "closing `---`.")
                }
            } else if line == "---" || line == "..." {
                closing = (index, lineEnd, lineStarts.count)
            }
            index = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            lineStarts.append(index)
        }
        guard let closing else {
            throw ContentError(
                path: path, line: 1, reason: "The front matter starting here is never closed by a `---` line.")
        }
        let yamlStart = lineStarts[1]
        let yaml = yamlStart < closing.start ? String(text[yamlStart..<text.index(before: closing.start)]) : ""
        let frontMatter = try parse(yaml: yaml, path: path, firstLine: 2)
        let bodyStart = closing.end < text.endIndex ? text.index(after: closing.end) : closing.end
        return (frontMatter, String(text[bodyStart...]), closing.line + 1)
    }

    /// Parses the YAML between the `---` lines; `firstLine` is the file line of its first line.
    static func parse(yaml: String, path: String, firstLine: Int) throws -> FrontMatter {
        let lines = YAMLLines(yaml)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            // A problem at the end of the YAML is on the closing `---` line, the one after it.
            throw ContentError(
                yaml: error, path: path, what: "The front matter", lines: lines, firstLine: firstLine,
                lastLine: firstLine + ContentError.lastLine(of: yaml))
        }
        guard let mapping = node?.mapping else {
            throw ContentError(
                path: path, line: firstLine, reason: "The front matter must be a YAML mapping of keys to values.")
        }
        var title: String?
        var frontMatter = FrontMatter(title: "")
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = lines.fileLine(keyNode.mark?.line ?? 1) + firstLine - 1
            switch key {
            case "title":
                guard let text = value.scalar?.string, !text.isEmpty else {
                    throw ContentError(path: path, line: line, reason: "`title` must be a non-empty text.")
                }
                title = text
            case "order":
                // Read here, not with Yams' `int`: Yams traps on a YAML 1.1 base-60 number such as
                // `1:2:3…` too large for Int, where this is an error at the line.
                guard let text = value.scalar?.string, let number = Int(text) else {
                    throw ContentError(path: path, line: line, reason: "`order` must be a whole number.")
                }
                frontMatter.order = number
            case "summary":
                guard let text = value.scalar?.string else {
                    throw ContentError(path: path, line: line, reason: "`summary` must be a text.")
                }
                frontMatter.summary = text
            case "objectives", "prerequisites":
                let items = try textList(value, key: key, path: path, line: line)
                if key == "objectives" {
                    frontMatter.facts.objectives = items
                } else {
                    frontMatter.facts.prerequisites = items
                }
            case "duration", "cost", "region":
                guard let text = value.scalar?.string, !text.isEmpty else {
                    throw ContentError(path: path, line: line, reason: "`\(key)` must be a non-empty text.")
                }
                switch key {
                case "duration": frontMatter.facts.duration = text
                case "cost": frontMatter.facts.cost = text
                default: frontMatter.facts.region = text
                }
            case "updated":
                guard let text = value.scalar?.string, Self.isDate(text) else {
                    throw ContentError(
                        path: path, line: line,
                        reason: "`updated` must be a date written as YYYY-MM-DD, such as 2026-12-01.")
                }
                frontMatter.updated = text
            case "params":
                frontMatter.values = try PersonalValue.parse(value, path: path) {
                    $0.map { lines.fileLine($0) + firstLine - 1 }
                }
            default:
                guard let text = value.scalar?.string else {
                    throw ContentError(
                        path: path, line: line,
                        reason: "The value of `\(key)` must be a single value, not a list or map.")
                }
                frontMatter.params[key] = text
            }
        }
        guard let title else {
            throw ContentError(path: path, line: firstLine, reason: "The front matter has no `title`.")
        }
        frontMatter.title = title
        return frontMatter
    }

    /// A list of texts, or one text as a list of one.
    private static func textList(_ node: Node, key: String, path: String, line: Int) throws -> [String] {
        if let text = node.scalar?.string { return text.isEmpty ? [] : [text] }
        guard let sequence = node.sequence else {
            throw ContentError(path: path, line: line, reason: "`\(key)` must be a list of texts.")
        }
        return try sequence.map { item in
            guard let text = item.scalar?.string else {
                throw ContentError(path: path, line: line, reason: "Each item of `\(key)` must be a text.")
            }
            return text
        }
    }

    /// Whether `text` is a real calendar date written `YYYY-MM-DD`.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
