import Synchronization

/// The skeletons of the templates sections render, made once per template and shape of context
/// and shared by every page rendered with one ``TemplateRenderer`` (one theme).
///
/// `nil` is stored for a shape whose template does more with its texts than insert them, which is
/// then rendered by swift-mustache each time.
///
/// Every page of a large trail looks its shape up here from one of several threads at once, so
/// the table is split into shards, each behind its own lock, and a key is hashed before any lock
/// is taken: with one lock, hashing inside it, the threads spent much of a build waiting.
final class PartialSkeletons: Sendable {
    /// A template's name and the key of a context's ``PageSkeleton/Shape``, hashed once.
    private struct Key: Hashable, Sendable {
        var name: String
        var shape: [UInt8]
        var hash: Int

        init(name: String, shape: [UInt8]) {
            self.name = name
            self.shape = shape
            // `Array`'s own hashing feeds the hasher one byte at a time; an event page's key has
            // hundreds of bytes.
            var hasher = Hasher()
            hasher.combine(name)
            shape.withUnsafeBytes { hasher.combine(bytes: $0) }
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }

        static func == (left: Key, right: Key) -> Bool {
            left.hash == right.hash && left.name == right.name && left.shape == right.shape
        }
    }

    /// One part of the table, behind its own lock.
    private final class Shard: Sendable {
        let table = Mutex<[Key: PageSkeleton?]>([:])
    }

    private let shards = (0..<16).map { _ in Shard() }

    private func shard(for key: Key) -> Shard {
        shards[Int(UInt(bitPattern: key.hash) % UInt(shards.count))]
    }

    /// The skeleton of template `name` for contexts of shape `key` when one was made (`nil`
    /// inside when the template needs swift-mustache), `nil` when the shape is new.
    func skeleton(for name: String, key: [UInt8]) -> PageSkeleton?? {
        let key = Key(name: name, shape: key)
        return shard(for: key).table.withLock { $0[key] }
    }

    /// Keeps `skeleton` for template `name` and contexts of shape `key`.
    func store(_ skeleton: PageSkeleton?, for name: String, key: [UInt8]) {
        let key = Key(name: name, shape: key)
        shard(for: key).table.withLock { $0[key] = skeleton }
    }

    /// How many shapes have a skeleton (or are known to need swift-mustache), for tests.
    var count: Int { shards.reduce(0) { count, shard in count + shard.table.withLock { $0.count } } }
}
