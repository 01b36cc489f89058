import Foundation
import Mustache

/// Renders pages through the Mustache templates of a ``Theme`` (swift-mustache).
public struct TemplateRenderer: Sendable {
    /// The templates every site needs.
    public static let requiredTemplates = ["layout", "page"]
    /// The templates of whole pages, which the builder renders and sections never do.
    static let pageTemplates: Set<String> = ["layout", "page", "print"]

    private let library: MustacheLibrary
    /// The compiled shapes of the templates sections render (``render(_:with:into:)``).
    let skeletons = PartialSkeletons()
    /// The compiled shapes of whole pages (`page.mustache` inside `layout.mustache`).
    let pageSkeletons = LayoutSkeletons()
    /// The text of every template by name, for caches of what the templates rendered.
    let sources: [String: String]

    /// Parses every template of `theme`.
    ///
    /// - Throws: ``TemplateError`` naming the template file and line of a syntax error, of a
    ///   partial that does not exist, or of a missing required template.
    public init(theme: Theme) throws {
        var library = MustacheLibrary()
        for name in theme.templates.keys.sorted() {
            let text = theme.templates[name] ?? ""
            let origin = theme.origins[name] ?? "templates/\(name).mustache"
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let source = error.context.line.trimmingCharacters(in: .whitespaces)
                let place = source.isEmpty ? "" : " (column \(error.context.columnNumber): `\(source)`)"
                throw TemplateError(
                    path: origin, line: error.context.lineNumber, reason: "\(Self.describe(error.error))\(place).")
            }
            try Self.checkPartials(in: text, origin: origin, available: theme.templates)
        }
        for name in Self.requiredTemplates where theme.templates[name] == nil {
            throw TemplateError(
                path: "templates/\(name).mustache", line: nil,
                reason: "The template `\(name)` is missing from both templates/ and the built-in theme.")
        }
        self.library = library
        sources = theme.templates
    }

    /// The built-in theme's templates, for sections loaded without a site's theme (in tests).
    ///
    /// The built-in theme always parses (a test checks it); were it ever not to, rendering with
    /// this renderer fails naming the missing template instead of labsite failing to start.
    package static let builtIn: TemplateRenderer =
        (try? TemplateRenderer(theme: .builtIn)) ?? TemplateRenderer(library: MustacheLibrary(), sources: [:])

    private init(library: MustacheLibrary, sources: [String: String]) {
        self.library = library
        self.sources = sources
    }

    /// Renders the template `name` with `context`.
    public func render(_ name: String, context: [String: Any]) throws -> String {
        guard let html = library.render(context, withTemplate: name) else {
            throw TemplateError(
                path: "templates/\(name).mustache", line: nil, reason: "There is no template `\(name)`.")
        }
        return html
    }

    /// swift-mustache leaves a missing partial empty; a typo should fail the build instead.
    private static func checkPartials(in text: String, origin: String, available: [String: String]) throws {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{>") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if available[name] == nil {
                    throw TemplateError(
                        path: origin, line: index + 1,
                        reason: "The partial `\(name)` does not exist; expected templates/\(name).mustache.")
                }
                rest = rest[close.upperBound...]
            }
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "The template could not be parsed: \(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "A section is closed with a different name than it was opened with"
        case .unfinishedName: return "A tag is not closed with `}}`"
        case .expectedSectionEnd: return "A section is opened but never closed before the end of the template"
        case .invalidSetDelimiter: return "A set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "A transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "An inheritance section holds a tag it cannot hold"
        case .textInsideInheritSection: return "An inheritance section holds text outside its blocks"
        case .invalidConfigVariableSyntax: return "A configuration tag is malformed"
        case .unrecognisedConfigVariable: return "A configuration tag names an unknown setting"
        @unknown default: return "The template could not be parsed: \(error)"
        }
    }
}
