import Foundation

/// Checks every internal link of the site: the page or file must exist and so must the anchor.
struct LinkChecker: Sendable {
    /// The site's pages; the tables below hold positions in it, so that looking a page up does
    /// not copy it (a page holds a dozen references, and copies showed in profiles of large builds).
    let pages: [BuiltPage]
    /// Pages by source path (`cloudtrail.md`).
    let pagesBySource: [String: Int]
    /// Pages by output path (`cloudtrail.html`).
    let pagesByOutput: [String: Int]
    /// Every file the site will hold.
    let outputPaths: Set<String>

    init(pages: [BuiltPage], outputPaths: Set<String>) {
        self.pages = pages
        var bySource: [String: Int] = [:]
        var byOutput: [String: Int] = [:]
        bySource.reserveCapacity(pages.count)
        byOutput.reserveCapacity(pages.count)
        // The first page of a path wins, as the checks that report the collision expect.
        for index in pages.indices.reversed() {
            if let source = pages[index].sourcePath { bySource[source] = index }
            byOutput[pages[index].url] = index
        }
        pagesBySource = bySource
        pagesByOutput = byOutput
        self.outputPaths = outputPaths
    }

    /// The broken links of `page`, as errors at their source lines: how many, and the first ones.
    func errors(in page: BuiltPage) -> ErrorTally {
        var errors = ErrorTally()
        guard let file = page.sourcePath else { return errors }
        for link in page.links {
            if let problem = problem(with: link.destination, in: page) {
                errors.add(SiteError(path: file, line: link.line, reason: problem))
            }
        }
        return errors
    }

    private func problem(with destination: String, in page: BuiltPage) -> String? {
        guard !destination.isEmpty, !SitePath.isExternal(destination) else { return nil }
        if destination.hasPrefix("/") {
            return "The link `\(destination)` starts with `/`, which breaks when the site is opened from disk or "
                + "served from a sub-folder; write the path relative to this page, e.g. `cloudtrail.md`."
        }
        let (rawPath, rawFragment) = SitePath.split(destination)
        let path = Self.percentDecoded(rawPath)
        let fragment = rawFragment.map(Self.percentDecoded).flatMap { $0.isEmpty ? nil : $0 }
        guard !path.isEmpty else {
            guard let fragment, !page.hasAnchor(fragment) else { return nil }
            return "The link `\(destination)` points at the anchor `#\(fragment)`, but this page has no heading with "
                + "that id."
        }
        guard let resolved = SitePath.resolve(path, against: page.url) else {
            return "The link `\(destination)` points outside the site."
        }
        let target: Int?
        if resolved.hasSuffix(".md") {
            guard let linked = pagesBySource["content/" + resolved] else {
                return "The link `\(destination)` points at content/\(resolved), which does not exist."
            }
            target = linked
        } else if let linked = pagesByOutput[resolved] {
            target = linked
        } else if outputPaths.contains(resolved) {
            target = nil
        } else {
            return "The link `\(destination)` points at \(resolved), which is neither a page nor a file of the site."
        }
        if let fragment, let target, !pages[target].hasAnchor(fragment) {
            let file = pages[target].url == page.url ? "this page" : pages[target].sourcePath ?? pages[target].url
            return
                "The link `\(destination)` points at the anchor `#\(fragment)`, but \(file) has no heading with that id."
        }
        return nil
    }

    /// `text` with its percent escapes decoded; Foundation's decoding is only asked for when there
    /// is one, since nearly no link has any.
    private static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }
}
