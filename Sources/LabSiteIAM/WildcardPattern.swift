import LabSite

/// An IAM pattern where `*` matches any run of characters (also none) and `?` exactly one, anywhere in
/// the text: `s3:Get*`, `cloudtrail:*Trail*`, `arn:aws:s3:::aws-cloudtrail-logs-????????????-*`.
public struct WildcardPattern: Sendable, Equatable {
    /// The pattern as written.
    public let text: String
    private let scalars: [Unicode.Scalar]
    private let ignoresCase: Bool

    /// Creates a pattern; action names compare without case, resources with case.
    public init(_ text: String, ignoringCase: Bool = false) {
        self.text = text
        self.ignoresCase = ignoringCase
        self.scalars = Array((ignoringCase ? text.lowercased() : text).unicodeScalars)
    }

    /// Whether the pattern has a `*` or `?`.
    public var hasWildcards: Bool { scalars.contains { $0 == "*" || $0 == "?" } }

    /// Whether `candidate` matches the whole pattern.
    public func matches(_ candidate: String) -> Bool {
        let input = Array((ignoresCase ? candidate.lowercased() : candidate).unicodeScalars)
        // Greedy matching with one backtrack point: linear in practice, no recursion.
        var p = 0
        var i = 0
        var star: Int?
        var resume = 0
        while i < input.count {
            if p < scalars.count && (scalars[p] == "?" || (scalars[p] != "*" && scalars[p] == input[i])) {
                p += 1
                i += 1
            } else if p < scalars.count && scalars[p] == "*" {
                star = p
                resume = i
                p += 1
            } else if let starIndex = star {
                p = starIndex + 1
                resume += 1
                i = resume
            } else {
                return false
            }
        }
        while p < scalars.count && scalars[p] == "*" { p += 1 }
        return p == scalars.count
    }
}
