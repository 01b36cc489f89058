import ArgumentParser
import Foundation
import LabSite
import LabSitePreview

/// `labsite serve`: a local preview that rebuilds on save and reloads the browser.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site into memory, serve it on loopback and rebuild it when a source file changes.",
        discussion: """
            Changes under SOURCE/content and SOURCE/templates (edits, new, deleted and renamed files) \
            start a rebuild; a burst of saves gives one. Rebuilds are incremental: a changed page is \
            rendered again with the pages that show it (prev/next, the home page); the handout \
            (print.html) is rendered when it is requested. Open pages \
            reload by themselves and keep their scroll position. A failed build prints its errors here and \
            over the page in the browser, and the last good site stays served. Nothing is written to the \
            output folder: the site is served from memory.
            """
    )

    @Option(name: .shortAndLong, help: "The folder holding content/ and, optionally, templates/.")
    var source: String = "."

    @Option(name: .shortAndLong, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(help: "The address to listen on; other machines can reach the site only if you choose one.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the site in the default browser (xdg-open or open).")
    var open = false

    @Flag(help: "Replace account ids, access key ids, IP addresses and principal ids from logs with stand-ins.")
    var redact = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port (0–65535).") }
    }

    func run() async throws {
        let builder = SiteBuilder(
            sourceDirectory: URL(fileURLWithPath: source, isDirectory: true), options: BuildOptions(redact: redact),
            sectionTypes: courseSections)
        let server = PreviewServer(builder: builder, host: host, port: port)
        let open = open
        do {
            try await server.run(stopsOnSignals: true) { event in
                Self.report(event, open: open)
            }
        } catch let error as PreviewError {
            Diagnostics.printError(error.errorDescription ?? error.reason)
            throw ExitCode.failure
        }
    }

    private static func report(_ event: PreviewServer.Event, open: Bool) {
        switch event {
        case .serving(let url):
            printLine("labsite: serving the site at \(url) (press Ctrl-C to stop)")
            if open { openBrowser(url) }
        case .built(let statistics, let seconds, let changes, let warnings):
            for warning in warnings where changes.isEmpty || statistics.sectionsLoaded {
                Diagnostics.printError(warning.description)
            }
            let cause = changes.isEmpty ? "built" : "rebuilt after \(describe(changes))"
            printLine(
                "labsite: \(cause): \(statistics.pagesRendered) of \(statistics.pageCount + 1) pages rendered in "
                    + String(format: "%.0f ms", seconds * 1000))
        case .failed(let lines, let errorCount, let changes):
            for line in lines { Diagnostics.printError(line) }
            let cause = changes.isEmpty ? "the build" : "the rebuild after \(describe(changes))"
            Diagnostics.printError(
                "labsite: \(cause) failed with \(errorCount) error(s); still serving the last good site.")
        }
    }

    /// Writes straight to stdout, unbuffered, so that a script reading the pipe sees the URL at once.
    private static func printLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private static func describe(_ changes: [String]) -> String {
        changes.count == 1 ? changes[0] : "\(changes[0]) and \(changes.count - 1) more"
    }

    private static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        #if os(macOS)
            process.arguments = ["open", url]
        #else
            process.arguments = ["xdg-open", url]
        #endif
        do { try process.run() } catch { Diagnostics.printError("labsite: could not open a browser: \(error)") }
    }
}
