import Foundation
import LabSite

/// One successful build held in memory, as `labsite serve` serves it.
struct PreviewSite: Sendable {
    /// The file's bytes, or where to read them (files copied from `content/`).
    let files: [String: OutputFile.Contents]
    /// The `content/` folder; copied files are read from under it only.
    let contentDirectory: URL
    /// `print.html`, rendered when first requested, or `nil` when `files` holds it.
    let handout: DeferredHandout?

    /// Holds the rendered `files`; `handout` stands in for `print.html` when given.
    init(files: [OutputFile], contentDirectory: URL, handout: DeferredHandout? = nil) {
        self.files = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        self.contentDirectory = contentDirectory
        self.handout = handout
    }

    /// The bytes of the file at `path`, or `nil` when the site has no such file.
    ///
    /// Copied files are read when requested; one that has become a symlink leading out of
    /// `content/` since the build is not read.
    func data(at path: String) -> Data? {
        if path == PrintHandout.path, files[path] != nil, let handout {
            do {
                return Data(try handout.html().utf8)
            } catch {
                // The rest of the site was built; the error is shown where the handout would be.
                let message = PreviewServer.errorLines(error).joined(separator: "\n").escapedForHTML
                return Data("<!DOCTYPE html>\n<title>print.html</title>\n<pre>\(message)</pre>\n".utf8)
            }
        }
        switch files[path] {
        case .data(let data): return data
        case .text(let text): return Data(text.utf8)
        case .copy(let url):
            let base = contentDirectory.standardizedFileURL.resolvingSymlinksInPath().path
            let resolved = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard resolved.hasPrefix(base + "/") else { return nil }
            return FileManager.default.contents(atPath: resolved)
        case nil: return nil
        }
    }

    /// Whether `path` names a folder of the site that has an `index.html`.
    func hasIndex(inFolder path: String) -> Bool {
        files[path + "/index.html"] != nil
    }
}
