extension String {
    /// The string with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in text and
    /// in quoted attribute values (the same five swift-mustache escapes in `{{value}}`).
    public var escapedForHTML: String {
        // Most values (event names, ids, Korean prose) hold none of the five; scanning bytes keeps
        // them as they are without walking grapheme clusters, which dominated large trail builds.
        guard utf8.contains(where: HTMLBuffer.mayEscape) else { return self }
        var html = HTMLBuffer(capacity: utf8.count + 32)
        html.append(text: self)
        return html.string
    }
}
