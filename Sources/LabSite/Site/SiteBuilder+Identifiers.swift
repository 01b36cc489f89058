import Foundation

extension SiteBuilder {
    /// Extensions of the content files the revealing-id check reads as text.
    static let scannedExtensions: Set<String> = [
        "md", "markdown", "json", "yml", "yaml", "txt", "csv", "tsv", "html", "js", "xml", "svg",
    ]

    /// The ids and account numbers in everything the site publishes: the Markdown pages and every
    /// text file under `content/`, plus what the sections scanned in the files they read themselves
    /// (gzip trail logs, which only the trail section inflates); the accounts in file paths count
    /// as named too.
    static func identifierScan(
        content: ContentTree, contentDirectory: URL, sections: LoadedSections
    ) -> IdentifierScan {
        let paths =
            content.pages.map(\.path)
            + content.files.filter {
                !sections.consumedFiles.contains($0)
                    && scannedExtensions.contains(($0 as NSString).pathExtension.lowercased())
            }
        var scan = sections.identifierScan
        // A file published as `AWSLogs/111122223333/…` names its account in its path.
        for path in content.files { scan.noteAccounts(namedIn: path) }
        for path in paths {
            // A file that cannot be read fails the build where it is rendered or copied.
            guard let data = try? Data(contentsOf: contentDirectory.appendingPathComponent(path)) else { continue }
            scan.merge(IdentifierScan(bytes: [UInt8](data), path: "content/" + path))
        }
        return scan
    }
}
