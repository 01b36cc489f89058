import LabSite

/// Lookups as lenient as hand-written samples need.
extension JSONObject {
    /// The value of the last member named `key`, ignoring ASCII case when no exact match exists.
    ///
    /// Hand-written samples spell keys as `principalid` or `accountid`; typed accessors use this
    /// so such records still show who acted.
    func value(forLooseKey key: String) -> JSONValue? {
        if let exact = self[key] { return exact }
        let lowered = key.lowercased()
        // Lengths first: most lookups are for keys a record does not have, and lower-casing
        // every key of every record showed in profiles. Only non-ASCII text can change length.
        let count = lowered.utf8.count
        return members.last(where: { member in
            (member.key.utf8.count == count || !Self.isASCII(member.key)) && member.key.lowercased() == lowered
        })?.value
    }

    /// Whether `text` is all ASCII, read from its bytes in place: twice as fast as walking the
    /// UTF-8 view, and every missing loose key checks every key of the object.
    private static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 < 0x80 } }
            ?? text.utf8.allSatisfy { $0 < 0x80 }
    }
}
