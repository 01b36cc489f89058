import LabSite

/// The state shared by the preview server's requests and its rebuild loop: the site being
/// served, the build status and the open event streams. An actor, because requests read it
/// while the rebuild loop replaces it.
actor PreviewModel {
    private(set) var site: PreviewSite?
    private(set) var state = PreviewState(version: 0, error: nil)
    private var subscribers: [Int: AsyncStream<PreviewState>.Continuation] = [:]
    private var nextSubscriber = 0
    private var closed = false

    /// Serves `site` from now on and tells every open page to reload.
    func publish(_ site: PreviewSite) {
        self.site = site
        update(PreviewState(version: state.version + 1, error: nil))
    }

    /// Keeps serving the last good site and tells every open page about the failure.
    func fail(_ error: String) {
        update(PreviewState(version: state.version, error: error))
    }

    /// The site and version to answer a request with.
    func current() -> (site: PreviewSite?, state: PreviewState) {
        (site, state)
    }

    /// A stream of states, starting with the current one; it ends when the server stops.
    func subscribe() -> AsyncStream<PreviewState> {
        let (stream, continuation) = AsyncStream.makeStream(of: PreviewState.self, bufferingPolicy: .bufferingNewest(1))
        continuation.yield(state)
        if closed {
            continuation.finish()
            return stream
        }
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    /// Ends every event stream, so that open connections finish and the server can stop.
    func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// How many pages are listening (for tests).
    var subscriberCount: Int { subscribers.count }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    private func update(_ newState: PreviewState) {
        state = newState
        for continuation in subscribers.values { continuation.yield(newState) }
    }
}
