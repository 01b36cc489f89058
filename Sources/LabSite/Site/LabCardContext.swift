/// The variables of one lab's card on the home page (`partials/lab-card`): the lab's title,
/// summary, address from the home page, step count and facts, and the home page's `root`.
struct LabCardContext: TemplateContext {
    /// The lab.
    var lab: BuiltPage
    /// The lab's address from the home page.
    var url: String
    /// The home page's prefix to the site root.
    var root: String

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        sink.set("root", text: root)
        sink.set("title", nonEmpty: lab.title)
        sink.set("summary", nonEmpty: lab.summary)
        sink.set("url", nonEmpty: url)
        sink.set("stepCount", number: lab.steps.count)
        SiteContext.write(lab.facts, to: &sink)
    }

    func writeShape(_ shape: inout PageSkeleton.Shape) {
        write(to: &shape)
    }
}
