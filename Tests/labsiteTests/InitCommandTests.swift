import Foundation
import Testing

@testable import LabSite

/// `labsite init` and `labsite --version`, run as a user would.
@Suite("labsite init and --version")
struct InitCommandTests {
    static func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "labsite-init-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try body(root)
    }

    @Test("init writes the starter, lists its files and says what to run next")
    func writes() throws {
        try Self.withTemporaryFolder { root in
            let result = try BuiltExecutable.run(["init", "my course"], in: root)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
            let listed = CourseStarter.files.map { "  \($0.path)" }.joined(separator: "\n")
            #expect(
                result.stdout == """
                    labsite: wrote a new course into my course:
                    \(listed)
                    Next: labsite serve --source 'my course'   (a preview that reloads as you edit)
                          labsite build --source 'my course'   (the site, into my course/public)

                    """)
            let course = root.appendingPathComponent("my course")
            #expect(
                try TemporarySite.snapshot(of: course).keys.sorted() == CourseStarter.files.map(\.path).sorted())
        }
    }

    @Test("init into a folder that holds a file exits 1 naming the folder, and writes nothing")
    func refuses() throws {
        try Self.withTemporaryFolder { root in
            try Data("# notes\n".utf8).write(to: root.appendingPathComponent("notes.md"))
            let result = try BuiltExecutable.run(["init"], in: root)
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr
                    == ".: error: The folder is not empty (it holds `notes.md`); labsite init writes a new course "
                    + "only into an empty or missing folder, so that it never overwrites a file. Choose a new folder "
                    + "name.\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["notes.md"])
        }
    }

    @Test("the course init writes builds with exit 0 and no warning")
    func builds() throws {
        try Self.withTemporaryFolder { root in
            let course = root.appendingPathComponent("course")
            let written = try BuiltExecutable.run(["init", course.path])
            #expect(written.status == 0, "\(written.stderr)")
            let output = root.appendingPathComponent("site")
            let built = try BuiltExecutable.run([
                "build", "--no-cache", "--source", course.path, "--output", output.path,
            ])
            #expect(built.status == 0, "\(built.stderr)")
            #expect(built.stderr.isEmpty, "warnings: \(built.stderr)")
            let files = try TemporarySite.snapshot(of: output)
            for page in ["index.html", "labs/ec2-first-instance.html", "labs/images/ec2-launch.svg", "print.html"] {
                #expect(files[page] != nil, "\(page)")
            }
        }
    }

    @Test("--version names labsite's version and the libcmark and zlib it runs with")
    func version() throws {
        let result = try BuiltExecutable.run(["--version"])
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .newlines)
        #expect(
            line.wholeMatch(of: /labsite \d+\.\d+\.\d+ \(libcmark \d+\.\d+\.\d+[^,)]*, zlib \d+\.\d+(\.\d+)*[^)]*\)/)
                != nil, "\(line)")
        #expect(line == LabSiteVersion.description)
        #expect(line.hasPrefix("labsite \(LabSiteVersion.number) ("))
    }
}
