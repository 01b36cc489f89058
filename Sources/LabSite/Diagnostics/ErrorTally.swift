/// The errors of a build as it reports them: the first ``listedCount`` in file and line order, and
/// how many there were in all.
///
/// A page with 200,000 broken links would otherwise hold 200,000 messages, none of which past the
/// first screenful is read; a tally keeps a bounded number however many are added, each in time
/// proportional to ``listedCount``.
public struct ErrorTally: Sendable {
    /// How many errors are kept to be listed: enough to fix in one pass, few enough that the first
    /// ones do not scroll away.
    public static let listedCount = 20

    /// The first errors in file and line order, at most ``listedCount`` of them.
    public private(set) var listed: [any LocatedError] = []
    /// How many errors were added, listed or not.
    public private(set) var count = 0

    /// An empty tally.
    public init() {}

    /// A tally of `errors`.
    public init(_ errors: some Sequence<any LocatedError>) {
        for error in errors { add(error) }
    }

    /// Whether no error was added.
    public var isEmpty: Bool { count == 0 }

    /// Counts `error`, and keeps it when it is among the first ``listedCount`` so far.
    public mutating func add(_ error: any LocatedError) {
        count += 1
        // Errors mostly arrive in order, so the place is usually at the end.
        var index = listed.endIndex
        while index > listed.startIndex, Self.precedes(error, listed[index - 1]) { index -= 1 }
        guard index < Self.listedCount else { return }
        listed.insert(error, at: index)
        if listed.count > Self.listedCount { listed.removeLast() }
    }

    /// Counts every error of `other`, keeping the first of both.
    public mutating func add(_ other: ErrorTally) {
        for error in other.listed { add(error) }
        count += other.count - other.listed.count
    }

    /// File order, then line order; an error without a line comes first in its file.
    static func precedes(_ first: any LocatedError, _ second: any LocatedError) -> Bool {
        (first.path, first.line ?? 0) < (second.path, second.line ?? 0)
    }
}
