/// Streamed pages (one per CloudTrail event) in the search index.
extension SearchIndex {
    /// Adds each streamed page by its title and summary only. A trail of 100,000 events would
    /// otherwise make an index of hundreds of megabytes that every search has to load; the
    /// events table filters those pages by every field instead.
    mutating func append(_ entries: [PageStream.Entry]) {
        for entry in entries {
            sections.append(Section(page: pages.count, anchor: "", title: entry.title, text: entry.summary))
            pages.append((entry.title, entry.path))
        }
    }
}
