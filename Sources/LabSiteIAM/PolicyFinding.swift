import LabSite

/// One problem the policy checker found in a policy document, in IAM Access Analyzer's terms: a
/// finding type, an issue code, a Korean explanation, a documentation link and the place.
public struct PolicyFinding: Sendable, Equatable {
    /// How much a finding matters, in Access Analyzer's four types, most serious first.
    public enum FindingType: String, Sendable, CaseIterable, Comparable {
        /// Part of the policy does not work (an unknown action, a condition that can never match).
        case error = "ERROR"
        /// The policy allows more than it likely should (privilege escalation, `iam:PassRole` on `*`).
        case securityWarning = "SECURITY_WARNING"
        /// The policy works but goes against the best practices (`Resource: "*"`, no `Version`).
        case warning = "WARNING"
        /// A change of style that changes no access (a redundant action, an empty list).
        case suggestion = "SUGGESTION"

        /// The Korean name shown on pages.
        public var koreanName: String {
            switch self {
            case .error: "오류"
            case .securityWarning: "보안 경고"
            case .warning: "경고"
            case .suggestion: "제안"
            }
        }

        public static func < (left: FindingType, right: FindingType) -> Bool {
            allCases.firstIndex(of: left) ?? 0 < allCases.firstIndex(of: right) ?? 0
        }
    }

    /// One step of the path from the document's root to the finding (Access Analyzer's `PathElement`).
    public enum PathElement: Sendable, Equatable, CustomStringConvertible {
        /// A member of an object by its element name (`Statement`, `Action`).
        case value(String)
        /// An entry of a list, from 0.
        case index(Int)
        /// A member of a `Condition` object, named by its operator or key.
        case key(String)

        /// `Statement[0].Action[1]` style, for messages.
        public var description: String {
            switch self {
            case .value(let name), .key(let name): name
            case .index(let index): "[\(index)]"
            }
        }
    }

    /// The finding's type.
    public var type: FindingType
    /// The issue code (`RESOURCE_STAR`); ``PolicyIssue`` lists them.
    public var issue: PolicyIssue
    /// What is wrong and what to do, in Korean, naming the action, key or ARN at fault.
    public var message: String
    /// The path from the document's root.
    public var path: [PathElement]
    /// The byte offsets, in the text the document was read from, of the part at fault.
    public var span: Range<Int>

    /// Creates a finding of `issue`'s type.
    public init(_ issue: PolicyIssue, message: String, path: [PathElement], span: Range<Int>) {
        self.type = issue.type
        self.issue = issue
        self.message = message
        self.path = path
        self.span = span
    }

    /// `Statement[0].Action[1]`.
    public var pathText: String {
        path.reduce(into: "") { text, element in
            if case .index = element {
                text += element.description
            } else {
                text += (text.isEmpty ? "" : ".") + element.description
            }
        }
    }
}
