extension SiteContext {
    /// Everything ``context(forPageAt:)`` reads for one page, as an equatable value: two pages
    /// with equal keys get equal template contexts, so a stored rendering may be reused.
    ///
    /// Comparing keys is cheap where it matters: an unchanged page shares its strings and arrays
    /// with the previous render, and Swift compares shared storage without reading it (the
    /// alternative, a fingerprint, would hash every page's whole context on every render).
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
            var facts: LabFacts
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
        var facts: LabFacts
        var updated: String?
        var values: [PersonalValue]
        var isHome: Bool
        var previous: Neighbour?
        var next: Neighbour?
        var labs: [LabCard]
    }

    /// The key of the page at `index`; `labs` are the home page's cards, computed once per render.
    func renderKey(forPageAt index: Int, labs: [RenderKey.LabCard]) -> RenderKey {
        var previous: RenderKey.Neighbour?
        var next: RenderKey.Neighbour?
        if index < navigationCount {
            if index > 0 { previous = RenderKey.Neighbour(title: pages[index - 1].title, url: pages[index - 1].url) }
            if index + 1 < navigationCount {
                next = RenderKey.Neighbour(title: pages[index + 1].title, url: pages[index + 1].url)
            }
        }
        // Field by field from the array rather than through a copy of the whole page.
        return RenderKey(
            settings: settings, url: pages[index].url, title: pages[index].title, summary: pages[index].summary,
            params: pages[index].params, html: pages[index].html, headings: pages[index].headings,
            sourcePath: pages[index].sourcePath, breadcrumbs: pages[index].breadcrumbs,
            rootOverride: pages[index].rootOverride, facts: pages[index].facts, updated: pages[index].updated,
            values: pages[index].values, isHome: pages[index].isHome, previous: previous, next: next,
            labs: pages[index].isHome ? labs : [])
    }

    /// The home page's lab cards as the key records them (the context makes their URLs relative);
    /// none when the site has no home page, which then needs none.
    var labCards: [RenderKey.LabCard] {
        guard pages.contains(where: \.isHome) else { return [] }
        return pages.compactMap { page in
            page.isLab
                ? RenderKey.LabCard(
                    title: page.title, summary: page.summary, url: page.url,
                    stepCount: page.headings.count(where: { $0.stepNumber != nil }), facts: page.facts)
                : nil
        }
    }
}

extension SiteContext.RenderKey {
    /// Feeds every field to `digest`, for ``BuildCache``.
    func addFields(to digest: inout ContentDigest) {
        settings.addFields(to: &digest)
        for text in [url, title, summary, html] { digest.add(text) }
        digest.add(params.count)
        for name in params.keys.sorted() {
            digest.add(name)
            digest.add(params[name])
        }
        digest.add(headings)
        digest.add(sourcePath)
        digest.add(breadcrumbs.count)
        for crumb in breadcrumbs {
            digest.add(crumb.title)
            digest.add(crumb.path)
        }
        digest.add(rootOverride)
        facts.addFields(to: &digest)
        digest.add(updated)
        PersonalValue.addFields(of: values, to: &digest)
        digest.add(isHome ? 1 : 0)
        for neighbour in [previous, next] {
            digest.add(neighbour?.title)
            digest.add(neighbour?.url)
        }
        digest.add(labs.count)
        for lab in labs {
            for text in [lab.title, lab.summary, lab.url] { digest.add(text) }
            digest.add(lab.stepCount)
            lab.facts.addFields(to: &digest)
        }
    }
}

extension LabFacts {
    /// Feeds every fact to `digest`, for ``BuildCache``.
    func addFields(to digest: inout ContentDigest) {
        for text in [duration, cost, region] { digest.add(text) }
        for list in [objectives, prerequisites] {
            digest.add(list.count)
            for item in list { digest.add(item) }
        }
    }
}
