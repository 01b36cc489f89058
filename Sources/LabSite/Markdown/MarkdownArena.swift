import Foundation

/// Memory for cmark's syntax trees, handed out by moving a pointer along a block and taken back
/// all at once when a document is done.
///
/// cmark allocates every node, string and buffer of a document on its own and frees them one by
/// one; with the C library's allocator that was about a tenth of a large build's CPU time, two
/// threads contending for its arenas. A document's allocations all die together, so inside
/// ``withArena(_:)`` they come from a block the thread keeps between documents, and `free` does
/// nothing. ``MarkdownRenderer`` passes the three functions to cmark as its `cmark_mem`.
///
/// Each allocation is preceded by a 16-byte header holding its size (so that `realloc` can grow
/// the newest allocation in place, as cmark's string buffers do, or copy an older one) and whether
/// it came from `malloc` instead: outside ``withArena(_:)`` the functions fall back to the C
/// library, so memory cmark allocates there stays valid until cmark frees it.
enum MarkdownArena {
    /// Allocates `count` × `size` zeroed bytes (cmark's `calloc`).
    static func allocate(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, let pointer = take(bytes) else { return nil }
        memset(pointer, 0, bytes)
        return pointer
    }

    /// Resizes an allocation, keeping its bytes (cmark's `realloc`).
    static func reallocate(_ pointer: UnsafeMutableRawPointer?, _ bytes: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return take(bytes) }
        return resize(pointer, to: bytes)
    }

    /// Frees an allocation made outside an arena; one from an arena goes when the arena ends
    /// (cmark's `free`).
    static func release(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer else { return }
        let header = Header(of: pointer)
        if header.fromMalloc { free(header.base) }
    }

    /// Runs `body` with this thread's arena: what cmark allocates through ``allocate`` inside it
    /// is freed when it returns, so no pointer cmark handed out may outlive it.
    static func withArena<Result>(_ body: () throws -> Result) rethrows -> Result {
        guard let state = Arena.ofThisThread() else { return try body() }
        state.pointee.depth += 1
        defer {
            state.pointee.depth -= 1
            if state.pointee.depth == 0 { state.pointee.reset() }
        }
        return try body()
    }

    // MARK: - Allocation

    /// Bytes before each allocation: its size, then 1 when it came from `malloc`.
    private static let headerSize = 16

    /// Sizes are rounded up to this, so that every allocation is aligned as `malloc`'s are.
    private static let alignment = 16

    private static func rounded(_ bytes: Int) -> Int {
        (bytes + alignment - 1) & ~(alignment - 1)
    }

    /// `bytes` bytes, not zeroed, from this thread's arena when one is in use.
    private static func take(_ bytes: Int) -> UnsafeMutableRawPointer? {
        guard bytes >= 0, bytes <= Int.max / 2 else { return nil }
        if let state = Arena.ofThisThread(), state.pointee.depth > 0 {
            return state.pointee.take(rounded(bytes), size: bytes)
        }
        guard let base = malloc(headerSize + bytes) else { return nil }
        Header.write(size: bytes, fromMalloc: true, at: base)
        return base + headerSize
    }

    private static func resize(_ pointer: UnsafeMutableRawPointer, to bytes: Int) -> UnsafeMutableRawPointer? {
        guard bytes >= 0, bytes <= Int.max / 2 else { return nil }
        let header = Header(of: pointer)
        if header.fromMalloc {
            guard let base = realloc(header.base, headerSize + bytes) else { return nil }
            Header.write(size: bytes, fromMalloc: true, at: base)
            return base + headerSize
        }
        if let state = Arena.ofThisThread(), state.pointee.depth > 0,
            state.pointee.grow(pointer, from: header.size, to: bytes)
        {
            return pointer
        }
        guard let moved = take(bytes) else { return nil }
        memcpy(moved, pointer, min(header.size, bytes))
        return moved
    }

    /// The header in front of an allocation.
    private struct Header {
        let base: UnsafeMutableRawPointer
        let size: Int
        let fromMalloc: Bool

        init(of pointer: UnsafeMutableRawPointer) {
            base = pointer - MarkdownArena.headerSize
            size = base.load(as: Int.self)
            fromMalloc = base.load(fromByteOffset: MemoryLayout<Int>.size, as: Int.self) == 1
        }

        static func write(size: Int, fromMalloc: Bool, at base: UnsafeMutableRawPointer) {
            base.storeBytes(of: size, as: Int.self)
            base.storeBytes(of: fromMalloc ? 1 : 0, toByteOffset: MemoryLayout<Int>.size, as: Int.self)
        }
    }

    /// One thread's blocks. The first block is kept from document to document; a document that
    /// needs more gets more blocks, freed when it is done.
    private struct Arena {
        /// The size of the block a thread keeps: a few times what a long lab page needs.
        static let blockSize = 256 * 1024

        /// The first block, kept.
        var first: UnsafeMutableRawPointer
        /// Blocks added for the current document, freed by ``reset()``.
        var extra: [UnsafeMutableRawPointer] = []
        /// Where the next allocation goes, and the end of its block.
        var cursor: UnsafeMutableRawPointer
        var end: UnsafeMutableRawPointer
        /// The newest allocation, which ``grow(_:from:to:)`` may extend in place.
        var newest: UnsafeMutableRawPointer?
        /// Nesting of ``MarkdownArena/withArena(_:)`` on this thread.
        var depth = 0

        init?() {
            guard let block = malloc(Self.blockSize) else { return nil }
            first = block
            cursor = block
            end = block + Self.blockSize
        }

        mutating func take(_ rounded: Int, size: Int) -> UnsafeMutableRawPointer? {
            let needed = MarkdownArena.headerSize + rounded
            if end - cursor < needed {
                let blockSize = max(Self.blockSize, needed)
                guard let block = malloc(blockSize) else { return nil }
                extra.append(block)
                cursor = block
                end = block + blockSize
            }
            Header.write(size: size, fromMalloc: false, at: cursor)
            let pointer = cursor + MarkdownArena.headerSize
            cursor += needed
            newest = pointer
            return pointer
        }

        /// Extends the newest allocation to `bytes` when its block has room.
        mutating func grow(_ pointer: UnsafeMutableRawPointer, from size: Int, to bytes: Int) -> Bool {
            guard pointer == newest else { return bytes <= size }
            let newEnd = pointer + MarkdownArena.rounded(bytes)
            guard newEnd <= end else { return false }
            Header.write(size: bytes, fromMalloc: false, at: pointer - MarkdownArena.headerSize)
            cursor = newEnd
            return true
        }

        mutating func reset() {
            for block in extra { free(block) }
            extra = []
            cursor = first
            end = first + Self.blockSize
            newest = nil
        }

        /// This thread's arena, made on first use and freed with the thread.
        static func ofThisThread() -> UnsafeMutablePointer<Arena>? {
            let key = MarkdownArena.threadKey
            if let stored = pthread_getspecific(key) { return stored.assumingMemoryBound(to: Arena.self) }
            guard let arena = Arena() else { return nil }
            let state = UnsafeMutablePointer<Arena>.allocate(capacity: 1)
            state.initialize(to: arena)
            pthread_setspecific(key, state)
            return state
        }

        /// Frees a thread's arena when the thread ends.
        static func destroy(_ raw: UnsafeMutableRawPointer?) {
            guard let state = raw?.assumingMemoryBound(to: Arena.self) else { return }
            state.pointee.reset()
            free(state.pointee.first)
            state.deinitialize(count: 1)
            state.deallocate()
        }
    }

    /// The thread-local slot holding each thread's ``Arena``.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { Arena.destroy($0) }
        return key
    }()
}
