import Foundation

/// The data shared by all pages while they go through the templates.
struct SiteContext: Sendable {
    let settings: SiteSettings
    /// Pages in the navigation first (in reading order), then the other generated pages.
    let pages: [BuiltPage]
    /// How many of `pages` are in the navigation.
    let navigationCount: Int

    /// The key under which the browser keeps this site's progress, tabs and values: the site's
    /// title as a slug, so that two courses opened from disk do not share them. Worked out once,
    /// not for each of 100,000 pages.
    let storageKey: String

    init(settings: SiteSettings, pages: [BuiltPage]) {
        self.settings = settings
        storageKey = HeadingSlugger.slug(for: settings.title)
        self.pages = pages
        navigationCount = pages.prefix { $0.inNavigation }.count
    }

    /// The page's HTML: `page.mustache` renders the article, `layout.mustache` the document around it.
    ///
    /// Pages of one shape (the same headings, steps and flags, other texts) are filled into one
    /// ``PageSkeleton``: a course's pages mostly share a handful of shapes, and running
    /// swift-mustache for every page was most of a large build's template stage.
    func renderPage(at index: Int, with templates: TemplateRenderer) throws -> Data {
        let page = pages[index]
        let cards = page.isHome ? try labCards(on: page, with: templates) : []
        let shape = PageSkeleton.shape { write(page, at: index, cards: cards, to: &$0) }
        let skeleton = try templates.pageSkeletons.skeleton(for: shape.shapeKey) {
            try PageSkeleton.make(for: { write(page, at: index, cards: cards, to: &$0) }) {
                try Self.render($0, with: templates)
            }
        }
        guard let skeleton else {
            return Data(try Self.render(context(forPageAt: index, cards: cards), with: templates).utf8)
        }
        var html = HTMLBuffer(capacity: skeleton.capacity(for: shape.values))
        skeleton.fill(shape.values, into: &html)
        return html.data()
    }

    static func render(_ pageContext: [String: Any], with templates: TemplateRenderer) throws -> String {
        var context = pageContext
        context["body"] = try templates.render("page", context: context)
        return try templates.render("layout", context: context)
    }

    /// The template variables documented in the README; on the home page, `cards` are the labs'
    /// cards (``labCards(on:with:)``).
    func context(forPageAt index: Int, cards: [String] = []) -> [String: Any] {
        var context = TemplateDictionary()
        write(pages[index], at: index, cards: cards, to: &context)
        return context.values
    }

    /// Each lab's card on the home page `home`, from `partials/lab-card`.
    ///
    /// A card each through the partial's skeleton, rather than swift-mustache running over every
    /// lab of the home page: with thousands of labs, that made the home page the longest page to
    /// render by far.
    func labCards(on home: BuiltPage, with templates: TemplateRenderer) throws -> [String] {
        let root = home.rootOverride ?? SitePath.rootPrefix(from: home.url)
        var recent = RecentSkeletons()
        return try pages.filter(\.isLab).map { lab in
            let card = LabCardContext(lab: lab, url: SitePath.relative(from: home.url, to: lab.url), root: root)
            return try templates.renderLine("partials/lab-card", with: card, recent: &recent)
        }
    }

