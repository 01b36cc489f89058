/// The variables of a template a section renders (an event page's article, an alarm page, a
/// directive's card), written once for both readers of ``TemplateValueSink``.
///
/// ``TemplateRenderer/render(_:with:into:)`` reads a context twice: as a shape, to find the
/// template's compiled ``PageSkeleton``, and as a dictionary only when that shape is new.
package protocol TemplateContext {
    /// Sets the template's variables in `sink`, in the same order every time.
    func write<Sink: TemplateValueSink>(to sink: inout Sink)
}
