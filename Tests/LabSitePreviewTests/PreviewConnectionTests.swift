import Foundation
import Testing

@testable import LabSite
@testable import LabSitePreview

/// HTTP/1.0 and HTTP/1.1 requests sent byte for byte to the real server: the status line, the
/// headers that frame the response, and whether the connection ends after it.
@Suite("labsite serve connections over a real socket", .timeLimit(.minutes(2)))
struct PreviewConnectionTests {
    static let files = [
        "content/index.md": "---\ntitle: 홈\n---\n\n첫 페이지.\n",
        "content/guide.md": "---\ntitle: 안내\n---\n\n두 번째 페이지.\n",
    ]

    @Test("an HTTP/1.0 request is answered as HTTP/1.0, and the connection ends after the response")
    func http10Closes() async throws {
        let site = try TemporarySite(files: Self.files)
        try await withPreviewServer(root: site.root) { port in
            for (target, status) in [("/index.html", "HTTP/1.0 200 OK"), ("/missing.html", "HTTP/1.0 404 Not Found")] {
                let (response, closed) = try await onThread {
                    let connection = try RawHTTPConnection(port: port)
                    try connection.write("GET \(target) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                    return (connection.readToEnd(), connection.closedByServer)
                }
                #expect(closed, "\(target)")
                #expect(response.statusLine == status)
                #expect(response.header("connection") == "close")
                #expect(response.header("transfer-encoding") == nil)
                #expect(response.header("content-length") == String(response.body.count))
                #expect(response.text.contains("<script id=\"labsite-live-reload\">"))
            }
        }
    }

    @Test("an HTTP/1.0 request asking for keep-alive is told keep-alive, and the connection takes the next request")
    func http10KeepAlive() async throws {
        let site = try TemporarySite(files: Self.files)
        try await withPreviewServer(root: site.root) { port in
            let (first, second, closed) = try await onThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.write("GET /index.html HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
                let first = connection.readResponse()
                try connection.write("GET /guide.html HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                return (first, connection.readToEnd(), connection.closedByServer)
            }
            #expect(first.statusLine == "HTTP/1.0 200 OK")
            #expect(first.header("connection") == "keep-alive")
            #expect(first.header("content-length") == String(first.body.count))
            #expect(first.text.contains("첫 페이지."))
            #expect(second.statusLine == "HTTP/1.0 200 OK")
            #expect(second.header("connection") == "close")
            #expect(second.text.contains("두 번째 페이지."))
            #expect(closed)
        }
    }

    @Test("the event stream to an HTTP/1.0 client has no chunked coding and says the connection closes")
    func http10Events() async throws {
        let site = try TemporarySite(files: Self.files)
        try await withPreviewServer(root: site.root) { port in
            let response = try await onThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.write(
                    "GET /__labsite/events HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
                return connection.read(until: "\"version\":1}\n\n")
            }
            #expect(response.statusLine == "HTTP/1.0 200 OK")
            #expect(response.header("content-type") == "text/event-stream")
            #expect(response.header("connection") == "close")
            #expect(response.header("transfer-encoding") == nil)
            #expect(response.header("content-length") == nil)
            #expect(response.text == "retry: 500\n\nevent: state\ndata: {\"error\":null,\"version\":1}\n\n")
        }
    }

    @Test("HTTP/1.1 keeps the connection for the next request until a request says close")
    func http11() async throws {
        let site = try TemporarySite(files: Self.files)
        try await withPreviewServer(root: site.root) { port in
            let (first, second, closed) = try await onThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.write("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                let first = connection.readResponse()
                try connection.write("GET /guide.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                return (first, connection.readToEnd(), connection.closedByServer)
            }
            #expect(first.statusLine == "HTTP/1.1 200 OK")
            #expect(first.header("connection") == nil)
            #expect(first.text.contains("첫 페이지."))
            #expect(second.statusLine == "HTTP/1.1 200 OK")
            #expect(second.header("connection") == "close")
            #expect(second.text.contains("두 번째 페이지."))
            #expect(closed)
        }
    }

    @Test("an event stream ends when its page closes the connection, not at the next build")
    func streamEndsWithPage() async throws {
        let site = try TemporarySite(files: Self.files)
        let model = PreviewModel()
        try await withPreviewServer(root: site.root, model: model) { port in
            try await onThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.write("GET /__labsite/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                _ = connection.read(until: "\"version\":1}")
            }
            // The connection is closed when the thread's work returns; nothing is published since.
            #expect(try await PreviewServerTests.waitUntil { await model.subscriberCount == 0 })
        }
    }
}
