import Foundation
import Testing

@testable import LabSite

/// Builds whose output folder is on a file system that fills up: a small tmpfs, which only root
/// can mount (CI runs as root; elsewhere the suite is skipped).
@Suite("A full disk", .enabled(if: getuid() == 0, "mounting a tmpfs needs root"), .serialized)
struct FullDiskTests {
    /// A tmpfs of `megabytes` mounted on a fresh folder, unmounted and removed when it goes.
    struct SmallFileSystem: ~Copyable {
        let root: URL

        init(megabytes: Int) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent(
                "labsite-tmpfs-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", root.path])
        }

        deinit {
            try? Self.run("/bin/umount", [root.path])
            try? FileManager.default.removeItem(at: root)
        }

        var entries: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        }

        static func run(_ tool: String, _ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "\(tool) \(arguments.joined(separator: " ")) failed")
        }
    }

    static let page = "---\ntitle: 홈\n---\n# 홈\n\n본문입니다.\n"

    /// Bytes that no file system stores in less space than their length.
    static func noise(megabytes: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<(megabytes << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    @Test("a build that fills the output's file system names the file and the system's cause, and changes nothing")
    func fillsUp() async throws {
        let disk = try SmallFileSystem(megabytes: 4)
        let site = try TemporarySite(files: ["content/index.md": Self.page])
        let output = disk.root.appendingPathComponent("public", isDirectory: true)
        let builder = SiteBuilder(sourceDirectory: site.root, outputDirectory: output, sectionTypes: [])
        try await builder.build()
        let before = try TemporarySite.snapshot(of: output)

        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent("content/files"), withIntermediateDirectories: true)
        try Self.noise(megabytes: 5).write(to: site.root.appendingPathComponent("content/files/big.bin"))
        let error = try await #require(throws: SiteError.self) { try await builder.build() }
        #expect(error.errorDescription == "\(output.path)/files/big.bin: error: no space left on device")
        #expect(try TemporarySite.snapshot(of: output) == before)
        #expect(disk.entries == ["public"])
    }

    @Test("a build onto a file system that is already full fails the same way")
    func alreadyFull() async throws {
        let disk = try SmallFileSystem(megabytes: 8)
        let site = try TemporarySite(files: ["content/index.md": Self.page])
        let output = disk.root.appendingPathComponent("public", isDirectory: true)
        let builder = SiteBuilder(sourceDirectory: site.root, outputDirectory: output, sectionTypes: [])
        try await builder.build()
        let before = try TemporarySite.snapshot(of: output)
        // Fill what is left, until the system says there is no more room.
        let fillerPath = disk.root.appendingPathComponent("filler").path
        #expect(FileManager.default.createFile(atPath: fillerPath, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: fillerPath))
        for chunk in [Self.noise(megabytes: 1), Data(count: 4096)] {
            while (try? handle.write(contentsOf: chunk)) != nil {}
        }
        try? handle.close()

        try site.write("content/index.md", Self.page + "\n바뀐 문장입니다.\n")
        let error = try await #require(throws: SiteError.self) { try await builder.build() }
        #expect(error.reason.hasSuffix("no space left on device") || error.reason.hasSuffix("no space left on device."))
        #expect(error.path.hasPrefix(output.path))
        #expect(try TemporarySite.snapshot(of: output) == before)
        #expect(disk.entries == ["filler", "public"])
    }
}
