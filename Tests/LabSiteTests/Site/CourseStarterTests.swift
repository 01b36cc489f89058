import Foundation
import Testing

@testable import LabSite

@Suite("Course starter (labsite init)")
struct CourseStarterTests {
    static let expectedPaths = [
        ".gitignore",
        "content/site.yml",
        "content/index.md",
        "content/labs/ec2-first-instance.md",
        "content/labs/images/ec2-launch.svg",
        "content/alarms/README.txt",
        "content/iam/README.txt",
        "content/trail/README.txt",
    ]

    /// A fresh folder path under the system's temporary folder, removed when `body` ends.
    static func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "labsite-init-test-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try body(root)
    }

    @Test("the starter lists exactly its files")
    func fileList() {
        #expect(CourseStarter.files.map(\.path) == Self.expectedPaths)
        for file in CourseStarter.files {
            #expect(file.text.hasSuffix("\n") && !file.text.hasSuffix("\n\n"), "\(file.path)")
        }
    }

    @Test("a missing folder is created with every file, parents too, and nothing else beside it")
    func missingFolder() throws {
        try Self.withTemporaryFolder { root in
            let course = root.appendingPathComponent("a/b/my-course", isDirectory: true)
            #expect(try CourseStarter(directory: course).write() == Self.expectedPaths)
            let snapshot = try TemporarySite.snapshot(of: course)
            #expect(snapshot.keys.sorted() == Self.expectedPaths.sorted())
            for file in CourseStarter.files {
                #expect(snapshot[file.path] == Data(file.text.utf8), "\(file.path)")
            }
            // No staging folder is left beside the course.
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: course.deletingLastPathComponent().path) == [
                    "my-course"
                ])
        }
    }

    @Test("an empty folder is filled in place")
    func emptyFolder() throws {
        try Self.withTemporaryFolder { root in
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try CourseStarter(directory: root).write()
            #expect(try TemporarySite.snapshot(of: root).keys.sorted() == Self.expectedPaths.sorted())
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".gitignore", "content"])
        }
    }

    @Test("a folder holding anything, a hidden file too, is refused and left as it was")
    func nonEmptyFolder() throws {
        for name in ["notes.md", ".git"] {
            try Self.withTemporaryFolder { root in
                try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
                try Data("x".utf8).write(to: root.appendingPathComponent(name))
                let error = try #require(throws: SiteError.self) {
                    try CourseStarter(directory: root, shownPath: "my-course").write()
                }
                #expect(error.path == "my-course")
                #expect(
                    error.reason
                        == "The folder is not empty (it holds `\(name)`); labsite init writes a new course only into "
                        + "an empty or missing folder, so that it never overwrites a file. Choose a new folder name.")
                #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == [name])
            }
        }
        try Self.withTemporaryFolder { root in
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for name in ["a", "b", "c"] { try Data().write(to: root.appendingPathComponent(name)) }
            let error = try #require(throws: SiteError.self) { try CourseStarter(directory: root).write() }
            #expect(error.reason.hasPrefix("The folder is not empty (it holds `a` and 2 more); "))
            #expect(error.path == root.path)
        }
    }

    @Test("a file in the folder's place is refused")
    func fileInPlace() throws {
        try Self.withTemporaryFolder { root in
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let file = root.appendingPathComponent("course")
            try Data("x".utf8).write(to: file)
            let error = try #require(throws: SiteError.self) { try CourseStarter(directory: file).write() }
            #expect(
                error.reason == "This path is a file, not a folder; labsite init writes a new course into a folder.")
            #expect(try Data(contentsOf: file) == Data("x".utf8))
        }
    }

    @Test("a folder that cannot be created is an error with the system's cause, and leaves nothing")
    func unwritable() throws {
        try Self.withTemporaryFolder { root in
            // A path through a file cannot become a folder, whoever runs the test.
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: root.appendingPathComponent("file"))
            let course = root.appendingPathComponent("file/course")
            let error = try #require(throws: SiteError.self) { try CourseStarter(directory: course).write() }
            #expect(error.reason.hasPrefix("The folder could not be created: "))
            #expect(error.reason.hasSuffix("."))
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["file"])
        }
    }

    @Test("the home page reads as a page; the lab has steps 1 to 7 and uses every kind of syntax")
    func pages() throws {
        let index = try #require(CourseStarter.files.first { $0.path == "content/index.md" })
        let (frontMatter, body, _) = try FrontMatter.split(index.text, path: index.path)
        #expect(frontMatter.title == "나의 AWS 실습")
        #expect(body.contains("(labs/ec2-first-instance.md)"))
        // The lab's front matter has lists (objectives, prerequisites), which the build reads as lab facts.
        let lab = try #require(CourseStarter.files.first { $0.path == "content/labs/ec2-first-instance.md" })
        let steps = lab.text.split(separator: "\n").filter {
            $0.hasPrefix("## ") && $0.dropFirst(3).first?.isNumber == true
        }
        #expect(steps.map { String($0.dropFirst(3).prefix { $0 != "." }) } == ["1", "2", "3", "4", "5", "6", "7"])
        for syntax in [
            "> [!TIP]", "> [!NOTE]-", "> [!TAB 콘솔]", "> [!TAB AWS CLI]", "```console", "```bash", "{{region}}",
            "](images/ec2-launch.svg \"", "updated: 2026-12-01", "duration:", "objectives:", "prerequisites:", "cost:",
            "region:",
        ] {
            #expect(lab.text.contains(syntax), "\(syntax)")
        }
    }

    @Test("the figure is an SVG whose size the image reader finds")
    func figure() throws {
        let svg = try #require(CourseStarter.files.first { $0.path.hasSuffix(".svg") })
        #expect(try ImageSize.read(Array(svg.text.utf8)) == ImageSize(width: 720, height: 200))
    }
}
