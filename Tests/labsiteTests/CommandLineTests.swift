import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail
@testable import LabSiteCloudWatch
@testable import LabSiteIAM

/// Runs the built `labsite` executable as a user would.
@Suite("labsite command")
struct CommandLineTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try BuiltExecutable.run(arguments)
    }

    @Test("build prints a summary; a broken page exits 1 with path:line and keeps the old site")
    func buildAndFail() throws {
        let site = try TemporarySite(files: ["content/index.md": "---\ntitle: 홈\n---\n# 홈\n"])
        let ok = try Self.run(["build", "--source", site.root.path])
        #expect(ok.status == 0)
        let lines = ok.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("labsite: search index ") == true)
        #expect(lines.last?.hasPrefix("labsite: wrote 3 pages (8 files) to \(site.root.path)/public in ") == true)
        let before = try TemporarySite.snapshot(of: site.output)

        try site.write("content/index.md", "---\ntitle: 홈\n---\n\n[깨진 링크](nope.md)\n")
        let failed = try Self.run(["build", "--source", site.root.path])
        #expect(failed.status == 1)
        #expect(
            failed.stderr == """
                content/index.md:5: error: The link `nope.md` points at content/nope.md, which does not exist.
                labsite: the build failed with 1 error(s); the output folder was not changed.

                """)
        #expect(try TemporarySite.snapshot(of: site.output) == before)
    }

    @Test("a page with 200,000 broken links fails with the first 20 errors, in line order, and a count of the rest")
    func manyErrors() throws {
        var page = "---\ntitle: 링크\n---\n# 링크\n\n"
        for link in 0..<200_000 { page += "[없는 제목 \(link)](#없는-제목-\(link)) 문장입니다.\n\n" }
        let site = try TemporarySite(files: ["content/index.md": page])
        let failed = try Self.run(["build", "--source", site.root.path])
        #expect(failed.status == 1)
        let lines = failed.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 23)
        #expect(
            lines.first
                == "content/index.md:6: error: The link `#없는-제목-0` points at the anchor `#없는-제목-0`, but this page has no heading with that id."
        )
        #expect(lines[19].hasPrefix("content/index.md:44: error: The link `#없는-제목-19` "))
        #expect(
            lines.suffix(3) == [
                "…and 199980 more errors.",
                "labsite: the build failed with 200000 error(s); the output folder was not changed.", "",
            ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(site.siblingsOfOutput == ["content"])
    }

    @Test("the executable builds the course with the same sections as the tests' courseSections")
    func sameSections() async throws {
        // `Sources/labsite/CourseSections.swift` and the test support each list the sections; a
        // section missing from one would change the site, so the two builds must be equal.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "labsite-sections-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let (byBinary, byLibrary) = (root.appendingPathComponent("binary"), root.appendingPathComponent("library"))
        let built = try Self.run(["build", "--no-cache", "--source", Repository.root.path, "--output", byBinary.path])
        #expect(built.status == 0, "\(built.stderr)")
        try await SiteBuilder(
            sourceDirectory: Repository.root, outputDirectory: byLibrary, sectionTypes: courseSections
        )
        .build()
        let binaryFiles = try TemporarySite.snapshot(of: byBinary)
        #expect(binaryFiles.keys.contains("alarms/lab-myalarm.html") && binaryFiles.keys.contains("iam/index.html"))
        #expect(binaryFiles == (try TemporarySite.snapshot(of: byLibrary)))
    }

    @Test("a key that reveals an account is a warning on stderr; --redact replaces it and says how many")
    func revealingKey() throws {
        let key = try #require(AWSIdentifier.make(prefix: "AKIA", account: 210_987_654_321, filler: 3)).text
        let site = try TemporarySite(files: ["content/index.md": "---\ntitle: 홈\n---\n\n키 `\(key)`\n"])
        let plain = try Self.run(["build", "--source", site.root.path])
        #expect(plain.status == 0)
        #expect(
            plain.stderr == "content/index.md:5: warning: The access key id `\(key)` encodes the AWS account "
                + "210987654321, which no published file names, so publishing it reveals that account; replace it "
                + "with an id of the sample account, or build with --redact.\n")
        let redacted = try Self.run(["build", "--redact", "--source", site.root.path])
        #expect(redacted.status == 0 && redacted.stderr.isEmpty)
        #expect(redacted.stdout.contains("\nlabsite: --redact replaced 1 id that revealed an AWS account\n"))
        #expect(!(try site.read("index.html")).contains(key))
    }

    @Test("--help documents the options")
    func help() throws {
        let help = try Self.run(["build", "--help"])
        #expect(help.stdout.contains("--source <source>"))
        #expect(help.stdout.contains("--output <output>"))
    }

    @Test("events --redact prints every event of the sample trail without its account id or addresses")
    func eventsRedact() throws {
        let trail = Repository.root.appendingPathComponent("content/trail").path
        let plain = try Self.run(["events", "--format", "jsonl", trail])
        let redacted = try Self.run(["events", "--redact", "--format", "jsonl", trail])
        #expect(plain.status == 0)
        #expect(redacted.status == 0)
        #expect(plain.stdout.split(separator: "\n").count == redacted.stdout.split(separator: "\n").count)
        #expect(plain.stdout.contains("123456789012"))
        for value in ["123456789012", "203.0.113.25", "198.51.100.7"] {
            #expect(!redacted.stdout.contains(value))
        }
    }
}
