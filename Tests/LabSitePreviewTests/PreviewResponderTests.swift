import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LabSite
@testable import LabSitePreview

@Suite("Preview server responses")
struct PreviewResponderTests {
    /// A model serving a small site whose content folder is `root/content`.
    static func model(root: URL) async -> PreviewModel {
        let model = PreviewModel()
        let content = root.appendingPathComponent("content", isDirectory: true)
        await model.publish(
            PreviewSite(
                files: [
                    .text("index.html", "<html><body><p>홈</p></body></html>"),
                    .text("guide/index.html", "<html><body>guide</body></html>"),
                    .text("404.html", "<html><body>없음</body></html>"),
                    .text("assets/style.css", "body{}"),
                    .text("assets/nav.js", "window.X=1;"),
                    OutputFile(path: "trail/x.json.gz", contents: .data(Data([0x1f, 0x8b, 8, 0]))),
                    OutputFile(path: "img/a.svg", contents: .copy(content.appendingPathComponent("img/a.svg"))),
                    OutputFile(path: "leak.txt", contents: .copy(content.appendingPathComponent("leak.txt"))),
                ], contentDirectory: content))
        return model
    }

    static func text(_ response: TestResponse) -> String {
        String(decoding: response.body.readableBytesView, as: UTF8.self)
    }

    static func app(_ model: PreviewModel) -> some ApplicationProtocol {
        Application(responder: PreviewResponder(model: model))
    }

    @Test("files come with their content type; HTML gets the live-reload script, other files do not")
    func files() async throws {
        let site = try TemporarySite(files: ["content/img/a.svg": "<svg/>", "outside.txt": "secret"])
        let model = await Self.model(root: site.root)
        try await Self.app(model).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-store")
                let body = Self.text(response)
                #expect(body.hasPrefix("<html><body><p>홈</p><script id=\"labsite-live-reload\">"))
                #expect(body.hasSuffix("</script>\n</body></html>"))
                #expect(body.contains("var version = 1;"))
            }
            try await client.execute(uri: "/assets/style.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(Self.text(response) == "body{}")
            }
            try await client.execute(uri: "/assets/nav.js", method: .get) { response in
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(Self.text(response) == "window.X=1;")
            }
            try await client.execute(uri: "/img/a.svg", method: .get) { response in
                #expect(response.headers[.contentType] == "image/svg+xml")
                #expect(Self.text(response) == "<svg/>")
            }
            try await client.execute(uri: "/trail/x.json.gz", method: .get) { response in
                #expect(response.headers[.contentType] == "application/gzip")
                #expect(response.headers[.contentEncoding] == nil)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"x.json.gz\"")
                #expect(Array(response.body.readableBytesView) == [0x1f, 0x8b, 8, 0])
            }
        }
    }

    @Test("folder URLs serve index.html; a folder without the slash is redirected; misses get 404.html")
    func folders() async throws {
        let site = try TemporarySite(files: [:])
        let model = await Self.model(root: site.root)
        try await Self.app(model).test(.router) { client in
            try await client.execute(uri: "/guide/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response).hasPrefix("<html><body>guide<script"))
            }
            try await client.execute(uri: "/guide", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/guide/")
            }
            for uri in ["/missing.html", "/assets/", "/%252e%252e/x"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(Self.text(response).hasPrefix("<html><body>없음<script"), "\(uri)")
                }
            }
            try await client.execute(uri: "/", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
            }
        }
    }

    @Test(
        "path traversal is refused with 400",
        arguments: ["/../outside.txt", "/%2e%2e/outside.txt", "/img/%2E%2E/%2e%2e/outside.txt", "/..%2foutside.txt"])
    func traversal(uri: String) async throws {
        let site = try TemporarySite(files: ["outside.txt": "secret"])
        let model = await Self.model(root: site.root)
        try await Self.app(model).test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(!Self.text(response).contains("secret"))
            }
        }
    }

    @Test("a copied file that became a symlink out of content/ is not served")
    func symlink() async throws {
        let site = try TemporarySite(files: ["outside.txt": "secret", "content/index.md": "x"])
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("content/leak.txt"),
            withDestinationURL: site.root.appendingPathComponent("outside.txt"))
        let model = await Self.model(root: site.root)
        try await Self.app(model).test(.router) { client in
            try await client.execute(uri: "/leak.txt", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(!Self.text(response).contains("secret"))
            }
        }
    }

    @Test("the build never linked a symlink leaving content/ into the site")
    func symlinkNotBuilt() async throws {
        let site = try TemporarySite(files: [
            "outside.txt": "secret", "content/index.md": "---\ntitle: 홈\n---\n본문\n",
        ])
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("content/leak.txt"),
            withDestinationURL: site.root.appendingPathComponent("outside.txt"))
        let files = try await SiteBuilder(sourceDirectory: site.root, sectionTypes: []).renderSite().files
        #expect(!files.contains { $0.path == "leak.txt" })
    }

    @Test("before the first good build every page shows the errors, escaped")
    func failurePage() async throws {
        let model = PreviewModel()
        await model.fail("content/a.md:3: error: The <b> tag.")
        try await Self.app(model).test(.router) { client in
            try await client.execute(uri: "/a.html", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = Self.text(response)
                #expect(body.contains("<pre>content/a.md:3: error: The &lt;b&gt; tag.</pre>"))
                #expect(body.contains("var version = 0;"))
            }
        }
    }

    @Test("event streams start with the current state, get every later one and end when the server stops")
    func stream() async throws {
        let model = PreviewModel()
        var states = await model.subscribe().makeAsyncIterator()
        #expect(await model.subscriberCount == 1)
        #expect(await states.next() == PreviewState(version: 0, error: nil))
        await model.fail("content/a.md:1: error: x")
        #expect(await states.next() == PreviewState(version: 0, error: "content/a.md:1: error: x"))
        await model.publish(PreviewSite(files: [], contentDirectory: URL(fileURLWithPath: "/nonexistent")))
        #expect(await states.next() == PreviewState(version: 1, error: nil))
        await model.close()
        #expect(await states.next() == nil)
    }
}
