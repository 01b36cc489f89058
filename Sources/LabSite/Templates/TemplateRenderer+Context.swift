extension TemplateRenderer {
    /// Appends the template `name` (such as `partials/event`) rendered with the variables of
    /// `context` to `html`: values escaped by `{{name}}`, inserted as they are by `{{{name}}}`.
    ///
    /// The first context of each shape (which variables it sets, its flags and list lengths)
    /// compiles the template into a ``PageSkeleton``; later ones of that shape only fill it in,
    /// which is what makes a page per event of a 100,000-event trail affordable.
    ///
    /// - Throws: ``TemplateError`` when the theme has no template `name`.
    package func render(_ name: String, with context: some TemplateContext, into html: inout HTMLBuffer) throws {
        let shape = PageSkeleton.shape { context.write(to: &$0) }
        let skeleton = try skeletons.skeleton(for: name, key: shape.key) {
            try PageSkeleton.make(for: { context.write(to: &$0) }) { try render(name, context: $0) }
        }
        if let skeleton {
            skeleton.fill(shape.values, into: &html)
        } else {
            var dictionary = TemplateDictionary()
            context.write(to: &dictionary)
            html.append(markup: try render(name, context: dictionary.values))
        }
    }

    /// The template `name` rendered with the variables of `context`, as text.
    package func render(_ name: String, with context: some TemplateContext) throws -> String {
        var html = HTMLBuffer(capacity: 4096)
        try render(name, with: context, into: &html)
        return html.string
    }
}
