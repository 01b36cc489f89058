/// An AWS access key id or unique id (`AKIA…`, `ASIA…`, `AIDA…`, `AGPA…`), and the account it encodes.
///
/// Ids issued since about 2019 carry their account: after the four-letter prefix, the first ten
/// base32 characters (`A`–`Z`, `2`–`7`) hold 50 bits: a flag set on such ids, the
/// 40-bit account number, and 9 bits of something else. This layout is not documented by AWS but is
/// publicly known, and `aws sts get-access-key-info` answers with the same account, so publishing
/// such an id publishes the account of whoever it belonged to.
public struct AWSIdentifier: Sendable, Hashable {
    /// The id as written.
    public var text: String

    /// The prefixes of AWS's unique ids and access key ids, from the IAM User Guide's
    /// "Understanding unique ID prefixes".
    public static let prefixes: Set<String> = [
        "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "AKIA", "ANPA", "ANVA", "APKA", "AROA", "ASCA", "ASIA",
    ]

    /// Reads `text` as an id: a known prefix followed by at least 16 upper-case letters or digits.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, Self.prefixes.contains(String(decoding: bytes.prefix(4), as: UTF8.self)),
            bytes.dropFirst(4).allSatisfy({ Self.isIDCharacter($0) })
        else { return nil }
        self.text = text
    }

    /// Whether the id is an access key id (`AKIA…` long-term, `ASIA…` temporary) rather than a unique id.
    public var isAccessKey: Bool { text.hasPrefix("AKIA") || text.hasPrefix("ASIA") }

    /// Whether the id is one of the AWS documentation's examples, such as `AKIAIOSFODNN7EXAMPLE`.
    public var isDocumentationExample: Bool { text.hasSuffix("EXAMPLE") }

    /// The 12-digit account number the id's first ten characters after the prefix decode to, or `nil`
    /// when one of them is not base32 (ids with `0`, `1`, `8` or `9` there are not AWS's).
    ///
    /// Older ids decode too, to a number that means nothing: see ``encodesAccount``.
    public var decodedAccount: String? {
        guard let bits = leadingBits else { return nil }
        let account = (bits >> 9) & 0xFF_FFFF_FFFF
        let digits = String(account)
        guard digits.count <= 12 else { return nil }
        return String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// Whether the id has the flag of the ids that carry their account, so that
    /// ``decodedAccount`` names a real account.
    ///
    /// Ten digits in a row (`AKIA3725532324…`) are a made-up id of digits, as test corpora use, not
    /// one of AWS's: in base32 text, ten characters of `2`–`7` and no letter occur about once in
    /// twenty million ids.
    public var encodesAccount: Bool {
        guard let bits = leadingBits else { return false }
        let leading = text.utf8.dropFirst(4).prefix(10)
        return bits >> 49 == 1 && leading.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    /// The 50 bits of the first ten base32 characters after the prefix.
    private var leadingBits: UInt64? {
        var bits: UInt64 = 0
        for byte in text.utf8.dropFirst(4).prefix(10) {
            guard let value = Self.base32Value(byte) else { return nil }
            bits = bits << 5 | UInt64(value)
        }
        return bits
    }

    /// Encodes `account` in an id of `prefix` with the flag set, the 9 spare bits and the remaining
    /// characters taken from `filler`; the inverse of ``decodedAccount``, for tests and sample data.
    public static func make(prefix: String, account: UInt64, filler: UInt64 = 0, length: Int = 20) -> AWSIdentifier? {
        guard prefixes.contains(prefix), account <= 999_999_999_999, length >= 20 else { return nil }
        let bits: UInt64 = 1 << 49 | account << 9 | (filler & 0x1FF)
        var characters = Array(prefix.utf8)
        for shift in stride(from: 45, through: 0, by: -5) {
            characters.append(alphabet[Int((bits >> UInt64(shift)) & 0x1F)])
        }
        var state = filler
        while characters.count < length {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            characters.append(alphabet[Int(state >> 59)])
        }
        return AWSIdentifier(String(decoding: characters, as: UTF8.self))
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    private static func base32Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "2")...UInt8(ascii: "7"): byte - UInt8(ascii: "2") + 26
        default: nil
        }
    }

    /// Whether `byte` may appear in an id after its prefix.
    static func isIDCharacter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
