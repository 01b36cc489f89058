/// Each page's part of the search index from the last render, so that a rebuild extracts and
/// quotes the text of the changed pages only and joins the stored parts (`labsite serve`).
///
/// A page's part is reused when its title, URL and HTML are equal to the stored ones; unchanged
/// pages share their strings with the previous render, so the comparison does not read them.
/// The joined script is byte-identical to ``SearchIndex/script()``.
struct SearchIndexCache: Sendable {
    private struct Entry: Sendable {
        var title: String
        var url: String
        var html: String
        var summary: String
        var indexesText: Bool
        var encodedPage: String
        /// Each section's entry after `[page,`.
        var sectionTails: [String]
        /// The page's section entries joined, for the page at `joinedIndex`; joined again only
        /// when pages before it are added or removed.
        var joined = ""
        var joinedIndex = -1
        var textBytes: Int
    }

    private var entries: [String: Entry] = [:]
    private var scriptBytes = 0

    /// The index script of `pages` (in index order) and the bytes of page text it holds.
    mutating func script(for pages: [some SearchablePage]) -> (script: String, textBytes: Int) {
        var next: [String: Entry] = [:]
        next.reserveCapacity(pages.count)
        var encodedPages = ""
        var joinedSections: [String] = []
        joinedSections.reserveCapacity(pages.count)
        var textBytes = 0
        // By index rather than over the pages, which would copy every page (a dozen references each).
        for index in pages.indices {
            var entry: Entry
            if let stored = entries[pages[index].url], stored.title == pages[index].title,
                stored.html == pages[index].html, stored.summary == pages[index].summary,
                stored.indexesText == pages[index].indexesText
            {
                entry = stored
            } else {
                let page = pages[index]
                let sections = SearchIndex.sections(of: page, at: 0)
                entry = Entry(
                    title: page.title, url: page.url, html: page.html, summary: page.summary,
                    indexesText: page.indexesText,
                    encodedPage: SearchIndex.encodedPage(title: page.title, url: page.url),
                    sectionTails: sections.map(SearchIndex.encodedSectionTail),
                    textBytes: sections.reduce(0) { $0 + $1.text.count + $1.title.utf8.count })
            }
            if entry.joinedIndex != index {
                entry.joined = entry.sectionTails.map { "[\(index)," + $0 }
                    .joined(separator: SearchIndex.sectionSeparator)
                entry.joinedIndex = index
            }
            if index > 0 { encodedPages += "," }
            encodedPages += entry.encodedPage
            if !entry.sectionTails.isEmpty { joinedSections.append(entry.joined) }
            textBytes += entry.textBytes
            next[pages[index].url] = entry
        }
        var script = SearchIndex.scriptStart
        script.reserveCapacity(scriptBytes)
        script += encodedPages
        script += SearchIndex.sectionsStart
        for (position, joined) in joinedSections.enumerated() {
            if position > 0 { script += SearchIndex.sectionSeparator }
            script += joined
        }
        script += SearchIndex.scriptEnd
        entries = next
        scriptBytes = script.utf8.count
        return (script, textBytes)
    }
}
