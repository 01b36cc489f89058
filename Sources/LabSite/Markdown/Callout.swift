import Foundation

/// The kinds of GitHub-style callouts (`> [!NOTE]`) and their Korean titles.
enum Callout: String, CaseIterable, Sendable {
    case note, tip, important, warning, caution

    /// Reads the marker line of a callout, such as `[!WARNING]`; case does not matter.
    init?(marker: String) {
        let trimmed = marker.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]") else { return nil }
        self.init(rawValue: trimmed.dropFirst(2).dropLast().lowercased())
    }

    /// The title shown above the callout's text.
    var title: String {
        switch self {
        case .note: "참고"
        case .tip: "팁"
        case .important: "중요"
        case .warning: "주의"
        case .caution: "경고"
        }
    }
}
