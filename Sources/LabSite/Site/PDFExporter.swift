import Foundation

/// Prints the combined handout (`print.html`) to PDF with headless Chromium.
///
/// A browser is the only renderer that lays out the handout exactly as students see it when
/// they print from the site; labsite drives it rather than shipping a second layout engine.
public struct PDFExporter: Sendable {
    /// Executable names tried on `PATH`, in order; `LABSITE_CHROMIUM` overrides them.
    public static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The site folder holding `print.html`.
    public var siteDirectory: URL

    /// Creates an exporter for a built site.
    public init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory
    }

    /// The browser to use, or `nil` when none is installed.
    public static func findBrowser(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit = environment["LABSITE_CHROMIUM"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in browserNames {
            for folder in folders {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Writes the handout to `output`.
    ///
    /// - Throws: ``SiteError`` when no browser is installed (saying how to install one), when the
    ///   site has no `print.html`, or when the browser fails.
    public func export(to output: URL, browser: URL? = PDFExporter.findBrowser()) throws {
        guard let browser else {
            throw SiteError(
                path: output.path, line: nil,
                reason: "Chromium is needed to print the handout but is not installed; install it with "
                    + "`sudo apt-get install chromium` (Debian, Ubuntu) or set LABSITE_CHROMIUM to a Chrome or "
                    + "Chromium executable, then run labsite pdf again.")
        }
        let handout = siteDirectory.appendingPathComponent(PrintHandout.path)
        guard FileManager.default.fileExists(atPath: handout.path) else {
            throw SiteError(path: handout.path, line: nil, reason: "The site has no handout page to print.")
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "labsite-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        try? FileManager.default.removeItem(at: output)

        let process = Process()
        process.executableURL = browser
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--no-pdf-header-footer", "--print-to-pdf=\(output.path)", handout.absoluteString,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SiteError(
                path: browser.path, line: nil, reason: "The browser could not be started: \(error.localizedDescription)"
            )
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
            let detail = String(decoding: message, as: UTF8.self).split(separator: "\n").suffix(3).joined(
                separator: " ")
            throw SiteError(
                path: output.path, line: nil,
                reason: "Chromium did not write the PDF (exit status \(process.terminationStatus)): \(detail)")
        }
    }
}
