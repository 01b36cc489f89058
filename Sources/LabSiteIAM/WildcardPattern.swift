import LabSite

/// An IAM pattern where `*` matches any run of characters (also none) and `?` exactly one, anywhere in
/// the text: `s3:Get*`, `cloudtrail:*Trail*`, `arn:aws:s3:::aws-cloudtrail-logs-????????????-*`.
public struct WildcardPattern: Sendable, Equatable {
    /// The pattern as written.
    public let text: String
    private let scalars: [Unicode.Scalar]
    /// The pattern's bytes (lower-cased when case is ignored), when it is ASCII: action names and
    /// almost every ARN are, and matching them byte by byte allocates nothing, which the policy
    /// checker needs (ReadOnlyAccess matches thousands of patterns against the catalogue).
    private let asciiBytes: [UInt8]?
    private let ignoresCase: Bool

    /// Creates a pattern; action names compare without case, resources with case.
    public init(_ text: String, ignoringCase: Bool = false) {
        self.text = text
        self.ignoresCase = ignoringCase
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        self.asciiBytes = ascii ? text.utf8.map { ignoringCase ? Self.lowered($0) : $0 } : nil
        // Scalars are only needed for a pattern or candidate that is not ASCII.
        self.scalars = ascii ? [] : Array((ignoringCase ? text.lowercased() : text).unicodeScalars)
    }

    /// Whether the pattern has a `*` or `?`.
    public var hasWildcards: Bool { Self.hasWildcards(text) }

    /// Whether `text` has a `*` or `?`, without making a pattern of it.
    public static func hasWildcards(_ text: some StringProtocol) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
    }

    /// Whether `candidate` matches the whole pattern.
    public func matches(_ candidate: String) -> Bool {
        if let asciiBytes {
            var contiguous = candidate
            let matched = contiguous.withUTF8 { input -> Bool? in
                guard input.allSatisfy({ $0 < 0x80 }) else { return nil }
                return Self.match(asciiBytes, input, wildcard: UInt8(ascii: "*"), single: UInt8(ascii: "?")) {
                    ignoresCase ? Self.lowered($0) : $0
                }
            }
            if let matched { return matched }
        }
        let pattern = asciiBytes == nil ? scalars : Array((ignoresCase ? text.lowercased() : text).unicodeScalars)
        let input = Array((ignoresCase ? candidate.lowercased() : candidate).unicodeScalars)
        return Self.match(pattern, input, wildcard: "*", single: "?") { $0 }
    }

    /// Greedy matching with one backtrack point: linear in practice, no recursion. `normalised`
    /// maps each input element before it is compared (ASCII lower-casing).
    private static func match<Element: Equatable, Input: RandomAccessCollection>(
        _ pattern: [Element], _ input: Input, wildcard: Element, single: Element,
        normalised: (Element) -> Element
    ) -> Bool where Input.Element == Element, Input.Index == Int {
        var p = 0
        var i = input.startIndex
        var star: Int?
        var resume = i
        while i < input.endIndex {
            if p < pattern.count
                && (pattern[p] == single || (pattern[p] != wildcard && pattern[p] == normalised(input[i])))
            {
                p += 1
                i += 1
            } else if p < pattern.count && pattern[p] == wildcard {
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
        while p < pattern.count && pattern[p] == wildcard { p += 1 }
        return p == pattern.count
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
