/// The skeletons a run of pages rendered by one caller has used so far (the events of one log
/// file, the rows of one table), looked up without a lock.
///
/// The pages of a run share a few shapes; looking each one up in ``PartialSkeletons``, which every
/// thread of a build shares, made the threads wait on each other's locks.
package struct RecentSkeletons: Sendable {
    private var known: [PartialSkeletons.Key: PageSkeleton?] = [:]

    /// An empty memory, for one run of pages.
    package init() {}

    /// The skeleton kept for `key` (`nil` inside for a shape swift-mustache renders), `nil` when
    /// this run has not met the shape.
    func skeleton(for key: PartialSkeletons.Key) -> PageSkeleton?? {
        known[key]
    }

    /// Keeps `skeleton` for `key`.
    mutating func keep(_ skeleton: PageSkeleton?, for key: PartialSkeletons.Key) {
        known[key] = skeleton
    }
}
