import Foundation
import Hummingbird
import LabSite
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
        /// A build failed with `errorCount` errors, the first of them in these `path:line: error: …`
        /// lines (see ``BuildErrors/reportLines``); the last good site stays served.
        case failed([String], errorCount: Int, changes: [String])
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
        try await run(model: PreviewModel(), stopsOnSignals: stopsOnSignals, onEvent: onEvent)
    }

    /// ``run(stopsOnSignals:onEvent:)`` with `model` holding the state, which tests look into.
    func run(
        model: PreviewModel, stopsOnSignals: Bool = false, onEvent: @escaping @Sendable (Event) -> Void
    ) async throws {
        let watcher = SourceWatcher(sourceDirectory: builder.sourceDirectory)
        // Watching starts before the first scan, so that no change falls between the two.
        let notifier = ChangeNotifier(sourceDirectory: builder.sourceDirectory)
        let listing = watcher.scanListing()
        var cache = RenderCache()
        cache.defersHandout = true
        cache.sourceListing = listing.isPlain ? listing.stamps : nil
        await Self.rebuild(builder, cache: &cache, model: model, changes: [], onEvent: onEvent)

        var logger = Logger(label: "labsite.serve")
        // Hummingbird logs cancelled connections as errors when the server stops; the command
        // reports what matters itself.
        logger.logLevel = .critical
        let host = host
        let app = Application(
            responder: PreviewResponder(model: model),
            server: .previewHTTP1,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onEvent(.serving("http://\(shownHost):\(port)/"))
            },
            logger: logger)
        let watch = WatchService(
            server: self, watcher: watcher, notifier: notifier, listing: listing, cache: cache, model: model,
            onEvent: onEvent)
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
        _ builder: SiteBuilder, cache: inout RenderCache, model: PreviewModel, changes: [String],
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
                    contentDirectory: builder.sourceDirectory.appendingPathComponent("content", isDirectory: true),
                    handout: cache.deferredHandout))
            onEvent(
                .built(cache.statistics, seconds: seconds, changes: changes, warnings: site.warnings))
            MemoryTrim.returnFreedMemory()
        } catch {
            let lines = Self.errorLines(error)
            await model.fail(lines.joined(separator: "\n"))
            onEvent(.failed(lines, errorCount: (error as? BuildErrors)?.count ?? 1, changes: changes))
        }
    }

    /// One `path:line: error: reason` line per problem, up to ``ErrorTally/listedCount`` of them.
    static func errorLines(_ error: any Error) -> [String] {
        if let errors = error as? BuildErrors { return errors.reportLines }
        if let located = error as? any LocatedError { return [located.errorDescription ?? located.reason] }
        return ["labsite: error: \(error.localizedDescription)"]
    }
}

/// Watches the sources and rebuilds after each burst of changes: the ``ChangeNotifier`` names
/// changed paths at once where it works; a full scan of every file's stamp runs as well, for
/// changes the notifier does not see, as often as keeps it to a twentieth of one core, or to a
/// hundredth next to a notifier (a scan of a large site is slow, and one running when a page is
/// saved delays the rebuild).
private struct WatchService: Service {
    let server: PreviewServer
    let watcher: SourceWatcher
    let notifier: ChangeNotifier?
    let listing: SourceWatcher.Listing
    let cache: RenderCache
    let model: PreviewModel
    let onEvent: @Sendable (PreviewServer.Event) -> Void

    func run() async throws {
        let (server, watcher, notifier) = (server, watcher, notifier)
        let (initialListing, initialCache, model, onEvent) = (listing, cache, model, onEvent)
        try? await cancelWhenGracefulShutdown {
            var last = initialListing
            var cache = initialCache
            let clock = ContinuousClock()
            var scanTime = Duration.zero
            var lastScan = clock.now
            while true {
                try await Task.sleep(for: server.pollInterval)
                var current: SourceWatcher.Listing
                // The paths that may have changed, when fewer than all of them.
                var candidates: Set<String>?
                // `nil`: no notifier; `.some(nil)`: it lost events; otherwise the paths it named.
                let events = notifier.map { $0.changedPaths() }
                if case .some(.some(var paths)) = events, !paths.isEmpty {
                    // Wait for the burst of saves to end: a whole quiet period without a further event.
                    var lost = false
                    while !lost {
                        try await Task.sleep(for: server.quietPeriod)
                        guard let more = notifier?.changedPaths() else {
                            lost = true
                            break
                        }
                        if more.isEmpty { break }
                        paths.formUnion(more)
                    }
                    current = last
                    if lost {
                        current = watcher.scanListing()
                    } else {
                        watcher.update(&current, paths: paths, notifier: notifier)
                        candidates = paths
                    }
                } else if case .some(.none) = events {
                    current = watcher.scanListing()
                } else if clock.now - lastScan >= max(server.pollInterval, scanTime * (notifier == nil ? 20 : 100)) {
                    let scanStart = clock.now
                    current = watcher.scanListing()
                    lastScan = clock.now
                    scanTime = lastScan - scanStart
                    guard current.stamps != last.stamps else { continue }
                    while true {
                        try await Task.sleep(for: server.quietPeriod)
                        let again = watcher.scanListing()
                        if again.stamps == current.stamps { break }
                        current = again
                    }
                } else {
                    continue
                }
                let changes = SourceWatcher.changes(from: last, to: current, among: candidates)
                last = current
                guard !changes.isEmpty else { continue }
                cache.sourceListing = current.isPlain ? current.stamps : nil
                await PreviewServer.rebuild(
                    server.builder, cache: &cache, model: model, changes: changes, onEvent: onEvent)
            }
        }
        await model.close()
    }
}
