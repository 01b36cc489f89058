/// A generator of HTML for fenced blocks whose info string starts with its name.
///
/// A lab page writes
/// ````
/// ```cloudtrail
/// eventName: CreateTrail
/// ```
/// ````
/// and the directive registered as `cloudtrail` replaces the block by its HTML. An unknown
/// name leaves the block as ordinary code.
public struct Directive: Sendable {
    /// The first word of the info string that selects this directive.
    public let name: String
    /// Produces the HTML for one block; a thrown error fails the build at the block's line.
    public let render: @Sendable (DirectiveInvocation) throws -> String

    /// Creates a directive.
    public init(name: String, render: @escaping @Sendable (DirectiveInvocation) throws -> String) {
        self.name = name
        self.render = render
    }
}

/// One fenced block handed to a ``Directive``.
public struct DirectiveInvocation: Sendable, Equatable {
    /// The directive's name.
    public var name: String
    /// The words of the info string after the name.
    public var arguments: [String]
    /// The block's text.
    public var body: String
    /// The source file.
    public var path: String
    /// The line of the opening fence in the source file.
    public var line: Int

    /// The output path of the page holding the block: `content/guide/lab.md` → `guide/lab.html`.
    public var pagePath: String {
        var page = path.hasPrefix("content/") ? String(path.dropFirst("content/".count)) : path
        if page.hasSuffix(".md") { page = String(page.dropLast(3)) + ".html" }
        return page
    }

    /// The prefix from the page holding the block to the site root, for links in generated HTML.
    public var rootPrefix: String { SitePath.rootPrefix(from: pagePath) }
}
