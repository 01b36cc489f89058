import LabSite

/// A JSON object whose members keep the order and the keys the file had.
///
/// Lookups scan the members: records have a few dozen keys, where a scan beats hashing. When a key
/// occurs twice, both members are kept (and written out), and lookups see the last one, as Python's
/// `json` and `jq` do.
public struct TrailJSONObject: Sendable, Hashable {
    /// One `"key": value` pair.
    public struct Member: Sendable, Hashable {
        /// The key as written.
        public var key: String
        /// The value.
        public var value: TrailJSON

        /// Creates a member.
        public init(key: String, value: TrailJSON) {
            self.key = key
            self.value = value
        }
    }

    /// Every member, in file order.
    public var members: [Member]

    /// Creates an object from members in the order given.
    public init(_ members: [Member] = []) {
        self.members = members
    }

    /// Creates an object from `(key, value)` pairs in the order given.
    public init(_ pairs: KeyValuePairs<String, TrailJSON>) {
        self.members = pairs.map { Member(key: $0.key, value: $0.value) }
    }

    /// The keys in file order.
    public var keys: [String] { members.map(\.key) }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The value of the last member named `key`.
    public subscript(key: String) -> TrailJSON? {
        members.last(where: { $0.key == key })?.value
    }

    /// The value of the last member named `key`, ignoring ASCII case when no exact match exists.
    ///
    /// Hand-written samples spell keys as `principalid` or `accountid`; typed accessors use this
    /// so such records still show who acted.
    public func value(forLooseKey key: String) -> TrailJSON? {
        if let exact = self[key] { return exact }
        let lowered = key.lowercased()
        // Lengths first: most lookups are for keys a record does not have, and lower-casing
        // every key of 100,000 records showed in profiles. Only non-ASCII text can change length.
        let count = lowered.utf8.count
        return members.last(where: { member in
            (member.key.utf8.count == count || !member.key.utf8.allSatisfy { $0 < 0x80 })
                && member.key.lowercased() == lowered
        })?.value
    }

    /// The string member `key`, or `nil` when it is missing or not a string.
    public func string(_ key: String) -> String? {
        self[key]?.stringValue
    }

    /// The object member `key`, or `nil` when it is missing or not an object.
    public func object(_ key: String) -> TrailJSONObject? {
        self[key]?.objectValue
    }
}

extension TrailJSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a literal, keeping the literal's key order.
    public init(dictionaryLiteral elements: (String, TrailJSON)...) {
        self.init(elements.map { Member(key: $0.0, value: $0.1) })
    }
}
