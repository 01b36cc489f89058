extension TemplateRenderer {
    /// Appends the template `name` (such as `partials/event`) rendered with the variables of
    /// `context` to `html`: values escaped by `{{name}}`, inserted as they are by `{{{name}}}`.
    ///
    /// The first context of each shape (which variables it sets, its flags and list lengths)
    /// compiles the template into a ``PageSkeleton``; later ones of that shape only fill it in,
    /// which is what makes a page per event of a large trail affordable.
    ///
    /// - Throws: ``TemplateError`` when the theme has no template `name`.
    package func render(_ name: String, with context: some TemplateContext, into html: inout HTMLBuffer) throws {
        var recent = RecentSkeletons()
        try render(name, with: context, into: &html, recent: &recent)
    }

    /// Appends the template `name` rendered with the variables of `context` to `html`, as
    /// ``render(_:with:into:)`` does, keeping the skeletons it finds in `recent`: a caller
    /// rendering many pages in a row passes the same `recent` for each, and its pages then look
    /// their shapes up without taking the lock of the table every thread shares.
    package func render(
        _ name: String, with context: some TemplateContext, into html: inout HTMLBuffer,
        recent: inout RecentSkeletons
    ) throws {
        // No closure over `context` on the way to filling in a known shape: this function is not
        // specialized for it, and capturing it costs each page a lookup of the closure's type.
        var shape = PageSkeleton.Shape()
        context.writeShape(&shape)
        let key = PartialSkeletons.Key(name: name, shape: shape.shapeKey)
        let skeleton: PageSkeleton?
        if let known = recent.skeleton(for: key) {
            skeleton = known
        } else if let known = skeletons.skeleton(for: key) {
            skeleton = known
            recent.keep(known, for: key)
        } else {
            // Two pages may both compile the first skeleton of a shape, which is cheaper than
            // making every other page wait on one template render.
            skeleton = try PageSkeleton.make(for: { context.write(to: &$0) }) { try render(name, context: $0) }
            skeletons.store(skeleton, for: key)
            recent.keep(skeleton, for: key)
        }
        if let skeleton {
            skeleton.fill(shape.values, into: &html)
        } else {
            try renderUncompiled(name, with: context, into: &html)
        }
    }

    /// Template `name` rendered as ``render(_:with:into:recent:)`` does, without its last line
    /// break: one item of a list that another template puts in order, each on a line of its own
    /// (the home page's lab cards, the handout's labs).
    package func renderLine(
        _ name: String, with context: some TemplateContext, recent: inout RecentSkeletons
    ) throws -> String {
        var html = HTMLBuffer(capacity: 1024)
        try render(name, with: context, into: &html, recent: &recent)
        var text = html.string
        if text.last?.isNewline == true { text.removeLast() }
        return text
    }

    /// Appends template `name` rendered by swift-mustache, for a shape no skeleton can serve.
    private func renderUncompiled(_ name: String, with context: some TemplateContext, into html: inout HTMLBuffer)
        throws
    {
        html.append(markup: try render(name, with: context))
    }

    /// The template `name` rendered once with the variables of `context` by swift-mustache, for a
    /// page or block made once per build (an index, a summary, a directive): compiling it would
    /// cost a second render.
    package func render(_ name: String, with context: some TemplateContext) throws -> String {
        var dictionary = TemplateDictionary()
        context.write(to: &dictionary)
        return try render(name, context: dictionary.values)
    }
}
