/// The variables of a template a section renders (an event page's article, an alarm page, a
/// directive's card), written once for both readers of ``TemplateValueSink``.
///
/// ``TemplateRenderer/render(_:with:into:)`` reads a context twice: as a shape, to find the
/// template's compiled ``PageSkeleton``, and as a dictionary only when that shape is new.
package protocol TemplateContext {
    /// Sets the template's variables in `sink`, in the same order every time.
    func write<Sink: TemplateValueSink>(to sink: inout Sink)

    /// ``write(to:)`` into a shape, which is how every page made in bulk is read.
    ///
    /// A context of such pages implements it as `write(to: &shape)`: compiled in the context's
    /// own module, that call runs ``write(to:)`` specialized for the shape, where the default
    /// runs it generically, looking up each variable's setter through the protocol.
    func writeShape(_ shape: inout PageSkeleton.Shape)
}

extension TemplateContext {
    /// Pages made once per build need no specialized shape writer.
    package func writeShape(_ shape: inout PageSkeleton.Shape) {
        write(to: &shape)
    }
}
