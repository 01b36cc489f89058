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
        var encodedPage: String
        var sectionTails: [String]
        var textBytes: Int
    }

    private var entries: [String: Entry] = [:]
    private var scriptBytes = 0

    /// The index script of `pages` (in index order) and the bytes of page text it holds.
    mutating func script(for pages: [BuiltPage]) -> (script: String, textBytes: Int) {
        var next: [String: Entry] = [:]
        next.reserveCapacity(pages.count)
        var script = SearchIndex.scriptStart
        script.reserveCapacity(scriptBytes)
        var textBytes = 0
        var ordered: [Entry] = []
        ordered.reserveCapacity(pages.count)
        for page in pages {
            let entry: Entry
            if let stored = entries[page.url], stored.title == page.title, stored.html == page.html {
                entry = stored
            } else {
                let sections = SearchIndex.sections(of: page.html, page: 0, pageTitle: page.title)
                entry = Entry(
                    title: page.title, url: page.url, html: page.html,
                    encodedPage: SearchIndex.encodedPage(title: page.title, url: page.url),
                    sectionTails: sections.map(SearchIndex.encodedSectionTail),
                    textBytes: sections.reduce(0) { $0 + $1.text.utf8.count + $1.title.utf8.count })
            }
            next[page.url] = entry
            ordered.append(entry)
            textBytes += entry.textBytes
        }
        for (index, entry) in ordered.enumerated() {
            if index > 0 { script += "," }
            script += entry.encodedPage
        }
        script += SearchIndex.sectionsStart
        var first = true
        for (index, entry) in ordered.enumerated() {
            for tail in entry.sectionTails {
                if !first { script += SearchIndex.sectionSeparator }
                first = false
                script += "["
                script += String(index)
                script += ","
                script += tail
            }
        }
        script += SearchIndex.scriptEnd
        entries = next
        scriptBytes = script.utf8.count
        return (script, textBytes)
    }
}
