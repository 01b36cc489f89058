/// Receives a page's template variables, one key at a time, in the order the page's code writes them.
///
/// ``SiteContext`` writes each page's variables once, through this protocol, for two readers:
/// ``TemplateDictionary`` gathers them into the dictionary swift-mustache renders, and
/// ``PageSkeleton/Shape`` keeps only their structure and texts, which is all a page of a known
/// shape needs (a large trail has one page of one shape per event).
package protocol TemplateValueSink {
    /// Sets `key` to a text.
    mutating func set(_ key: TemplateKey, text: String)
    /// Sets `key` to a text that may be UTF-8 bytes.
    mutating func set(_ key: TemplateKey, text: TemplateText)
    /// Sets `key` to a flag.
    mutating func set(_ key: TemplateKey, flag: Bool)
    /// Sets `key` to a number.
    mutating func set(_ key: TemplateKey, number: Int)
    /// Sets `key` to an object whose keys `write` sets.
    mutating func set(_ key: TemplateKey, object write: (inout Self) -> Void)
    /// Sets `key` to a list of `count` objects; `write(i, &sink)` sets the keys of the `i`th.
    mutating func set(_ key: TemplateKey, objects count: Int, each write: (Int, inout Self) -> Void)
}

extension TemplateValueSink {
    /// Sets `key` to `text` unless it is empty: swift-mustache treats an empty text as true in
    /// `{{#key}}`, so leaving it out is what makes the section false.
    package mutating func set(_ key: TemplateKey, nonEmpty text: String) {
        if !text.isEmpty { set(key, text: text) }
    }
}
