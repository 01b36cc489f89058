import Foundation

extension SiteBuilder {
    /// The ids and account numbers in everything the site publishes: the Markdown pages (scanned
    /// when they were read), every text file under `content/` that is copied as it is, and what the
    /// sections scanned in the files they read themselves (gzip trail logs, which only the trail
    /// section inflates); the accounts in file paths count as named too.
    static func identifierScan(
        content: ContentTree, contentDirectory: URL, sections: LoadedSections
    ) -> IdentifierScan {
        let paths = content.files.filter {
            !sections.consumedFiles.contains($0) && textExtensions.contains(($0 as NSString).pathExtension.lowercased())
        }
        var scan = sections.identifierScan
        for page in content.pages { scan.merge(page.identifierScan) }
        // A file published as `AWSLogs/111122223333/…` names its account in its path.
        for path in content.files { scan.noteAccounts(namedIn: path) }
        for path in paths {
            // A file that cannot be read fails the build where it is rendered or copied.
            guard let data = try? Data(contentsOf: contentDirectory.appendingPathComponent(path)) else { continue }
            scan.merge(IdentifierScan(data: data, path: "content/" + path))
        }
        return scan
    }
}
