import Synchronization

/// Which stages a build is in and how far along each is, for a progress line on a terminal.
///
/// The event pages of a large trail are written while the rest of the site is rendered, so more
/// than one stage can be under way; each report lists them all, in the order they began.
public final class BuildProgress: Sendable {
    /// A named stage of ``SiteBuilder/build()``.
    public enum Stage: String, Sendable, CaseIterable {
        case load = "loading"
        case markdown = "Markdown"
        case sections = "sections"
        case checks = "checking"
        case templates = "templates"
        case handout = "handout"
        case streamed = "event pages"
        case write = "writing"
    }

    /// One stage under way: its name, the items done and the items it has (0 when not counted).
    public struct Part: Sendable, Equatable {
        /// The stage.
        public var stage: Stage
        /// Items done so far.
        public var done: Int
        /// Items in the stage, or 0 for a stage that is not counted.
        public var total: Int
    }

    private let report: (@Sendable ([Part]) -> Void)?
    private let parts = Mutex<[Part]>([])

    /// Progress sent to `report` on every change (the caller throttles what it prints); `nil`
    /// reports nothing.
    public init(report: (@Sendable ([Part]) -> Void)?) {
        self.report = report
    }

    /// Progress that reports nothing.
    package static let silent = BuildProgress(report: nil)

    /// Marks `stage` as begun, with `total` items to do.
    package func begin(_ stage: Stage, total: Int = 0) {
        update { parts in
            parts.removeAll { $0.stage == stage }
            parts.append(Part(stage: stage, done: 0, total: total))
        }
    }

    /// Counts `count` more items of `stage` as done.
    package func advance(_ stage: Stage, by count: Int = 1) {
        update { parts in
            if let index = parts.firstIndex(where: { $0.stage == stage }) { parts[index].done += count }
        }
    }

    /// Marks `stage` as over.
    package func end(_ stage: Stage) {
        update { parts in parts.removeAll { $0.stage == stage } }
    }

    private func update(_ change: (inout [Part]) -> Void) {
        guard let report else { return }
        report(
            parts.withLock { parts in
                change(&parts)
                return parts
            })
    }
}
