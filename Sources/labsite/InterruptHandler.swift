import Dispatch
import Foundation
import LabSite

/// What SIGINT (Ctrl-C) and SIGTERM do during a build: remove the build's staging folder, so
/// that nothing is left beside the output folder, which stays as it was, and end as the signal
/// would have.
///
/// The signals are taken off their default action and handled on a dispatch queue, outside
/// signal-handler context, where removing folders and taking locks is safe.
struct InterruptHandler: ~Copyable {
    private let sources: [any DispatchSourceSignal]

    /// Handles SIGINT and SIGTERM from now until this value goes away; `beforeExit` runs first
    /// (it erases the progress line).
    init(beforeExit: @escaping @Sendable () -> Void = {}) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global(qos: .userInitiated))
            source.setEventHandler {
                beforeExit()
                OutputWriter.discardUnfinishedBuildsAndExit(by: number)
            }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
