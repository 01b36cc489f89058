/// The name of a template variable: a string literal in the code, as nearly all of them are, or a
/// name made while building (a front matter key under `page.params`).
///
/// A literal keeps its `StaticString`, so that a page's skeleton shape can record the literal's
/// address instead of copying its text: every event page of a large trail sets a few dozen variables.
package struct TemplateKey: ExpressibleByStringLiteral, Sendable {
    @usableFromInline
    enum Storage: Sendable {
        case literal(StaticString)
        case made(String)
    }

    @usableFromInline
    let storage: Storage

    // Inlinable: every variable of every streamed page is named by a literal in another module.
    @inlinable
    package init(stringLiteral value: StaticString) {
        storage = .literal(value)
    }

    /// A name made at run time.
    package init(_ name: String) {
        storage = .made(name)
    }

    /// The name as text.
    var name: String {
        switch storage {
        case .literal(let text): text.description
        case .made(let name): name
        }
    }
}
