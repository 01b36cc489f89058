import Foundation

/// A JSON object whose members keep the order and the keys the document had.
///
/// Lookups scan the members: objects in logs and policies have a few dozen keys, where a scan
/// beats hashing. Keys match when they are the same characters. When a key occurs twice, both
/// members are kept (and written out), and lookups see the last one, as Python's `json` and `jq` do.
public struct JSONObject: Sendable, Hashable {
    /// One `"key": value` pair.
    public struct Member: Sendable, Hashable {
        /// The key, escapes resolved.
        public var key: String
        /// The value, with its offset.
        public var value: JSONValue

        /// Creates a member.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// Every member, in document order.
    public var members: [Member]

    /// Creates an object from members in the order given.
    public init(_ members: [Member] = []) {
        self.members = members
    }

    /// The keys in document order, a duplicate key as often as it occurs.
    public var keys: [String] { members.map(\.key) }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The value of the last member named `key`.
    public subscript(key: String) -> JSONValue? {
        members.last(where: { Self.isSameKey($0.key, key) })?.value
    }

    /// Whether two keys are the same characters, as JSON compares them.
    @inline(__always)
    static func isSameKey(_ left: String, _ right: String) -> Bool {
        // Lengths first: most members differ in length from the key looked up.
        guard left.utf8.count == right.utf8.count, left == right else { return false }
        // `==` also matches a canonically equivalent spelling: `"\u212A"` (a different length) and
        // `"K"`, or two combining marks in the other order (the same length).
        let same = left.utf8.withContiguousStorageIfAvailable { leftBytes in
            right.utf8.withContiguousStorageIfAvailable { rightBytes in
                guard let leftStart = leftBytes.baseAddress, let rightStart = rightBytes.baseAddress else {
                    return true
                }
                return memcmp(leftStart, rightStart, leftBytes.count) == 0
            }
        }
        return (same ?? nil) ?? left.utf8.elementsEqual(right.utf8)
    }

    /// The string member `key`, or `nil` when it is missing or not a string.
    public func string(_ key: String) -> String? {
        self[key]?.stringValue
    }

    /// The object member `key`, or `nil` when it is missing or not an object.
    public func object(_ key: String) -> JSONObject? {
        self[key]?.objectValue
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a literal, keeping the literal's key order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Member(key: $0.0, value: $0.1) })
    }
}
