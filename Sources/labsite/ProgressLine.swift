import Foundation
import LabSite
import Synchronization

/// A one-line account of a long build on a terminal, redrawn in place as cargo does:
/// `labsite: templates 4200/10000 · event pages 31000/100000`.
///
/// Only when standard error is a terminal and `CI` is unset; piped or in CI the build prints its
/// summary alone. The line is redrawn at most ten times a second and erased when the build ends.
final class ProgressLine: Sendable {
    private let lastDrawn = Mutex<(time: ContinuousClock.Instant?, visible: Bool)>((nil, false))
    private let clock = ContinuousClock()

    /// The progress to hand a builder: reports to this line on a terminal, nothing otherwise.
    var progress: BuildProgress {
        guard isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["CI"] == nil else {
            return BuildProgress(report: nil)
        }
        return BuildProgress { [self] (parts: [BuildProgress.Part]) in draw(parts) }
    }

    /// Erases the line, if one was drawn, so that what follows starts on a clean line.
    func erase() {
        lastDrawn.withLock { state in
            if state.visible { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            state.visible = false
        }
    }

    private func draw(_ parts: [BuildProgress.Part]) {
        let now = clock.now
        lastDrawn.withLock { state in
            if let time = state.time, now - time < .milliseconds(100) { return }
            state.time = now
            state.visible = true
            let text = parts.map { $0.total > 0 ? "\($0.stage.rawValue) \($0.done)/\($0.total)" : $0.stage.rawValue }
            FileHandle.standardError.write(Data("\r\u{1B}[Klabsite: \(text.joined(separator: " · "))".utf8))
        }
    }
}
