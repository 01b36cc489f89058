import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LabSite
@testable import LabSitePreview

/// Requests for files outside the site: each is answered 400 or 404, and no byte of a file
/// outside `content/` comes back, whether the request goes through the responder or as raw
/// bytes through the server's HTTP parser.
@Suite("Requests outside the site", .timeLimit(.minutes(2)))
struct PreviewTraversalTests {
    static let secrets = ["SECRET-OUTSIDE-1", "SECRET-FOLDER-2", "SECRET-PAGE-3", "root:x:0:0"]

    /// A site whose folder holds files beside `content/`, and whose `content/` holds symlinks to
    /// them, to a folder of them and to `/`.
    static func site() throws -> TemporarySite {
        let site = try TemporarySite(files: [
            "outside.txt": "SECRET-OUTSIDE-1\n",
            "private/secret.txt": "SECRET-FOLDER-2\n",
            "private/page.md": "---\ntitle: 비밀\n---\n\nSECRET-PAGE-3\n",
            "content/index.md": "---\ntitle: 홈\n---\n\n첫 페이지.\n",
            "content/img/a.svg": "<svg/>",
        ])
        let links = [
            "content/leak.txt": "../outside.txt", "content/linked": "../private",
            "content/secret.md": "../private/page.md", "content/root": "/",
        ]
        for (link, target) in links {
            try FileManager.default.createSymbolicLink(
                atPath: site.root.appendingPathComponent(link).path, withDestinationPath: target)
        }
        return site
    }

    static let attempts: [String] = [
        "/../outside.txt", "/../../../../../../etc/passwd", "/content/../outside.txt",
        // percent-encoded dots and slashes, in either case
        "/%2e%2e/outside.txt", "/%2E%2E%2Foutside.txt", "/.%2e/outside.txt", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        // encoded twice and three times: decoded once, they name a file called `%2e%2e`
        "/%252e%252e/outside.txt", "/%252e%252e%252foutside.txt", "/%25252e%25252e%25252foutside.txt",
        // backslashes, raw and encoded
        "/..\\outside.txt", "/..%5coutside.txt", "/%5c..%5coutside.txt",
        // NUL
        "/outside.txt%00", "/%00/../outside.txt", "/index.html%00.txt",
        // overlong UTF-8 encodings of `.`
        "/%c0%ae%c0%ae/outside.txt", "/%e0%80%ae%e0%80%ae/outside.txt",
        // very long paths
        "/" + String(repeating: "a", count: 10_000), "/" + String(repeating: "../", count: 3_400) + "outside.txt",
        "/" + String(repeating: "%2e%2e/", count: 1_500) + "outside.txt",
        "/" + String(repeating: "a/", count: 50_000) + "index.html",
        // symlinks in content/ leading out of it: a file, a folder, a page, the root
        "/leak.txt", "/linked/secret.txt", "/linked/page.html", "/secret.html", "/root/etc/passwd",
    ]

    /// The status and body of `response` are those of a refusal that shows nothing outside the site.
    static func check(status: Int, body: String, _ attempt: String) {
        #expect(status == 400 || status == 404, "\(attempt.prefix(80)): \(status)")
        for secret in secrets { #expect(!body.contains(secret), "\(attempt.prefix(80))") }
    }

    @Test("through the responder, each attempt gets 400 or 404 and none of the outside bytes", arguments: attempts)
    func responder(attempt: String) async throws {
        let site = try Self.site()
        let model = PreviewModel()
        var cache = RenderCache()
        await PreviewServer.rebuild(
            SiteBuilder(sourceDirectory: site.root, sectionTypes: []), cache: &cache, model: model, changes: [],
            onEvent: { _ in })
        #expect(await model.state == PreviewState(version: 1, error: nil))
        try await Application(responder: PreviewResponder(model: model)).test(.router) { client in
            try await client.execute(uri: attempt, method: .get) { response in
                Self.check(
                    status: response.status.code, body: String(buffer: response.body), attempt)
            }
        }
    }

    @Test("as raw bytes to the running server, each attempt gets 400 or 404 and none of the outside bytes")
    func server() async throws {
        let site = try Self.site()
        try await withPreviewServer(root: site.root) { port in
            for attempt in Self.attempts {
                let response = try await onThread {
                    let connection = try RawHTTPConnection(port: port)
                    try connection.write("GET \(attempt) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                    return connection.readToEnd()
                }
                let status = response.statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
                Self.check(status: status, body: String(decoding: response.bytes, as: UTF8.self), attempt)
            }
            // The site itself is still served.
            let page = try await onThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.write("GET /img/a.svg HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                return connection.readToEnd()
            }
            #expect(page.statusLine == "HTTP/1.0 200 OK")
            #expect(page.text == "<svg/>")
        }
    }
}
