/// The data shared by all pages while they go through the templates.
struct SiteContext: Sendable {
    let settings: SiteSettings
    /// Pages in the navigation first (in reading order), then the other generated pages.
    let pages: [BuiltPage]
    /// How many of `pages` are in the navigation.
    let navigationCount: Int

    init(settings: SiteSettings, pages: [BuiltPage]) {
        self.settings = settings
        self.pages = pages
        navigationCount = pages.prefix { $0.inNavigation }.count
    }

    /// The page's HTML: `page.mustache` renders the article, `layout.mustache` the document around it.
    func renderPage(at index: Int, with templates: TemplateRenderer) throws -> String {
        try Self.render(context(forPageAt: index), with: templates)
    }

    /// The page's HTML, taken from `previous` when the page was rendered before with an equal
    /// ``RenderKey`` (the caller drops `previous` when the templates change); without a cache
    /// (`nil`) no key is kept.
    func renderPage(
        at index: Int, with templates: TemplateRenderer, reusing previous: [String: RenderCache.Page]?,
        labs: [RenderKey.LabCard]
    ) throws -> (page: RenderCache.Page, reused: Bool) {
        guard let previous else {
            return (RenderCache.Page(key: nil, html: try renderPage(at: index, with: templates)), false)
        }
        let key = renderKey(forPageAt: index, labs: labs)
        if let stored = previous[pages[index].url], stored.key == key { return (stored, true) }
        return (RenderCache.Page(key: key, html: try renderPage(at: index, with: templates)), false)
    }

    static func render(_ pageContext: [String: Any], with templates: TemplateRenderer) throws -> String {
        var context = pageContext
        context["body"] = try templates.render("page", context: context)
        return try templates.render("layout", context: context)
    }

    /// The template variables documented in the README.
    func context(forPageAt index: Int) -> [String: Any] {
        context(for: pages[index], at: index)
    }

    /// The template variables of a page outside ``pages`` (a streamed page, never in the navigation).
    func context(forStreamed page: BuiltPage) -> [String: Any] {
        context(for: page, at: nil)
    }

    private func context(for page: BuiltPage, at position: Int?) -> [String: Any] {
        let url = page.url
        let toc = page.headings.filter { (2...3).contains($0.level) }.map { heading in
            [
                "id": heading.id, "title": heading.title, "level": heading.level,
                "isStep": heading.stepNumber != nil, "number": heading.stepNumber.map(String.init) ?? "",
            ] as [String: Any]
        }
        var context: [String: Any] = [
            "site": Self.droppingEmptyText([
                "title": settings.title, "language": settings.language, "description": settings.description,
            ]),
            "page": Self.droppingEmptyText([
                "title": page.title, "summary": page.summary, "url": url, "isHome": page.isHome,
                "isLab": page.isLab, "isGenerated": page.sourcePath == nil, "params": page.params,
                "section": page.breadcrumbs.first?.path ?? "",
            ]),
            "root": page.rootOverride ?? SitePath.rootPrefix(from: url),
            "content": page.html,
            "toc": toc,
            "hasToc": !toc.isEmpty,
            "steps": page.steps.map {
                ["number": $0.stepNumber ?? 0, "id": $0.id, "title": $0.title] as [String: Any]
            },
            "stepCount": page.steps.count,
        ]
        context["hasBreadcrumbs"] = !page.breadcrumbs.isEmpty
        if !page.breadcrumbs.isEmpty {
            context["breadcrumbs"] = page.breadcrumbs.map {
                ["title": $0.title, "url": SitePath.relative(from: url, to: $0.path)]
            }
        }
        if let index = position, index < navigationCount {
            if index > 0 { context["prev"] = link(from: url, to: pages[index - 1]) }
            if index + 1 < navigationCount { context["next"] = link(from: url, to: pages[index + 1]) }
        }
        if page.isHome {
            context["labs"] = pages.filter(\.isLab).map { lab in
                Self.droppingEmptyText([
                    "title": lab.title, "summary": lab.summary,
                    "url": SitePath.relative(from: url, to: lab.url), "stepCount": lab.steps.count,
                ])
            }
        }
        return context
    }

    private func link(from url: String, to page: BuiltPage) -> [String: Any] {
        ["title": page.title, "url": SitePath.relative(from: url, to: page.url)]
    }

    /// swift-mustache treats an empty text as true in `{{#summary}}`; leaving it out makes it false.
    private static func droppingEmptyText(_ values: [String: Any]) -> [String: Any] {
        values.filter { ($0.value as? String)?.isEmpty != true }
    }
}
