import Foundation

/// Gives the memory a rebuild freed back to the system.
///
/// glibc's allocator keeps freed memory in its heaps for later use, and fragmented heaps rarely
/// shrink by themselves: each rebuild holds the old and the new site at once and then frees one,
/// so the server's resident size climbed over its first few dozen rebuilds before it levelled off
/// (`Benchmarks/serve/README.md` has the figures). `malloc_trim` returns the
/// free pages after each rebuild. Swift's Glibc module does not include `malloc.h`, so the
/// function is looked up by name; elsewhere it is missing and nothing is done.
enum MemoryTrim {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        #if os(Linux)
            guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: Trim.self)
        #else
            return nil
        #endif
    }()

    /// Returns the allocator's free pages to the system, where it can.
    static func returnFreedMemory() {
        _ = trim?(0)
    }
}
