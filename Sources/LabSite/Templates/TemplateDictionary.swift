/// Gathers template variables into the dictionary swift-mustache renders.
///
/// With a `marker`, every non-empty text is replaced by `marker(n, text)`, numbered in the order
/// the texts are set: ``PageSkeleton`` renders such marked dictionaries to find where texts go.
struct TemplateDictionary: TemplateValueSink {
    /// The variables set so far.
    private(set) var values: [String: Any] = [:]
    /// The texts set so far, in order (only kept with a marker).
    private(set) var texts: [String] = []
    private let marker: ((Int, String) -> String)?

    /// A dictionary of the texts as they are.
    init() {
        marker = nil
    }

    /// A dictionary whose texts are replaced by `marker(position, text)`.
    init(marker: @escaping (Int, String) -> String) {
        self.marker = marker
    }

    mutating func set(_ key: TemplateKey, text: String) {
        guard let marker, !text.isEmpty else { return values[key.name] = text }
        values[key.name] = marker(texts.count, text)
        texts.append(text)
    }

    mutating func set(_ key: TemplateKey, text: TemplateText) {
        set(key, text: text.string)
    }

    mutating func set(_ key: TemplateKey, flag: Bool) {
        values[key.name] = flag
    }

    mutating func set(_ key: TemplateKey, number: Int) {
        values[key.name] = number
    }

    mutating func set(_ key: TemplateKey, object write: (inout TemplateDictionary) -> Void) {
        values[key.name] = nested(write)
    }

    mutating func set(_ key: TemplateKey, objects count: Int, each write: (Int, inout TemplateDictionary) -> Void) {
        values[key.name] = (0..<count).map { index in nested { write(index, &$0) } }
    }

    /// The values `write` sets in a new object, continuing this dictionary's numbering of texts.
    private mutating func nested(_ write: (inout TemplateDictionary) -> Void) -> [String: Any] {
        var inner = marker.map { TemplateDictionary(marker: $0) } ?? TemplateDictionary()
        // Moved rather than shared, so that appending to them does not copy every text so far:
        // copying made a page with thousands of objects (a large trail's summary) quadratic.
        inner.texts = texts
        texts = []
        write(&inner)
        texts = inner.texts
        return inner.values
    }
}
