import Foundation
import Testing

@testable import LabSite

@Suite("Output writer")
struct OutputWriterTests {
    static func inode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int)
    }

    @Test("a rebuild links the files that did not change and writes the ones that did")
    func reusesUnchangedFiles() throws {
        let site = try TemporarySite(files: [:])
        let writer = OutputWriter(destination: site.output)
        try writer.write([.text("a.html", "같음"), .text("b/c.html", "old"), .text("d.txt", "x")])
        let same = try Self.inode(site.output.appendingPathComponent("a.html"))
        let changed = try Self.inode(site.output.appendingPathComponent("b/c.html"))

        try writer.write([.text("a.html", "같음"), .text("b/c.html", "new"), .text("e.txt", "")])
        #expect(try Self.inode(site.output.appendingPathComponent("a.html")) == same)
        #expect(try Self.inode(site.output.appendingPathComponent("b/c.html")) != changed)
        #expect(
            try TemporarySite.snapshot(of: site.output) == [
                "a.html": Data("같음".utf8), "b/c.html": Data("new".utf8), "e.txt": Data(),
            ])
    }

    @Test("a symlink in the old site is never linked into the new one")
    func symlinksAreRewritten() throws {
        let site = try TemporarySite(files: ["outside.txt": "secret"])
        let writer = OutputWriter(destination: site.output)
        try writer.write([.text("a.txt", "secret")])
        let file = site.output.appendingPathComponent("a.txt")
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createSymbolicLink(
            at: file, withDestinationURL: site.root.appendingPathComponent("outside.txt"))

        try writer.write([.text("a.txt", "secret")])
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try site.read("a.txt") == "secret")
    }

    @Test("a discarded staging folder leaves the old site and no temporary folder")
    func discard() throws {
        let site = try TemporarySite(files: [:])
        let writer = OutputWriter(destination: site.output)
        try writer.write([.text("a.html", "one")])
        let staging = try writer.stage()
        try staging.write([.text("a.html", "two")])
        staging.discard()
        #expect(try site.read("a.html") == "one")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path) == ["public"])
    }

    @Test("writers on several threads may create the same new folders at once")
    func concurrentFolders() async throws {
        let site = try TemporarySite(files: [:])
        let staging = try OutputWriter(destination: site.output).stage()
        // Eight threads each write one file into each of 40 new folders, in the same order, so
        // that they ask for the same folders at the same moment.
        try await WorkerThreads.forEach(8, threadCount: 8) { writer in
            try staging.write((0..<40).map { .text("events/\($0)/a/\(writer).html", "\(writer)") })
        }
        try staging.commit()
        let written = try TemporarySite.snapshot(of: site.output)
        #expect(written.count == 8 * 40)
        #expect(written["events/39/a/7.html"] == Data("7".utf8))
    }

    @Test("the replaced site is deleted by a separate process, and a leftover one at the next build")
    func removalInBackground() async throws {
        let site = try TemporarySite(files: [:])
        let writer = OutputWriter(destination: site.output, removesOldSiteInBackground: true)
        try writer.write([.text("a.html", "one"), .text("b/c.html", "old")])
        try writer.write([.text("a.html", "two")])
        #expect(try TemporarySite.snapshot(of: site.output) == ["a.html": Data("two".utf8)])
        #expect(try await Self.onlyOutputRemains(in: site))

        // A replaced site whose removal was cut short.
        let leftover = site.root.appendingPathComponent(".public\(OutputWriter.retiredMarker)1-2/x")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try writer.write([.text("a.html", "three")])
        #expect(try await Self.onlyOutputRemains(in: site))
        #expect(try site.read("a.html") == "three")
    }

    @Test("the background removal is an rm process of its own that deletes the folder")
    func removalProcess() throws {
        let site = try TemporarySite(files: ["old/a/b.html": "x", "old/c.txt": "y"])
        let staging = try OutputWriter(destination: site.output, removesOldSiteInBackground: true).stage()
        defer { staging.discard() }
        let process = try #require(staging.remove(site.root.appendingPathComponent("old")))
        var status: Int32 = 0
        #expect(waitpid(process, &status, 0) == process)
        #expect(status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("old").path))
        let synchronous = try OutputWriter(destination: site.output).stage()
        defer { synchronous.discard() }
        try site.write("old2/d.txt", "z")
        #expect(synchronous.remove(site.root.appendingPathComponent("old2")) == nil)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("old2").path))
    }

    @Test("a staging folder's lock file is locked while it is written and removed with it")
    func stagingIsLocked() throws {
        let site = try TemporarySite(files: [:])
        let writer = OutputWriter(destination: site.output)
        let staging = try writer.stage()
        let lockPath = staging.root.path + OutputWriter.lockSuffix
        #expect(FileManager.default.fileExists(atPath: lockPath))
        #expect(StagingLock.takeOver(lockPath) == nil)
        try staging.write([.text("a.html", "one")])
        try staging.commit()
        #expect(site.siblingsOfOutput == ["public"])

        try writer.stage().discard()
        #expect(site.siblingsOfOutput == ["public"])
    }

    @Test("a build removes the staging folders of builds that died, and only those")
    func leftoverStagings() throws {
        let site = try TemporarySite(files: [:])
        let fileManager = FileManager.default
        func folder(_ name: String) throws {
            try fileManager.createDirectory(
                at: site.root.appendingPathComponent("\(name)/events/a"), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: site.root.appendingPathComponent("\(name)/events/a/e.html"))
        }
        func lockFile(_ name: String) -> String {
            let path = site.root.appendingPathComponent(name + OutputWriter.lockSuffix).path
            fileManager.createFile(atPath: path, contents: nil)
            return path
        }
        // A build that was killed: its lock file is there, but nothing holds the lock.
        try folder(".public.labsite-new-dead")
        _ = lockFile(".public.labsite-new-dead")
        // A build still running in another process, holding its lock.
        try folder(".public.labsite-new-running")
        let held = open(lockFile(".public.labsite-new-running"), O_RDWR)
        defer { close(held) }
        #expect(flock(held, LOCK_EX | LOCK_NB) == 0)
        // A lock file whose build died before it made its folder.
        _ = lockFile(".public.labsite-new-early")
        // Folders from a labsite that took no lock, named after the process that wrote them.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        try folder(".public.labsite-new-\(ended.processIdentifier)-1")
        try folder(".public.labsite-new-\(getpid())-2")
        // Not a staging folder at all.
        try folder(".publicity")

        try OutputWriter(destination: site.output).write([.text("a.html", "new")])
        #expect(
            site.siblingsOfOutput == [
                ".public.labsite-new-\(getpid())-2", ".public.labsite-new-running",
                ".public.labsite-new-running.lock", ".publicity", "public",
            ])
        #expect(try site.read("a.html") == "new")
    }

    /// Whether the site's folder holds only `public` within a few seconds (the removal runs apart).
    static func onlyOutputRemains(in site: borrowing TemporarySite) async throws -> Bool {
        for _ in 0..<100 {
            if try FileManager.default.contentsOfDirectory(atPath: site.root.path) == ["public"] { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }
}
