import Foundation
import Synchronization
import Testing

@testable import LabSite
@testable import LabSitePreview

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real server on an ephemeral port of 127.0.0.1, fetched with URLSession.
@Suite("labsite serve end to end", .timeLimit(.minutes(2)))
struct PreviewServerTests {
    /// What the server reported, for the test to wait on.
    final class EventLog: Sendable {
        private let state = Mutex<(url: String?, failures: [[String]], builds: Int)>((nil, [], 0))

        func record(_ event: PreviewServer.Event) {
            state.withLock { state in
                switch event {
                case .serving(let url): state.url = url
                case .built: state.builds += 1
                case .failed(let lines, _, _): state.failures.append(lines)
                }
            }
        }

        var url: String? { state.withLock { $0.url } }
        var failures: [[String]] { state.withLock { $0.failures } }
        var builds: Int { state.withLock { $0.builds } }
    }

    /// Polls `condition` every 20 ms for up to `seconds`.
    static func waitUntil(seconds: Double = 20, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    static func fetch(_ url: String) async throws -> (status: Int, body: String, type: String?) {
        let request = URLRequest(url: try #require(URL(string: url)), timeoutInterval: 10)
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, String(decoding: data, as: UTF8.self), http.value(forHTTPHeaderField: "Content-Type"))
    }

    @Test("serves the default site, rebuilds a saved page, shows a broken edit and keeps the last good site")
    func editLoop() async throws {
        let copy = try CourseCopy()
        let log = EventLog()
        let server = PreviewServer(
            builder: SiteBuilder(sourceDirectory: copy.root, sectionTypes: courseSections), host: "127.0.0.1", port: 0)
        let task = Task { try await server.run { log.record($0) } }
        defer { task.cancel() }

        #expect(try await Self.waitUntil { log.url != nil })
        let base = try #require(log.url)
        #expect(base.hasPrefix("http://127.0.0.1:"))
        let page = try await Self.fetch(base + "cloudwatch.html")
        #expect(page.status == 200)
        #expect(page.type == "text/html; charset=utf-8")
        #expect(page.body.contains("<script id=\"labsite-live-reload\">"))
        #expect(try await Self.fetch(base + "nope.html").status == 404)
        #expect(!FileManager.default.fileExists(atPath: copy.root.appendingPathComponent("public").path))

        try copy.edit("content/cloudwatch.md") { $0 + "\n실시간으로 바뀐 문장이다.\n" }
        #expect(try await Self.waitUntil { try await Self.fetch(base + "cloudwatch.html").body.contains("실시간으로 바뀐") })

        try copy.edit("content/cloudwatch.md") { $0 + "\n[없는 페이지](missing.md)\n" }
        #expect(try await Self.waitUntil { !log.failures.isEmpty })
        let failure = try #require(log.failures.first)
        #expect(failure.count == 1)
        #expect(failure.first?.hasPrefix("content/cloudwatch.md:") == true)
        #expect(failure.first?.contains(": error: ") == true)
        let stale = try await Self.fetch(base + "cloudwatch.html")
        #expect(stale.status == 200)
        #expect(stale.body.contains("실시간으로 바뀐"))

        let buildsBefore = log.builds
        try copy.edit("content/cloudwatch.md") { $0.replacingOccurrences(of: "\n[없는 페이지](missing.md)\n", with: "\n") }
        #expect(try await Self.waitUntil { log.builds > buildsBefore })

        // The suite's time limit bounds this wait if the server did not stop.
        task.cancel()
        _ = try? await task.value
    }
}
