import Foundation

/// The kinds of GitHub-style callouts (`> [!NOTE]`) and their Korean titles.
///
/// Besides GitHub's five, lab guides need two: `[!CHECKPOINT]` for what a student checks before
/// going on (the console's region, a wait for data to arrive) and `[!TROUBLESHOOTING]` for a known
/// failure and its fix, as Workshop Studio's and MkDocs Material's admonitions have.
enum Callout: String, CaseIterable, Sendable {
    case note, tip, important, warning, caution, checkpoint, troubleshooting

    /// Whether a callout folds: `[!NOTE]-` starts folded, `[!NOTE]+` starts open, as in Obsidian and
    /// MkDocs Material's `???`/`???+`.
    enum Folding: Sendable, Equatable {
        case folded, open
    }

    /// Reads a marker line, such as `[!WARNING]`, with an optional title after it, such as
    /// `[!TROUBLESHOOTING] 결제 지표가 보이지 않을 때`, and an optional `-` or `+` right after the
    /// bracket; case does not matter.
    static func parse(_ line: String) -> (kind: Callout, title: String?, folding: Folding?)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("[!"), let close = trimmed.firstIndex(of: "]"),
            let kind = Callout(rawValue: trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close].lowercased())
        else { return nil }
        var rest = trimmed[trimmed.index(after: close)...]
        var folding: Folding?
        switch rest.first {
        case "-": folding = .folded
        case "+": folding = .open
        default: break
        }
        if folding != nil { rest = rest.dropFirst() }
        guard rest.isEmpty || rest.first == " " else { return nil }
        let title = rest.trimmingCharacters(in: .whitespaces)
        return (kind, title.isEmpty ? nil : title, folding)
    }

    /// The label of a tab marker line, `[!TAB 콘솔]` → `콘솔`; `TAB` in any case, the label trimmed
    /// and not empty, nothing after the bracket.
    static func tabLabel(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > 7, trimmed.prefix(6).uppercased() == "[!TAB ", trimmed.hasSuffix("]") else {
            return nil
        }
        let label = trimmed.dropFirst(6).dropLast().trimmingCharacters(in: .whitespaces)
        return label.isEmpty || label.contains("]") ? nil : label
    }

    /// The title shown above the callout's text.
    var title: String {
        switch self {
        case .note: "참고"
        case .tip: "팁"
        case .important: "중요"
        case .warning: "주의"
        case .caution: "경고"
        case .checkpoint: "확인 지점"
        case .troubleshooting: "문제 해결"
        }
    }

    /// The title line: the kind's title, then the author's own title when the marker has one.
    func title(adding custom: String?) -> String {
        guard let custom else { return title }
        return "\(title): \(custom)"
    }
}
