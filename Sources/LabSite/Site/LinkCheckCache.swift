/// The link problems of each page from the last render, so that a rebuild checks again only the
/// pages whose links changed, as long as nothing a link can point at changed (`labsite serve`).
///
/// What links can point at is every page's URL, source path and anchors and every output path;
/// when any of it changes, every page is checked again. Unchanged pages share their arrays with
/// the previous render, so comparing them does not read them.
struct LinkCheckCache: Sendable {
    /// What one page offers to links.
    private struct Target: Sendable, Equatable {
        var url: String
        var sourcePath: String?
        var headings: [Heading]
        var extraAnchors: Set<String>
    }

    /// What one page's check read of the page itself.
    private struct Checked: Sendable {
        var url: String
        var links: [MarkdownLink]
        var errors: ErrorTally
    }

    private var targets: [Target] = []
    private var outputPaths: Set<String> = []
    private var checked: [String: Checked] = [:]

    /// The broken links of each page (as ``LinkChecker/errors(in:)`` finds them), in page order.
    mutating func errors(in pages: [BuiltPage], outputPaths: Set<String>) -> [ErrorTally] {
        let targets = pages.map {
            Target(url: $0.url, sourcePath: $0.sourcePath, headings: $0.headings, extraAnchors: $0.extraAnchors)
        }
        let reusable = targets == self.targets && outputPaths == self.outputPaths
        var checker: LinkChecker?
        var next: [String: Checked] = [:]
        var errors: [ErrorTally] = []
        errors.reserveCapacity(pages.count)
        // By index rather than `for page in pages`, which would copy every page (a dozen references each).
        for index in pages.indices {
            guard let source = pages[index].sourcePath else {
                errors.append(ErrorTally())
                continue
            }
            let pageErrors: ErrorTally
            if reusable, let stored = checked[source], stored.url == pages[index].url,
                stored.links == pages[index].links
            {
                pageErrors = stored.errors
            } else {
                let linkChecker = checker ?? LinkChecker(pages: pages, outputPaths: outputPaths)
                checker = linkChecker
                pageErrors = linkChecker.errors(in: pages[index])
            }
            next[source] = Checked(url: pages[index].url, links: pages[index].links, errors: pageErrors)
            errors.append(pageErrors)
        }
        self.targets = targets
        self.outputPaths = outputPaths
        checked = next
        return errors
    }
}
