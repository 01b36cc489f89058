import Foundation

/// A part of the site generated from data under `content/` rather than from Markdown: CloudTrail
/// event reports, CloudWatch alarm pages, IAM policy tables.
///
/// Every domain has the same small shape, so adding one touches its own folder and one line in
/// ``SiteBuilder/sectionTypes``: read the inputs (errors name the file), then hand the builder
/// pages, fenced-block directives for lab pages, extra files and warnings.
public protocol SiteSection: Sendable {
    /// Reads this section's inputs; a broken input throws a ``LocatedError`` naming the file.
    static func load(from input: SectionInput) throws -> Self

    /// The pages this section adds; their HTML goes through `page.mustache` and the layout.
    func pages() throws -> [GeneratedPage]

    /// Pages too many to hold in memory at once, rendered batch by batch while the site is written.
    func pageStream() throws -> PageStream?

    /// Generators for fenced blocks in lab pages, such as ```` ```cloudtrail ````.
    var directives: [Directive] { get }

    /// Files other than pages (data for scripts, downloads), by path under the output folder.
    func files() throws -> [OutputFile]

    /// Findings to report without failing the build.
    var warnings: [BuildWarning] { get }

    /// Paths under `content/` that the builder must not copy as they are, because the section
    /// publishes them itself (for example redacted copies of trail logs).
    var consumedFiles: Set<String> { get }

    /// With `--redact`, replaces the values this section hides (account ids, IP addresses, …)
    /// in any text of the site, so that a value quoted by hand in a lab page is hidden too.
    func redact(_ text: String) -> String

    /// The AWS ids and account numbers in the files this section publishes itself (its
    /// ``consumedFiles`` that are not plain text, such as gzip logs), for the revealing-id check;
    /// the builder scans every other published file.
    var identifierScan: IdentifierScan { get }

    /// The API calls this section's inputs record, which every section is then given.
    var observedCalls: [ObservedCall] { get }

    /// Whether ``linked(with:)`` reads the calls: when no section does, they are not collected
    /// (a large trail has one per event).
    var needsObservedCalls: Bool { get }

    /// This section once every section is loaded, given the calls all of them observed; a section
    /// that reasons about the lab's calls keeps them.
    func linked(with calls: [ObservedCall]) -> Self
}

extension SiteSection {
    /// Most sections have few enough pages to return them all from `pages()`.
    public func pageStream() throws -> PageStream? { nil }
    /// Most sections have no directives.
    public var directives: [Directive] { [] }
    /// Most sections write only pages.
    public func files() throws -> [OutputFile] { [] }
    /// Most sections have nothing to warn about.
    public var warnings: [BuildWarning] { [] }
    /// Most sections leave their input files to be copied as downloads.
    public var consumedFiles: Set<String> { [] }
    /// Most sections hide nothing.
    public func redact(_ text: String) -> String { text }
    /// Most sections publish only text files the builder can scan itself.
    public var identifierScan: IdentifierScan { IdentifierScan() }
    /// Most sections observe no calls.
    public var observedCalls: [ObservedCall] { [] }
    /// Most sections have no use for the calls.
    public var needsObservedCalls: Bool { false }
    /// Most sections have no use for the calls.
    public func linked(with calls: [ObservedCall]) -> Self { self }
}

/// What a section gets to read.
public struct SectionInput: Sendable {
    /// Everything under `content/`.
    public var content: ContentTree
    /// The `content/` folder on disk, to read the files listed in `content.files`.
    public var contentDirectory: URL
    /// Command-line choices.
    public var options: BuildOptions
    /// The site's theme, which renders the section's pages and directives (`partials/…`).
    package var templates: TemplateRenderer

    /// Creates the input of a section; without `templates` the section renders with the built-in theme.
    public init(
        content: ContentTree, contentDirectory: URL, options: BuildOptions, templates: TemplateRenderer? = nil
    ) {
        self.content = content
        self.contentDirectory = contentDirectory
        self.options = options
        self.templates = templates ?? .builtIn
    }

    /// The files under `content/` whose path starts with `folder/`, sorted.
    public func files(under folder: String) -> [String] {
        content.files.filter { $0.hasPrefix(folder + "/") }
    }
}

/// A page a ``SiteSection`` generates.
public struct GeneratedPage: Sendable, Equatable {
    /// The output path, e.g. `events/index.html`; links inside `html` are relative to it.
    public var path: String
    /// The page title.
    public var title: String
    /// One sentence under the title; may be empty.
    public var summary: String
    /// The article's HTML; every value from input files must already be escaped.
    public var html: String {
        get { content.string }
        set { content = .string(newValue) }
    }
    /// The article's HTML as it was made: text, or bytes for pages made in bulk.
    package var content: TemplateText
    /// Headings for the page's table of contents; their ids may be linked to.
    public var headings: [Heading]
    /// Other ids in `html` that links may point at.
    public var anchors: Set<String>
    /// The trail of parent pages shown above the title (site-root-relative paths).
    public var breadcrumbs: [Breadcrumb]
    /// Whether the page is listed in the sidebar and in the prev/next reading order.
    public var inNavigation: Bool
    /// Whether search indexes the page's text; when not, only its title and summary (pages that
    /// list data, such as a trail file's records, would otherwise fill the index with it).
    public var indexesText: Bool

    /// Creates a generated page.
    public init(
        path: String, title: String, summary: String = "", html: String, headings: [Heading] = [],
        anchors: Set<String> = [], breadcrumbs: [Breadcrumb] = [], inNavigation: Bool = false,
        indexesText: Bool = true
    ) {
        self.path = path
        self.title = title
        self.summary = summary
        self.content = .string(html)
        self.headings = headings
        self.anchors = anchors
        self.breadcrumbs = breadcrumbs
        self.inNavigation = inNavigation
        self.indexesText = indexesText
    }
}

/// One parent page in a breadcrumb trail.
public struct Breadcrumb: Sendable, Equatable {
    /// The parent's title.
    public var title: String
    /// The parent's path from the site root.
    public var path: String

    /// Creates a breadcrumb.
    public init(title: String, path: String) {
        self.title = title
        self.path = path
    }
}
