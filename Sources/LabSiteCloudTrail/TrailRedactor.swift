import Foundation
import LabSite

/// Replaces account ids, access key ids, IP addresses and principal ids with stand-ins, the same
/// stand-in for the same value everywhere, so an instructor can publish a real trail.
///
/// Stand-ins are handed out in the order values are first seen by ``learn(_:)``, so a build that reads
/// the same files in the same order writes the same site. A stand-in never equals a value it learned.
public struct TrailRedactor: Sendable {
    /// What a matched value is, which decides the shape of its stand-in.
    enum Kind: Sendable, Hashable {
        case account, accessKey, principal, ipv4, ipv6
    }

    /// The values learned so far, in the order first seen.
    private var originals: [(value: String, kind: Kind)] = []
    private var seen: Set<String> = []
    /// Original → stand-in, filled by ``finish()``.
    private(set) var standIns: [String: String] = [:]

    /// Creates a redactor that knows no values yet.
    public init() {}

    // Ids are bounded by characters that cannot continue them, so `1234567890123` (13 digits) is not
    // an account id and `AKIA…` inside a longer word is not a key.
    private static let pattern: NSRegularExpression? = try? NSRegularExpression(
        pattern: #"(?<![0-9A-Za-z])((?:AKIA|ASIA)[A-Z0-9]{12,32})(?![0-9A-Za-z])"#
            + #"|(?<![0-9A-Za-z])((?:AIDA|AROA|AIPA|ANPA|ANVA|APKA|AGPA|ASCA|ACCA|ABIA)[A-Z0-9]{12,32})(?![0-9A-Za-z])"#
            + #"|(?<![0-9])([0-9]{12})(?![0-9])"#
            + #"|(?<![0-9.])((?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}"#
            + #"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]))(?![0-9]|\.[0-9])"#
            + #"|(?<![0-9A-Fa-f:])((?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:[0-9]{1,3}\.){3}[0-9]{1,3})?)"#
            + #"(?![0-9A-Fa-f:])"#)
    private static let kinds: [Kind] = [.accessKey, .principal, .account, .ipv4, .ipv6]

    /// The values to redact in `text`, with their ranges, in order.
    private static func matches(in text: String) -> [(range: Range<String.Index>, value: String, kind: Kind)] {
        guard let pattern, text.utf8.count >= 7 else { return [] }
        var found: [(Range<String.Index>, String, Kind)] = []
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        for match in pattern.matches(in: text, range: whole) {
            for (group, kind) in kinds.enumerated() {
                let nsRange = match.range(at: group + 1)
                guard nsRange.location != NSNotFound, let range = Range(nsRange, in: text) else { continue }
                let value = String(text[range])
                if kind == .ipv6 && !isIPv6(value) { break }
                // `0.0.0.0` (in `0.0.0.0/0`, "anywhere") names no one, and the highlights look for it.
                if kind == .ipv4 && value == "0.0.0.0" { break }
                found.append((range, value, kind))
                break
            }
        }
        return found
    }

    /// Whether `text` is an IPv6 address worth hiding: valid, with at least two non-empty groups.
    static func isIPv6(_ text: String) -> Bool {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        var groups = 0
        var nonEmpty = 0
        for (halfIndex, half) in halves.enumerated() where !half.isEmpty {
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                let isLast = halfIndex == halves.count - 1 && index == parts.count - 1
                if isLast && part.contains(".") {
                    let octets = part.split(separator: ".", omittingEmptySubsequences: false)
                    guard octets.count == 4, octets.allSatisfy({ Int($0).map { $0 <= 255 } ?? false }) else {
                        return false
                    }
                    groups += 2
                    nonEmpty += 1
                    continue
                }
                guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit) else { return false }
                groups += 1
                nonEmpty += 1
            }
        }
        let fits = halves.count == 2 ? groups < 8 : groups == 8
        return fits && nonEmpty >= 2
    }

    /// Notes the redactable values in `text` (pass one: learn every value before writing any).
    public mutating func learn(_ text: String) {
        for match in Self.matches(in: text) where seen.insert(match.value).inserted {
            originals.append((match.value, match.kind))
        }
    }

    /// Notes the values in every string of `value`, keys included.
    public mutating func learn(_ value: JSONValue) {
        switch value.content {
        case .string(let text), .number(let text): learn(text)
        case .array(let elements): for element in elements { learn(element) }
        case .object(let object):
            for member in object.members {
                learn(member.key)
                learn(member.value)
            }
        case .null, .bool: break
        }
    }

    /// Chooses the stand-ins of every learned value (pass two can then redact).
    public mutating func finish() {
        var counters: [Kind: Int] = [:]
        for (value, kind) in originals where standIns[value] == nil {
            var candidate: String
            repeat {
                counters[kind, default: 0] += 1
                candidate = Self.standIn(for: value, kind: kind, number: counters[kind, default: 0])
            } while seen.contains(candidate)
            standIns[value] = candidate
        }
    }

    private static func standIn(for value: String, kind: Kind, number: Int) -> String {
        func padded(_ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
        }
        switch kind {
        case .account: return padded(12)
        case .accessKey: return String(value.prefix(4)) + "REDACTED" + padded(Swift.max(1, value.count - 12))
        case .principal: return String(value.prefix(4)) + "REDACTED" + padded(Swift.max(1, value.count - 12))
        case .ipv4: return "198.18.\(number / 256 % 256).\(number % 256)"
        case .ipv6: return "2001:db8:ffff::" + String(number, radix: 16)
        }
    }

    /// `text` with every learned value replaced by its stand-in; values not learned are redacted too,
    /// by a stand-in that names only their kind.
    public func redact(_ text: String) -> String {
        replacing(in: text) { _ in "REDACTED" }
    }

    /// `text` with every learned value replaced by its stand-in and anything else left alone: the
    /// site-wide pass over pages that may already hold stand-ins, dates and other numbers.
    func redactLearned(_ text: String) -> String {
        replacing(in: text) { $0 }
    }

    private func replacing(in text: String, unknown: (String) -> String) -> String {
        let found = Self.matches(in: text)
        guard !found.isEmpty else { return text }
        var result = ""
        var position = text.startIndex
        for match in found {
            result += text[position..<match.range.lowerBound]
            result += standIns[match.value] ?? unknown(match.value)
            position = match.range.upperBound
        }
        result += text[position...]
        return result
    }

    /// `value` with every string, number and key redacted.
    public func redact(_ value: JSONValue) -> JSONValue {
        switch value.content {
        case .string(let text): return JSONValue(.string(redact(text)), offset: value.offset)
        case .number(let text):
            let redacted = redact(text)
            return redacted == text ? value : JSONValue(.string(redacted), offset: value.offset)
        case .array(let elements): return JSONValue(.array(elements.map(redact)), offset: value.offset)
        case .object(let object):
            let members = object.members.map { JSONObject.Member(key: redact($0.key), value: redact($0.value)) }
            return JSONValue(.object(JSONObject(members)), offset: value.offset)
        case .null, .bool: return value
        }
    }

    /// `record` with every value redacted, keys and field order kept.
    public func redact(_ record: CloudTrailRecord) -> CloudTrailRecord {
        CloudTrailRecord(fields: redact(record.json).objectValue ?? [:])
    }
}
