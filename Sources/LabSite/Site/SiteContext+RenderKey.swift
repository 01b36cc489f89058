extension SiteContext {
    /// Everything ``context(forPageAt:)`` reads for one page, as an equatable value: two pages
    /// with equal keys get equal template contexts, so a stored rendering may be reused.
    ///
    /// Comparing keys is cheap where it matters: an unchanged page shares its strings and arrays
    /// with the previous render, and Swift compares shared storage without reading it (the
    /// fingerprint this replaces hashed every page's whole context, 40 MB for 10,000 pages).
    struct RenderKey: Sendable, Equatable {
        /// A prev/next link's target.
        struct Neighbour: Sendable, Equatable {
            var title: String
            var url: String
        }

        /// A lab card on the home page.
        struct LabCard: Sendable, Equatable {
            var title: String
            var summary: String
            var url: String
            var stepCount: Int
        }

        var settings: SiteSettings
        var url: String
        var title: String
        var summary: String
        var params: [String: String]
        var html: String
        var headings: [Heading]
        var sourcePath: String?
        var breadcrumbs: [Breadcrumb]
        var rootOverride: String?
        var previous: Neighbour?
        var next: Neighbour?
        var labs: [LabCard]
    }

    /// The key of the page at `index`; `labs` are the home page's cards, computed once per render.
    func renderKey(forPageAt index: Int, labs: [RenderKey.LabCard]) -> RenderKey {
        let page = pages[index]
        var previous: RenderKey.Neighbour?
        var next: RenderKey.Neighbour?
        if index < navigationCount {
            if index > 0 { previous = RenderKey.Neighbour(title: pages[index - 1].title, url: pages[index - 1].url) }
            if index + 1 < navigationCount {
                next = RenderKey.Neighbour(title: pages[index + 1].title, url: pages[index + 1].url)
            }
        }
        return RenderKey(
            settings: settings, url: page.url, title: page.title, summary: page.summary, params: page.params,
            html: page.html, headings: page.headings, sourcePath: page.sourcePath, breadcrumbs: page.breadcrumbs,
            rootOverride: page.rootOverride, previous: previous, next: next, labs: page.isHome ? labs : [])
    }

    /// The home page's lab cards as the key records them (the context makes their URLs relative).
    var labCards: [RenderKey.LabCard] {
        pages.filter(\.isLab).map {
            RenderKey.LabCard(title: $0.title, summary: $0.summary, url: $0.url, stepCount: $0.steps.count)
        }
    }
}
