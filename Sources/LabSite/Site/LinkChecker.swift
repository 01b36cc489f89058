import Foundation

/// Checks every internal link of the site: the page or file must exist and so must the anchor.
struct LinkChecker: Sendable {
    /// Pages by source path (`cloudtrail.md`).
    let pagesBySource: [String: BuiltPage]
    /// Pages by output path (`cloudtrail.html`).
    let pagesByOutput: [String: BuiltPage]
    /// Every file the site will hold.
    let outputPaths: Set<String>

    init(pages: [BuiltPage], outputPaths: Set<String>) {
        pagesBySource = Dictionary(
            pages.compactMap { page in page.sourcePath.map { ($0, page) } }, uniquingKeysWith: { first, _ in first })
        pagesByOutput = Dictionary(pages.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
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
        let path = rawPath.removingPercentEncoding ?? rawPath
        let fragment = (rawFragment?.removingPercentEncoding ?? rawFragment).flatMap { $0.isEmpty ? nil : $0 }
        let target: BuiltPage?
        if path.isEmpty {
            target = page
        } else {
            guard let resolved = SitePath.resolve(path, against: page.url) else {
                return "The link `\(destination)` points outside the site."
            }
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
                return
                    "The link `\(destination)` points at \(resolved), which is neither a page nor a file of the site."
            }
        }
        if let fragment, let target, !target.anchors.contains(fragment) {
            let file = target.url == page.url ? "this page" : target.sourcePath ?? target.url
            return
                "The link `\(destination)` points at the anchor `#\(fragment)`, but \(file) has no heading with that id."
        }
        return nil
    }
}
