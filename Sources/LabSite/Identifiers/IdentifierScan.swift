import Foundation

/// The AWS ids and account numbers found in published files, to warn about ids that reveal an
/// account the data does not name (an access key id kept from a real log, say).
///
/// Scanning is one pass over a file's bytes, so a large trail can be scanned while it is decoded.
public struct IdentifierScan: Sendable, Hashable {
    /// One id where it first appears in a file.
    public struct Sighting: Sendable, Hashable {
        /// The id.
        public var identifier: AWSIdentifier
        /// The file, as messages name it (`content/…`).
        public var path: String
        /// The 1-based line of its first appearance in the file (in the inflated text of a `.gz`).
        public var line: Int
    }

    /// Ids that encode an account, at their first appearance in each file, in file order.
    public private(set) var sightings: [Sighting] = []
    /// Every 12-digit number standing on its own in the files: the accounts the data names.
    public private(set) var namedAccounts: Set<String> = []

    /// An empty scan.
    public init() {}

    /// Scans the bytes of the file named `path`, as it was read.
    public init(data: Data, path: String) {
        self.init()
        data.withUnsafeBytes { scan($0.assumingMemoryBound(to: UInt8.self), path: path) }
    }

    /// Scans the bytes of the file named `path`.
    public init(bytes: [UInt8], path: String) {
        bytes.withUnsafeBufferPointer { scan($0, path: path) }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, path: String) {
        // Most bytes of a log are neither an `A` nor a digit that starts a word; the table sorts each
        // byte into its class with one load and no bounds checks, so scanning costs little beside
        // decoding (commit 9fbad6c).
        Self.classes.withUnsafeBufferPointer { scan(bytes, classes: $0, path: path) }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>, path: String) {
        var line = 1
        // Every run that could be an id, checked once per file: a log repeats the same few keys
        // and ids in every record.
        var checkedHere: Set<String> = []
        // Where the last 12-digit run started, since a log names its account in every record.
        var lastAccountStart: Int?
        var afterWordByte = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch classes[Int(byte)] {
            case Self.newline:
                line += 1
                afterWordByte = false
                index += 1
            case Self.upper where byte == UInt8(ascii: "A") && !afterWordByte:
                var end = index
                while end < count, classes[Int(bytes[end])] == Self.upper || classes[Int(bytes[end])] == Self.digit {
                    end += 1
                }
                if end - index >= 20, end == count || classes[Int(bytes[end])] < Self.upper,
                    case let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self),
                    checkedHere.insert(text).inserted,
                    let identifier = AWSIdentifier(text), identifier.encodesAccount
                {
                    sightings.append(Sighting(identifier: identifier, path: path, line: line))
                }
                afterWordByte = true
                index = end
            case Self.digit where !afterWordByte:
                var end = index
                while end < count, classes[Int(bytes[end])] == Self.digit { end += 1 }
                // A file name such as `123456789012_CloudTrail_…` names its account too.
                if end - index == 12,
                    lastAccountStart.map({ last in
                        !bytes[last..<(last + 12)].elementsEqual(bytes[index..<end])
                    }) ?? true
                {
                    namedAccounts.insert(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self))
                    lastAccountStart = index
                }
                afterWordByte = true
                index = end
            case let kind where kind >= Self.upper:
                // The rest of a word that cannot start an id (lower case, or not at its start): no
                // byte of it can start one either, so it is skipped whole.
                index += 1
                while index < count, classes[Int(bytes[index])] >= Self.upper { index += 1 }
                afterWordByte = true
            default:
                afterWordByte = false
                index += 1
            }
        }
    }

    /// Byte classes, in this order so that `>= upper` means a word byte (letter, digit or `_`).
    private static let other: UInt8 = 0
    private static let newline: UInt8 = 1
    private static let upper: UInt8 = 2
    private static let digit: UInt8 = 3
    private static let lowerOrUnderscore: UInt8 = 4
    private static let classes: [UInt8] = (0...255).map { value -> UInt8 in
        switch UInt8(value) {
        case UInt8(ascii: "\n"): newline
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"): lowerOrUnderscore
        default: other
        }
    }

    /// Adds the accounts `text` names (a published file's path, say) without looking for ids in it.
    public mutating func noteAccounts(namedIn text: String) {
        namedAccounts.formUnion(IdentifierScan(bytes: Array(text.utf8), path: "").namedAccounts)
    }

    /// Adds what `other` found.
    public mutating func merge(_ other: IdentifierScan) {
        sightings += other.sightings
        namedAccounts.formUnion(other.namedAccounts)
    }

    /// The ids that reveal an account no scanned file names, documentation examples left out.
    public var revealing: [Sighting] {
        sightings.filter { sighting in
            guard !sighting.identifier.isDocumentationExample, let account = sighting.identifier.decodedAccount
            else { return false }
            return !namedAccounts.contains(account)
        }
    }

    /// A warning for each account an id reveals in each file, at the id's first line, naming the
    /// account and how many other ids in the file encode it too (a real log repeats its keys).
    public var warnings: [BuildWarning] {
        var groups: [(first: Sighting, account: String, others: Int)] = []
        var index: [String: Int] = [:]
        for sighting in revealing {
            let account = sighting.identifier.decodedAccount ?? "?"
            let key = sighting.path + "\u{0}" + account
            if let position = index[key] {
                groups[position].others += 1
            } else {
                index[key] = groups.count
                groups.append((sighting, account, 0))
            }
        }
        return groups.map { first, account, others in
            let kind = first.identifier.isAccessKey ? "access key id" : "unique id"
            let more =
                switch others {
                case 0: ""
                case 1: " (and 1 more id in this file encodes it too)"
                default: " (and \(others) more ids in this file encode it too)"
                }
            return BuildWarning(
                path: first.path, line: first.line,
                message: "The \(kind) `\(first.identifier.text)` encodes the AWS account \(account)\(more), "
                    + "which no published file names, so publishing it reveals that account; replace it with an id "
                    + "of the sample account, or build with --redact.")
        }
    }
}