    /// Sets the template variables of `page`, the page at `position` of ``pages`` or, with `nil`,
    /// a page outside them (a streamed page, never in the navigation).
    func write<Sink: TemplateValueSink>(
        _ page: BuiltPage, at position: Int?, cards: [String] = [], to sink: inout Sink
    ) {
        let url = page.url
        let settings = settings
        sink.set("site") { site in
            site.set("title", nonEmpty: settings.title)
            site.set("language", nonEmpty: settings.language)
            site.set("description", nonEmpty: settings.description)
            site.set("storageKey", text: storageKey)
        }
        sink.set("page") { fields in
            fields.set("title", nonEmpty: page.title)
            fields.set("summary", nonEmpty: page.summary)
            fields.set("url", nonEmpty: url)
            fields.set("isHome", flag: page.isHome)
            fields.set("isLab", flag: page.isLab)
            fields.set("isGenerated", flag: page.sourcePath == nil)
            let params = page.params.keys.sorted()
            fields.set("params") { values in
                for key in params { values.set(TemplateKey(key), text: page.params[key] ?? "") }
            }
            fields.set("section", nonEmpty: page.breadcrumbs.first?.path ?? "")
            Self.write(page.facts, to: &fields)
            if let updated = page.updated {
                fields.set("updated") { date in
                    date.set("date", text: updated)
                    date.set("text", text: Self.koreanDate(updated))
                }
            }
            let editURL = page.sourcePath.flatMap {
                settings.editURL.isEmpty ? nil : settings.editURL + $0.dropFirst("content/".count)
            }
            if let editURL { fields.set("editURL", text: editURL) }
            fields.set("hasFooter", flag: editURL != nil || page.updated != nil)
            if !page.values.isEmpty { fields.set("valuesJSON", text: SiteBuilder.valuesJSON(page.values)) }
        }
        let toRoot = SitePath.rootPrefix(from: url)
        sink.set("root", text: page.rootOverride ?? toRoot)
        sink.set("content", text: page.content)
        let toc = page.headings.filter { (2...3).contains($0.level) }
        sink.set("toc", objects: toc.count) { index, entry in
            entry.set("id", text: toc[index].id)
            entry.set("title", text: toc[index].title)
            entry.set("level", number: toc[index].level)
            entry.set("isStep", flag: toc[index].stepNumber != nil)
            entry.set("number", text: toc[index].stepNumber.map(String.init) ?? "")
        }
        // One entry is no table of contents (an event page, a log file's page): it only pushes the text aside.
        sink.set("hasToc", flag: toc.count > 1)
        let steps = page.steps
        sink.set("steps", objects: steps.count) { index, step in
            step.set("number", number: steps[index].stepNumber ?? 0)
            step.set("id", text: steps[index].id)
            step.set("title", text: steps[index].title)
        }
        sink.set("stepCount", number: steps.count)
        sink.set("hasBreadcrumbs", flag: !page.breadcrumbs.isEmpty)
        if !page.breadcrumbs.isEmpty {
            sink.set("breadcrumbs", objects: page.breadcrumbs.count) { index, crumb in
                crumb.set("title", text: page.breadcrumbs[index].title)
                crumb.set("url", text: toRoot + page.breadcrumbs[index].path)
            }
        }
        if let index = position, index < navigationCount {
            if index > 0 { sink.set("prev") { link(from: url, to: pages[index - 1], into: &$0) } }
            if index + 1 < navigationCount { sink.set("next") { link(from: url, to: pages[index + 1], into: &$0) } }
        }
        if page.isHome {
            let labs = pages.filter(\.isLab)
            let root = page.rootOverride ?? toRoot
            sink.set("labs", objects: labs.count) { index, fields in
                LabCardContext(lab: labs[index], url: SitePath.relative(from: url, to: labs[index].url), root: root)
                    .write(to: &fields)
                if index < cards.count { fields.set("card", text: cards[index]) }
            }
        }
    }

    /// `hasFacts` and `facts` with its fields, for a lab's facts box and its card.
    static func write<Sink: TemplateValueSink>(_ facts: LabFacts, to sink: inout Sink) {
        sink.set("hasFacts", flag: !facts.isEmpty)
        guard !facts.isEmpty else { return }
        sink.set("facts") { fields in
            fields.set("duration", nonEmpty: facts.duration)
            fields.set("cost", nonEmpty: facts.cost)
            fields.set("region", nonEmpty: facts.region)
            fields.set("hasObjectives", flag: !facts.objectives.isEmpty)
            fields.set("objectives", objects: facts.objectives.count) { $1.set("text", text: facts.objectives[$0]) }
            fields.set("hasPrerequisites", flag: !facts.prerequisites.isEmpty)
            fields.set("prerequisites", objects: facts.prerequisites.count) {
                $1.set("text", text: facts.prerequisites[$0])
            }
        }
    }

    /// `2026-12-01` → `2026년 12월 1일`.
    static func koreanDate(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        return "\(parts[0])년 \(parts[1])월 \(parts[2])일"
    }

    private func link<Sink: TemplateValueSink>(from url: String, to page: BuiltPage, into sink: inout Sink) {
        sink.set("title", text: page.title)
        sink.set("url", text: SitePath.relative(from: url, to: page.url))
    }
}
