import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `labsite serve`: builds the site into memory, serves it over HTTP and rebuilds it when
/// `content/` or `templates/` change, telling open pages to reload.
///
/// Nothing is written to disk: the site is served from the rendered files, and the live-reload
/// script is added to HTML responses only. A failed rebuild keeps the last good site served.
/// Rebuilds reuse a ``RenderCache``, so a change to one page renders that page and the pages
/// whose template context it changes.
public struct PreviewServer: Sendable {
    /// What the server reports while it runs.
    public enum Event: Sendable {
        /// The server listens at this URL (`http://127.0.0.1:8000/`).
        case serving(String)
        /// A build succeeded: what it redid, how long it took, the changed files that caused it.
        case built(RenderCache.Statistics, seconds: Double, changes: [String], warnings: [BuildWarning])
        /// A build failed with these `path:line: error: …` lines; the last good site stays served.
        case failed([String], changes: [String])
    }

    /// Builds the site (its source and sections; its output folder is not used).
    public var builder: SiteBuilder
    /// The address to listen on; loopback by default.
    public var host: String
    /// The port; 0 asks the system for a free one (reported through ``Event/serving(_:)``).
    public var port: Int
    /// How often the sources are checked for changes, at the most: a large source folder is
    /// checked less often, so that watching takes at most a twentieth of one core.
    public var pollInterval: Duration = .milliseconds(10)
    /// How long the sources must stay unchanged before a rebuild, so a burst of saves gives one.
    public var quietPeriod: Duration = .milliseconds(10)

    /// Creates a server for `builder`'s source folder.
    public init(builder: SiteBuilder, host: String = "127.0.0.1", port: Int = 8000) {
        self.builder = builder
        self.host = host
        self.port = port
    }

    /// Builds, serves and watches until the task is cancelled or, with `stopsOnSignals`, until
    /// SIGINT or SIGTERM; open event streams are closed so that the server stops promptly.
    ///
    /// - Throws: ``PreviewError`` when the server cannot listen (for example, the port is taken).
    public func run(stopsOnSignals: Bool = false, onEvent: @escaping @Sendable (Event) -> Void) async throws {
        let model = PreviewModel()
        let watcher = SourceWatcher(sourceDirectory: builder.sourceDirectory)
        let stamps = watcher.scan()
        var cache: RenderCache? = RenderCache()
        await Self.rebuild(builder, cache: &cache, model: model, changes: [], onEvent: onEvent)

        var logger = Logger(label: "labsite.serve")
        // Hummingbird logs cancelled connections as errors when the server stops; the command
        // reports what matters itself.
        logger.logLevel = .critical
        let host = host
        let app = Application(
            responder: PreviewResponder(model: model),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onEvent(.serving("http://\(shownHost):\(port)/"))
            },
            logger: logger)
        let watch = WatchService(
            server: self, watcher: watcher, stamps: stamps, cache: cache, model: model, onEvent: onEvent)
        // Services stop in reverse order: the watcher first, closing the event streams, then the server.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [app, watch], gracefulShutdownSignals: stopsOnSignals ? [.sigint, .sigterm] : [],
                logger: logger))
        do {
            try await group.run()
        } catch is CancellationError {
            return
        } catch {
            throw PreviewError(
                path: "\(host):\(port)", reason: "The preview server could not listen or stopped: \(error).")
        }
    }

    /// Renders the site with `cache` and publishes it, or reports the errors and keeps the old site.
    static func rebuild(
        _ builder: SiteBuilder, cache: inout RenderCache?, model: PreviewModel, changes: [String],
        onEvent: @Sendable (Event) -> Void
    ) async {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let site = try await builder.renderSite(cache: &cache)
            let seconds = (clock.now - start) / .milliseconds(1) / 1000
            await model.publish(
                PreviewSite(
                    files: site.files,
                    contentDirectory: builder.sourceDirectory.appendingPathComponent("content", isDirectory: true)))
            onEvent(
                .built(cache?.statistics ?? .init(), seconds: seconds, changes: changes, warnings: site.warnings))
        } catch {
            let lines = Self.errorLines(error)
            await model.fail(lines.joined(separator: "\n"))
            onEvent(.failed(lines, changes: changes))
        }
    }

    /// One `path:line: error: reason` line per problem.
    static func errorLines(_ error: any Error) -> [String] {
        if let errors = error as? BuildErrors { return errors.errors.map { $0.errorDescription ?? $0.reason } }
        if let located = error as? any LocatedError { return [located.errorDescription ?? located.reason] }
        return ["labsite: error: \(error.localizedDescription)"]
    }
}

/// Polls the sources and rebuilds after each burst of changes.
private struct WatchService: Service {
    let server: PreviewServer
    let watcher: SourceWatcher
    let stamps: [String: SourceWatcher.Stamp]
    let cache: RenderCache?
    let model: PreviewModel
    let onEvent: @Sendable (PreviewServer.Event) -> Void

    func run() async throws {
        let server = server
        let watcher = watcher
        let (initialStamps, initialCache, model, onEvent) = (stamps, cache, model, onEvent)
        try? await cancelWhenGracefulShutdown {
            var last = initialStamps
            var cache = initialCache
            let clock = ContinuousClock()
            var scanTime = Duration.zero
            while true {
                try await Task.sleep(for: max(server.pollInterval, scanTime * 20))
                let scanStart = clock.now
                var current = watcher.scan()
                scanTime = clock.now - scanStart
                guard current != last else { continue }
                // Wait for the burst of saves to end: a whole quiet period without a further change.
                while true {
                    try await Task.sleep(for: server.quietPeriod)
                    let again = watcher.scan()
                    if again == current { break }
                    current = again
                }
                let changes = SourceWatcher.changes(from: last, to: current)
                last = current
                await PreviewServer.rebuild(
                    server.builder, cache: &cache, model: model, changes: changes, onEvent: onEvent)
            }
        }
        await model.close()
    }
}
