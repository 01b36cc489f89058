/// Turns a ``PageStream``'s batches into files: each page goes through the templates (filled into a
/// ``PageSkeleton`` when a page of its shape was rendered before) and, with `--redact`, through the
/// sections' redaction, like every other page of the site.
struct StreamedPageRenderer: Sendable {
    /// The site's settings, as the templates see them; streamed pages are never in the navigation,
    /// so the other pages are not needed (``SiteContext/write(_:at:to:)`` with no position).
    let site: SiteContext
    /// The site's templates.
    let templates: TemplateRenderer
    /// The sections, to redact with.
    let sections: LoadedSections
    /// Whether to redact (`--redact`).
    let redacts: Bool
    /// Skeletons by shape, shared by the batches rendering at the same time.
    private let skeletons = PageSkeletonCache()

    init(settings: SiteSettings, templates: TemplateRenderer, sections: LoadedSections, redacts: Bool) {
        site = SiteContext(settings: settings, pages: [])
        self.templates = templates
        self.sections = sections
        self.redacts = redacts
    }

    /// Renders one batch of `stream`.
    func files(forBatch batch: Int, of stream: PageStream) throws -> [OutputFile] {
        // The pages of a batch nearly always share one shape: comparing with the last one is
        // cheaper than hashing each page's key and taking the shared cache's lock.
        var last: (key: PageSkeleton.ShapeKey, skeleton: PageSkeleton?)?
        return try stream.renderBatch(batch).map { generated in
            let page = BuiltPage(generated: generated)
            let shape = PageSkeleton.shape { site.write(page, at: nil, to: &$0) }
            let skeleton: PageSkeleton?
            if let last, last.key == shape.shapeKey {
                skeleton = last.skeleton
            } else {
                skeleton = try skeletons.skeleton(for: shape.shapeKey) {
                    try PageSkeleton.make(for: { site.write(page, at: nil, to: &$0) }) {
                        try SiteContext.render($0, with: templates)
                    }
                }
                last = (shape.shapeKey, skeleton)
            }
            let file: OutputFile
            if let skeleton {
                var html = HTMLBuffer(capacity: skeleton.capacity(for: shape.values))
                skeleton.fill(shape.values, into: &html)
                file = OutputFile(path: page.url, contents: .data(html.data()))
            } else {
                var context = TemplateDictionary()
                site.write(page, at: nil, to: &context)
                file = .text(page.url, try SiteContext.render(context.values, with: templates))
            }
            return redacts ? try SiteBuilder.redacted(file, by: sections) : file
        }
    }
}
