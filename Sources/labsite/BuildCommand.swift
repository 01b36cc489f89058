import ArgumentParser
import Foundation
import LabSite

/// `labsite build`: renders SOURCE/content into a static site.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from SOURCE/content and SOURCE/templates into the output folder.",
        discussion: """
            Pages are Markdown files with YAML front matter under SOURCE/content; other files there \
            are copied as they are. Templates in SOURCE/templates override the built-in theme file by file. \
            The site is written to a temporary folder first and replaces the output folder only when the \
            whole build succeeded, so a failed build leaves the previous site untouched. Pages whose \
            inputs did not change since the last build are taken from the existing output folder \
            (digests are kept in $XDG_CACHE_HOME/labsite, or ~/.cache/labsite); --no-cache renders them all.
            """
    )

    @Option(name: .shortAndLong, help: "The folder holding content/ and, optionally, templates/.")
    var source: String = "."

    @Option(name: .shortAndLong, help: "The folder to write the site to (default: SOURCE/public).")
    var output: String?

    @Flag(help: "Replace account ids, access key ids, IP addresses and principal ids from logs with stand-ins.")
    var redact = false

    @Flag(
        name: .customLong("no-cache"),
        help: "Render every page instead of taking unchanged ones from the existing output folder.")
    var noCache = false

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let sourceURL = URL(fileURLWithPath: source, isDirectory: true)
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        var builder = SiteBuilder(
            sourceDirectory: sourceURL, outputDirectory: outputURL, options: BuildOptions(redact: redact),
            sectionTypes: courseSections)
        if !noCache { builder.buildCacheFile = BuildCache.defaultFile(for: builder.outputDirectory) }
        builder.removesOldSiteInBackground = true
        let line = ProgressLine()
        builder.progress = line.progress
        let interrupts = InterruptHandler(beforeExit: line.erase)
        let report = try await Diagnostics.reporting {
            defer { line.erase() }
            return try await builder.build()
        }
        _ = consume interrupts
        if report.searchTextBytes > 0 {
            print(
                "labsite: search index \(report.searchIndexBytes) bytes for \(report.searchTextBytes) bytes of page text "
                    + String(
                        format: "(%.2f bytes per byte of text)",
                        Double(report.searchIndexBytes) / Double(report.searchTextBytes)))
        }
        for warning in report.warnings { Diagnostics.printError(warning.description) }
        if redact {
            let count = report.redactedIdentifierCount
            print("labsite: --redact replaced \(count) \(count == 1 ? "id" : "ids") that revealed an AWS account")
        }
        let seconds = (clock.now - start) / .milliseconds(1) / 1000
        let destination = output ?? (source == "." ? "public" : "\(source)/public")
        let unchanged = report.reusedPageCount > 0 ? ", \(report.reusedPageCount) pages unchanged" : ""
        print(
            "labsite: wrote \(report.pageCount) pages (\(report.fileCount) files\(unchanged)) to \(destination) in "
                + String(format: "%.2f s", seconds))
    }
}
