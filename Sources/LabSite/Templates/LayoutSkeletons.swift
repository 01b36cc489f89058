import Synchronization

/// The skeletons of whole pages (`page.mustache` inside `layout.mustache`), made from the second
/// page of a shape on.
///
/// Making a skeleton renders a page twice more, which pays only when other pages share its
/// shape: a page of its own shape (the home page, with a card for every lab) is rendered by
/// swift-mustache once instead.
final class LayoutSkeletons: Sendable {
    private let skeletons = PageSkeletonCache()
    // Keyed by the shape's words, whose hash was worked out as they were written: every page
    // looks its shape up under this one lock, and hashing its bytes there kept the others waiting.
    private let seen = Mutex<Set<PageSkeleton.ShapeKey>>([])

    /// The skeleton of shape `key`, made by `make` if need be; `nil` for the first page of a shape
    /// and for a shape the templates need to render in full.
    func skeleton(for key: PageSkeleton.ShapeKey, make: () throws -> PageSkeleton?) throws -> PageSkeleton? {
        if seen.withLock({ $0.insert(key).inserted }) { return nil }
        return try skeletons.skeleton(for: key, make: make)
    }
}
