/// The data shared by all pages while they go through the templates.
struct SiteContext: Sendable {
    let settings: SiteSettings
    let pages: [BuiltPage]

    /// The page's HTML: `page.mustache` renders the article, `layout.mustache` the document around it.
    func renderPage(at index: Int, with templates: TemplateRenderer) throws -> String {
        var context = context(forPageAt: index)
        context["body"] = try templates.render("page", context: context)
        return try templates.render("layout", context: context)
    }

    /// The template variables documented in the README.
    func context(forPageAt index: Int) -> [String: Any] {
        let page = pages[index]
        let url = page.url
        let matter = page.source.frontMatter
        let toc = page.rendered.headings.filter { (2...3).contains($0.level) }.map { heading in
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
                "title": matter.title, "summary": matter.summary, "url": url, "isHome": page.isHome,
                "isLab": page.isLab, "params": matter.params,
            ]),
            "root": SitePath.rootPrefix(from: url),
            "content": page.rendered.html,
            "toc": toc,
            "hasToc": !toc.isEmpty,
            "steps": page.steps.map {
                ["number": $0.stepNumber ?? 0, "id": $0.id, "title": $0.title] as [String: Any]
            },
            "stepCount": page.steps.count,
        ]
        if index > 0 { context["prev"] = link(from: url, to: pages[index - 1]) }
        if index + 1 < pages.count { context["next"] = link(from: url, to: pages[index + 1]) }
        if page.isHome {
            context["labs"] = pages.filter(\.isLab).map { lab in
                Self.droppingEmptyText([
                    "title": lab.source.frontMatter.title, "summary": lab.source.frontMatter.summary,
                    "url": SitePath.relative(from: url, to: lab.url), "stepCount": lab.steps.count,
                ])
            }
        }
        return context
    }

    private func link(from url: String, to page: BuiltPage) -> [String: Any] {
        ["title": page.source.frontMatter.title, "url": SitePath.relative(from: url, to: page.url)]
    }

    /// swift-mustache treats an empty text as true in `{{#summary}}`; leaving it out makes it false.
    private static func droppingEmptyText(_ values: [String: Any]) -> [String: Any] {
        values.filter { ($0.value as? String)?.isEmpty != true }
    }
}
