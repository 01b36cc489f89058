/// What a highlighted piece of code is; the HTML names it as the class `hl-KIND`.
///
/// The list is the one the theme styles (issue 20's contract), so a new case needs its style in
/// `templates/assets/style.css` too.
package enum TokenKind: String, CaseIterable, Sendable {
    case comment
    case string
    case keyword
    case number
    case literal
    case variable
    case command
    case option
    case `operator`
    case key
    case section
    case inserted
    case deleted
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
