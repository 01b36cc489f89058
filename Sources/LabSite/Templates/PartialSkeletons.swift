import Synchronization

/// The skeletons of the templates sections render, made once per template and shape of context
/// and shared by every page rendered with one ``TemplateRenderer`` (one theme).
///
/// `nil` is stored for a shape whose template does more with its texts than insert them, which is
/// then rendered by swift-mustache each time.
///
/// Every page of a large trail looks its shape up here from one of several threads at once, so
/// the table is split into shards, each behind its own lock, and a key's hash is worked out
/// before any lock is taken; pages rendered in a run keep what they found in a
/// ``RecentSkeletons`` of their own, which takes no lock at all.
final class PartialSkeletons: Sendable {
    /// A template's name and the key of a context's ``PageSkeleton/Shape``.
    struct Key: Hashable, Sendable {
        var name: String
        var shape: PageSkeleton.ShapeKey

        func hash(into hasher: inout Hasher) {
            // The shape's hash was worked out as it was built; the name is one of a few templates.
            hasher.combine(shape.hash)
        }
    }

    /// One part of the table, behind its own lock.
    private final class Shard: Sendable {
        let table = Mutex<[Key: PageSkeleton?]>([:])
    }

    private let shards = (0..<16).map { _ in Shard() }

    private func shard(for key: Key) -> Shard {
        shards[Int(UInt(bitPattern: key.shape.hash) % UInt(shards.count))]
    }

    /// The skeleton of template `name` for contexts of shape `key` when one was made (`nil`
    /// inside when the template needs swift-mustache), `nil` when the shape is new.
    func skeleton(for key: Key) -> PageSkeleton?? {
        shard(for: key).table.withLock { $0[key] }
    }

    /// Keeps `skeleton` for template `name` and contexts of shape `key`.
    func store(_ skeleton: PageSkeleton?, for key: Key) {
        shard(for: key).table.withLock { $0[key] = skeleton }
    }

    /// How many shapes have a skeleton (or are known to need swift-mustache), for tests.
    var count: Int { shards.reduce(0) { count, shard in count + shard.table.withLock { $0.count } } }
}
