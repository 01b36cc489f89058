import Foundation
import Testing

@testable import LabSite
@testable import LabSitePreview

@Suite("Preview paths, content types and the live-reload script")
struct PreviewPathTests {
    @Test(
        "request paths map onto site files; a folder URL gives its index.html",
        arguments: [
            ("/", "index.html"), ("", "index.html"), ("/cloudtrail.html", "cloudtrail.html"),
            ("/guide/", "guide/index.html"), ("/guide/more.html", "guide/more.html"),
            ("/a%20b.html", "a b.html"), ("/./x/./y.html", "x/y.html"), ("//x//y.html", "x/y.html"),
            ("/%ED%95%9C.html", "한.html"), ("/%252e%252e/x", "%2e%2e/x"),
        ])
    func files(request: String, file: String) {
        #expect(PreviewPath(requestPath: request) == .file(file))
    }

    @Test(
        "paths that try to leave the site are refused, also when encoded",
        arguments: [
            "/../etc/passwd", "/..", "/a/../../b", "/a/../b", "/%2e%2e/etc/passwd", "/%2E%2E/x", "/.%2e/x",
            "/a/%2e%2e%2f%2e%2e/x", "/..%2fetc", "/%5c..%5cx", "/a\\b", "/%00.html", "/%zz", "/%c0%ae%c0%ae/x",
        ])
    func refused(request: String) {
        #expect(PreviewPath(requestPath: request) == .refused)
    }

    @Test(
        "content types by extension; .gz is a download without Content-Encoding",
        arguments: [
            ("index.html", "text/html; charset=utf-8"), ("assets/style.css", "text/css; charset=utf-8"),
            ("assets/nav.js", "text/javascript; charset=utf-8"), ("img/a.svg", "image/svg+xml"),
            ("data.json", "application/json"), ("trail/x.json.gz", "application/gzip"),
            ("sitemap.xml", "application/xml"), ("handout.pdf", "application/pdf"), ("a.PNG", "image/png"),
            ("LICENSE", "application/octet-stream"), ("x.unknown", "application/octet-stream"),
        ])
    func contentTypes(path: String, type: String) {
        #expect(PreviewContentType.of(path) == type)
        #expect(PreviewContentType.isDownload(path) == path.hasSuffix(".gz"))
    }

    @Test("the script goes before the last </body>, or at the end when there is none")
    func injection() {
        let script = LiveReloadScript.script(version: 3)
        #expect(
            LiveReloadScript.inject(into: "<p>x</p></body></html>\n", version: 3)
                == "<p>x</p>" + script + "</body></html>\n")
        #expect(LiveReloadScript.inject(into: "<p>x</p>", version: 3) == "<p>x</p>" + script)
        #expect(script.contains("var version = 3;"))
        #expect(script.contains("new EventSource(\"/__labsite/events\")"))
        #expect(script.contains("textContent = text"))
    }

    @Test("states are sent as server-sent events with the error or null")
    func events() {
        #expect(PreviewState(version: 2, error: nil).event == "event: state\ndata: {\"error\":null,\"version\":2}\n\n")
        #expect(
            PreviewState(version: 2, error: "content/a.md:3: error: <x>\nb").event
                == "event: state\ndata: {\"error\":\"content\\/a.md:3: error: <x>\\nb\",\"version\":2}\n\n")
    }

    @Test("the watcher reports added, removed and changed files, and skips hidden ones")
    func watcher() throws {
        let site = try TemporarySite(files: ["content/a.md": "a", "content/b.md": "b", "templates/page.mustache": "p"])
        let watcher = SourceWatcher(sourceDirectory: site.root)
        let before = watcher.scan()
        #expect(before.keys.sorted() == ["content/a.md", "content/b.md", "templates/page.mustache"])
        try site.write("content/a.md", "aa")
        try site.write("content/new/c.md", "c")
        try site.write("content/.a.md.swp", "x")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/b.md"))
        let after = watcher.scan()
        #expect(SourceWatcher.changes(from: before, to: after) == ["content/a.md", "content/b.md", "content/new/c.md"])
        #expect(SourceWatcher.changes(from: after, to: watcher.scan()) == [])
    }
}
