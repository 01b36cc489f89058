import Foundation
import Testing

@testable import LabSite

@Suite("Markdown arena")
struct MarkdownArenaTests {
    @Test("allocations are zeroed, aligned and apart, even after a document reused the block")
    func zeroedAndApart() throws {
        MarkdownArena.withArena {
            if let dirty = MarkdownArena.allocate(1, 64) { memset(dirty, 0xAB, 64) }
        }
        try MarkdownArena.withArena {
            let first = try #require(MarkdownArena.allocate(3, 7))
            let second = try #require(MarkdownArena.allocate(1, 64))
            #expect(Int(bitPattern: first) % 16 == 0)
            #expect(Int(bitPattern: second) % 16 == 0)
            #expect(second - first >= 21)
            #expect(UnsafeRawBufferPointer(start: first, count: 21).allSatisfy { $0 == 0 })
            #expect(UnsafeRawBufferPointer(start: second, count: 64).allSatisfy { $0 == 0 })
        }
    }

    @Test("realloc grows the newest allocation in place and copies an older one")
    func reallocate() throws {
        try MarkdownArena.withArena {
            let older = try #require(MarkdownArena.allocate(1, 8))
            older.storeBytes(of: 0x0102_0304_0506_0708, as: UInt64.self)
            let newest = try #require(MarkdownArena.allocate(1, 8))
            newest.storeBytes(of: 42, as: UInt64.self)

            let grown = try #require(MarkdownArena.reallocate(newest, 4096))
            #expect(grown == newest)
            #expect(grown.load(as: UInt64.self) == 42)

            let moved = try #require(MarkdownArena.reallocate(older, 100))
            #expect(moved != older)
            #expect(moved.load(as: UInt64.self) == 0x0102_0304_0506_0708)
            // The grown allocation is not overwritten by the moved one.
            #expect(moved - grown >= 4096)
        }
    }

    @Test("a document larger than the kept block gets more blocks")
    func largeDocument() throws {
        try MarkdownArena.withArena {
            var pointers: [UnsafeMutableRawPointer] = []
            for index in 0..<40 {
                let pointer = try #require(MarkdownArena.allocate(1, 32 * 1024))
                memset(pointer, Int32(index), 32 * 1024)
                pointers.append(pointer)
            }
            for (index, pointer) in pointers.enumerated() {
                let bytes = UnsafeRawBufferPointer(start: pointer, count: 32 * 1024)
                #expect(bytes.allSatisfy { $0 == UInt8(index) })
            }
            let huge = try #require(MarkdownArena.allocate(1, 1 << 20))
            #expect(UnsafeRawBufferPointer(start: huge, count: 1 << 20).allSatisfy { $0 == 0 })
        }
    }

    @Test("outside an arena the C library's allocator is used, and free frees")
    func outsideArena() throws {
        let pointer = try #require(MarkdownArena.allocate(2, 16))
        pointer.storeBytes(of: 7, as: Int.self)
        let grown = try #require(MarkdownArena.reallocate(pointer, 1 << 16))
        #expect(grown.load(as: Int.self) == 7)
        MarkdownArena.release(grown)
        MarkdownArena.release(nil)
    }

    @Test("an overflowing or absurd size is refused")
    func refusedSizes() {
        MarkdownArena.withArena {
            #expect(MarkdownArena.allocate(Int.max / 2, 4) == nil)
            #expect(MarkdownArena.reallocate(nil, Int.max) == nil)
        }
    }

    @Test("many documents on several threads render as they do one at a time")
    func threads() async throws {
        let renderer = MarkdownRenderer()
        let documents = (0..<64).map { index in
            "# 제목 \(index)\n\n**[경보 생성]**을 누릅니다. `code` [link](a.md)\n\n"
                + String(repeating: "- 항목 *\(index)*\n", count: index * 20)
        }
        let alone = try documents.map { try renderer.render($0).html }
        let together = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, try renderer.render(document).html) }
            }
            var results = [String](repeating: "", count: documents.count)
            for try await (index, html) in group { results[index] = html }
            return results
        }
        #expect(together == alone)
    }
}
