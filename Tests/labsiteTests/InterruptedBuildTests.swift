import Foundation
import LabSiteTestSupport
import Testing

/// `labsite build` stopped by SIGINT (Ctrl-C) or SIGTERM while it writes: it removes its staging
/// folder, leaves the output folder as it was, and ends by the signal.
@Suite("An interrupted build")
struct InterruptedBuildTests {
    /// Pages enough that a debug build is still writing them when the signal arrives.
    static func addPages(to site: borrowing TemporarySite) throws {
        let paragraph = "본문 문장입니다. **강조**와 `코드`가 있습니다.\n\n"
        for page in 0..<3000 {
            try site.write(
                "content/p/\(page).md",
                "---\ntitle: 페이지 \(page)\n---\n# 페이지 \(page)\n\n" + String(repeating: paragraph, count: 30))
        }
    }

    @Test("SIGINT and SIGTERM remove the build's staging folder and leave the old site", arguments: [SIGINT, SIGTERM])
    func signal(_ number: Int32) async throws {
        let site = try TemporarySite(files: ["content/index.md": "---\ntitle: 홈\n---\n# 홈\n"])
        #expect(try BuiltExecutable.run(["build", "--source", site.root.path, "--no-cache"]).status == 0)
        let before = try TemporarySite.snapshot(of: site.output)
        try Self.addPages(to: site)

        let process = Process()
        process.executableURL = try BuiltExecutable.url()
        process.arguments = ["build", "--source", site.root.path, "--no-cache"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The signal goes once the staging folder holds pages. Watched from a thread of its own:
        // the test's own tasks share two cores with every other test and may wait their turn.
        let root = site.root
        let staged = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                while process.isRunning {
                    if Self.stagingWithPages(in: root) {
                        kill(process.processIdentifier, number)
                        continuation.resume(returning: true)
                        return
                    }
                    usleep(2000)
                }
                continuation.resume(returning: false)
            }
        }
        process.waitUntilExit()
        try #require(staged, "the build ended before it wrote a page")

        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == number)
        // A large staging folder is moved aside and removed by a process of its own.
        var siblings = site.siblingsOfOutput
        for _ in 0..<200 where siblings != ["content", "public"] {
            try await Task.sleep(for: .milliseconds(50))
            siblings = site.siblingsOfOutput
        }
        #expect(siblings == ["content", "public"])
        #expect(try TemporarySite.snapshot(of: site.output) == before)
    }

    /// Whether a staging folder beside `root/public` holds pages of `content/p/`.
    static func stagingWithPages(in root: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.contains { name in
            name.hasPrefix(".public.labsite-new-") && !name.hasSuffix(".lock")
                && ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("\(name)/p").path))?
                    .isEmpty == false)
        }
    }
}
