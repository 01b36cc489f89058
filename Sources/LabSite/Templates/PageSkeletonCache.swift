import Synchronization

/// The page skeletons made so far, by shape key; `nil` for a shape the templates need to render in full.
final class PageSkeletonCache: Sendable {
    private let known = Mutex<[PageSkeleton.ShapeKey: PageSkeleton?]>([:])

    func skeleton(for key: PageSkeleton.ShapeKey, make: () throws -> PageSkeleton?) throws -> PageSkeleton? {
        if let found = known.withLock({ $0[key] }) { return found }
        // Made outside the lock: two batches may both make the first skeleton of a shape, which is
        // cheaper than making every batch wait on one template render.
        let made = try make()
        known.withLock { $0[key] = made }
        return made
    }
}
