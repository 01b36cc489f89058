/// A language whose fenced code blocks are highlighted, named by the first word of the info
/// string: the canonical name or an alias, without case (`Bash`, `sh`, `yml`, `ps1`).
package enum CodeLanguage: String, CaseIterable, Sendable {
    /// Shell scripts: `bash`, `sh`, `shell`, `zsh`.
    case bash
    /// Terminal sessions, prompts and output: `console`, `shell-session`.
    case console
    /// `json`.
    case json
    /// `yaml`, `yml`.
    case yaml
    /// `python`, `py`.
    case python
    /// `powershell`, `ps1`, `pwsh`.
    case powershell
    /// INI files such as `~/.aws/config`: `ini`, `cfg`, `conf`.
    case ini
    /// `sql`, as Athena writes it.
    case sql
    /// Unified diffs: `diff`, `patch`.
    case diff

    /// The language `name` names, or nil for one that is not highlighted.
    package init?(name: String) {
        switch name.lowercased() {
        case "bash", "sh", "shell", "zsh": self = .bash
        case "console", "shell-session": self = .console
        case "json": self = .json
        case "yaml", "yml": self = .yaml
        case "python", "py": self = .python
        case "powershell", "ps1", "pwsh": self = .powershell
        case "ini", "cfg", "conf": self = .ini
        case "sql": self = .sql
        case "diff", "patch": self = .diff
        default: return nil
        }
    }

    /// The tokens of `code` line by line, each line split into tokens and the plain text between
    /// them (a console block's prompts are plain text too): what the HTML is made from.
    package func tokenizedLines(_ code: String) -> [[HighlightToken]] {
        var code = code
        return code.withUTF8 { bytes in
            var list = TokenList(code: bytes)
            _ = tokenize(&list)
            var lines: [[HighlightToken]] = []
            var tokenIndex = 0
            var lineStart = 0
            func text(_ start: Int, _ end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            while lineStart < bytes.count {
                let lineEnd = list.lineEnd(from: lineStart, before: bytes.count)
                var line: [HighlightToken] = []
                var position = lineStart
                while tokenIndex < list.spans.count, list.spans[tokenIndex].start < lineEnd {
                    let span = list.spans[tokenIndex]
                    if span.start > position { line.append(HighlightToken(nil, text(position, span.start))) }
                    line.append(HighlightToken(span.kind, text(span.start, span.end)))
                    position = span.end
                    tokenIndex += 1
                }
                if lineEnd > position { line.append(HighlightToken(nil, text(position, lineEnd))) }
                lines.append(line)
                lineStart = lineEnd + 1
            }
            return lines
        }
    }

    /// Adds the tokens of all of `list`'s code; for a console block, returns its lines.
    func tokenize(_ list: inout TokenList) -> [ConsoleTokenizer.Line]? {
        let end = list.code.count
        switch self {
        case .bash: BashTokenizer.tokenize(&list, from: 0, to: end)
        case .console: return ConsoleTokenizer.tokenize(&list, from: 0, to: end)
        case .json: JSONTokenizer.tokenize(&list, from: 0, to: end)
        case .yaml: YAMLTokenizer.tokenize(&list, from: 0, to: end)
        case .python: PythonTokenizer.tokenize(&list, from: 0, to: end)
        case .powershell: PowerShellTokenizer.tokenize(&list, from: 0, to: end)
        case .ini: INITokenizer.tokenize(&list, from: 0, to: end)
        case .sql: SQLTokenizer.tokenize(&list, from: 0, to: end)
        case .diff: DiffTokenizer.tokenize(&list, from: 0, to: end)
        }
        return nil
    }
}
