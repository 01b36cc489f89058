import Foundation

/// The combined handout (`print.html`) of one preview build, rendered when it is first requested
/// rather than on every rebuild: for a large course it is tens of megabytes of HTML, which an author
/// rarely opens while editing. The text is the same a clean build writes (including `--redact`).
///
/// A class, because the requests that share one build share the rendering; a lock guards it.
package final class DeferredHandout: @unchecked Sendable {
    /// The inputs the handout is made from; a later build with an equal key reuses the rendering.
    let key: PrintHandout.Key
    private let render: @Sendable () throws -> String
    private let lock = NSLock()
    private var result: Result<String, any Error>?

    /// A handout rendered by `render` on first use, or taken from `previous` when its key is equal
    /// and it was rendered (the caller passes no `previous` when the templates changed).
    init(key: PrintHandout.Key, previous: DeferredHandout?, render: @escaping @Sendable () throws -> String) {
        self.key = key
        self.render = render
        if let previous, previous.key == key, case .success(let html)? = previous.stored {
            result = .success(html)
        }
    }

    /// The rendering so far, if any.
    private var stored: Result<String, any Error>? {
        lock.withLock { result }
    }

    /// The handout's HTML, rendered on the first call.
    package func html() throws -> String {
        try lock.withLock {
            if let result { return try result.get() }
            let rendered = Result { try render() }
            result = rendered
            return try rendered.get()
        }
    }
}
