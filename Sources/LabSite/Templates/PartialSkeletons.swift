import Synchronization

/// The skeletons of the templates sections render, made once per template and shape of context
/// and shared by every page rendered with one ``TemplateRenderer`` (one theme).
///
/// `nil` is stored for a shape whose template does more with its texts than insert them, which is
/// then rendered by swift-mustache each time.
final class PartialSkeletons: Sendable {
    /// A template's name and the key of a context's ``PageSkeleton/Shape``.
    private struct Key: Hashable, Sendable {
        var name: String
        var shape: [UInt8]

        // `Array`'s own hashing feeds the hasher one byte at a time; an event page's key has
        // hundreds of bytes and is hashed once per page.
        func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            shape.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private let known = Mutex<[Key: PageSkeleton?]>([:])

    /// The skeleton of template `name` for contexts of shape `key` when one was made (`nil`
    /// inside when the template needs swift-mustache), `nil` when the shape is new.
    func skeleton(for name: String, key: [UInt8]) -> PageSkeleton?? {
        known.withLock { $0[Key(name: name, shape: key)] }
    }

    /// Keeps `skeleton` for template `name` and contexts of shape `key`.
    func store(_ skeleton: PageSkeleton?, for name: String, key: [UInt8]) {
        known.withLock { $0[Key(name: name, shape: key)] = skeleton }
    }

    /// How many shapes have a skeleton (or are known to need swift-mustache), for tests.
    var count: Int { known.withLock { $0.count } }
}
