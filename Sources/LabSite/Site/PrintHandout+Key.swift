extension PrintHandout {
    /// Everything the handout's template context is made from: the site's settings and, for every
    /// lab, what ``render(settings:with:)`` and ``rewrite(_:of:)`` read. Equal keys give equal handouts
    /// (with the same templates), so a stored handout may be reused; unchanged labs share their
    /// storage with the previous render, which makes comparing cheap.
    struct Key: Sendable, Equatable {
        /// One lab's part of the key.
        struct Lab: Sendable, Equatable {
            var url: String
            var title: String
            var summary: String
            var html: String
            var headings: [Heading]
            var facts: LabFacts
        }

        var settings: SiteSettings
        var labs: [Lab]

        /// The key of the handout made from `pages`.
        init(pages: [BuiltPage], settings: SiteSettings) {
            self.settings = settings
            labs = pages.compactMap { page in
                page.isLab
                    ? Lab(
                        url: page.url, title: page.title, summary: page.summary, html: page.html,
                        headings: page.headings, facts: page.facts)
                    : nil
            }
        }
    }
}
