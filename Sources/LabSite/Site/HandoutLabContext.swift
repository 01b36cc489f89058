/// The variables of one lab of `print.html`: those of `partials/handout-lab` and
/// `partials/handout-toc-lab`, and of the lab's entry in `print.mustache`'s `labs`.
struct HandoutLabContext: TemplateContext, Sendable {
    /// The lab.
    var lab: BuiltPage
    /// The lab's prefix for ids in the handout (``PrintHandout/prefix(for:)``).
    var prefix: String
    /// What goes where the templates put `content`: the lab's rewritten HTML, or a marker for it.
    var content: String

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        SiteContext.write(lab.facts, to: &sink)
        sink.set("id", text: "lab-\(prefix)")
        sink.set("title", text: lab.title)
        sink.set("summary", text: lab.summary)
        sink.set("url", text: lab.url)
        sink.set("stepCount", number: lab.steps.count)
        sink.set("content", text: content)
        let (steps, prefix) = (lab.steps, prefix)
        sink.set("steps", objects: steps.count) { index, step in
            step.set("number", number: steps[index].stepNumber ?? 0)
            step.set("title", text: steps[index].title)
            step.set("id", text: "\(prefix)-\(steps[index].id)")
        }
    }

    func writeShape(_ shape: inout PageSkeleton.Shape) {
        write(to: &shape)
    }
}
