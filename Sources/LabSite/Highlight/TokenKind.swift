/// What a highlighted piece of code is; the HTML names it as the class `hl-KIND`.
///
/// The list is the one the theme styles (issue 20's contract), so a new case needs its style in
/// `templates/assets/style.css` too.
package enum TokenKind: String, CaseIterable, Sendable {
    /// A comment, to its end.
    case comment
    /// A quoted string, a heredoc or here-string body, a block scalar's lines.
    case string
    /// A reserved word of the language (`if`, `SELECT`, `def`), or a YAML tag such as `!Sub`.
    case keyword
    /// A number.
    case number
    /// A constant such as `true`, `null`, `None` or `$false`.
    case literal
    /// A variable or expansion (`$HOME`, `${X}`, `$env:PATH`), an anchor, a quoted SQL name.
    case variable
    /// The command a shell line runs.
    case command
    /// A command option or parameter (`--region`, `-y`, `-BucketName`).
    case option
    /// An operator: pipes, redirections, `$(`, `=`, comparisons, a block scalar indicator.
    case `operator`
    /// A key of a JSON object, YAML mapping, INI setting or PowerShell hash table.
    case key
    /// An INI `[section]` header.
    case section
    /// A line a diff adds.
    case inserted
    /// A line a diff removes.
    case deleted
    /// A diff's file and hunk headers, YAML's `---` and directives, a Python decorator.
    case meta

    /// The opening tag of the token's span, written as bytes that need no escaping.
    var openingTag: StaticString {
        switch self {
        case .comment: "<span class=\"hl-comment\">"
        case .string: "<span class=\"hl-string\">"
        case .keyword: "<span class=\"hl-keyword\">"
        case .number: "<span class=\"hl-number\">"
        case .literal: "<span class=\"hl-literal\">"
        case .variable: "<span class=\"hl-variable\">"
        case .command: "<span class=\"hl-command\">"
        case .option: "<span class=\"hl-option\">"
        case .operator: "<span class=\"hl-operator\">"
        case .key: "<span class=\"hl-key\">"
        case .section: "<span class=\"hl-section\">"
        case .inserted: "<span class=\"hl-inserted\">"
        case .deleted: "<span class=\"hl-deleted\">"
        case .meta: "<span class=\"hl-meta\">"
        }
    }
}
