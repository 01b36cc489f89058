import ArgumentParser
import Foundation
import LabSite

/// `labsite pdf`: builds the site and prints the combined handout to a PDF file.
struct PDFCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print the whole course (print.html) to an A4 PDF with headless Chromium.",
        discussion: """
            Builds the site into a temporary folder, then asks Chromium to print its handout page. \
            Chromium is found on PATH (chromium, chromium-browser, google-chrome) or through the \
            LABSITE_CHROMIUM environment variable; on Debian install it with `sudo apt-get install chromium`.
            """
    )

    @Option(name: .shortAndLong, help: "The folder holding content/ and, optionally, templates/.")
    var source: String = "."

    @Option(name: .shortAndLong, help: "The PDF file to write.")
    var output: String = "handout.pdf"

    func run() async throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("labsite-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let builder = SiteBuilder(
            sourceDirectory: URL(fileURLWithPath: source, isDirectory: true), outputDirectory: site,
            sectionTypes: courseSections)
        let destination = URL(fileURLWithPath: output)
        try await Diagnostics.reporting(failure: "no PDF was written.") {
            try await builder.build()
            try PDFExporter(siteDirectory: site).export(to: destination)
        }
        print("labsite: wrote the handout to \(output)")
    }
}
