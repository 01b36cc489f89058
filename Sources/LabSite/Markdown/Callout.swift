import Foundation

/// The kinds of GitHub-style callouts (`> [!NOTE]`) and their Korean titles.
///
/// Besides GitHub's five, lab guides need two: `[!CHECKPOINT]` for what a student checks before
/// going on (the console's region, a wait for data to arrive) and `[!TROUBLESHOOTING]` for a known
/// failure and its fix, as Workshop Studio's and MkDocs Material's admonitions have.
enum Callout: String, CaseIterable, Sendable {
    case note, tip, important, warning, caution, checkpoint, troubleshooting

    /// Reads a marker line, such as `[!WARNING]`, with an optional title after it, such as
    /// `[!TROUBLESHOOTING] 결제 지표가 보이지 않을 때`; case does not matter.
    static func parse(_ line: String) -> (kind: Callout, title: String?)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("[!"), let close = trimmed.firstIndex(of: "]"),
            let kind = Callout(rawValue: trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close].lowercased())
        else { return nil }
        let rest = trimmed[trimmed.index(after: close)...]
        guard rest.isEmpty || rest.first == " " else { return nil }
        let title = rest.trimmingCharacters(in: .whitespaces)
        return (kind, title.isEmpty ? nil : title)
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
