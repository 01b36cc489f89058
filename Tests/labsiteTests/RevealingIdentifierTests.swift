import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail
@testable import LabSiteCloudWatch
@testable import LabSiteIAM

/// The build's check for AWS ids that reveal an account the published data does not name.
@Suite("Ids that reveal an account")
struct RevealingIdentifierTests {
    static let foreignKey = AWSIdentifier.make(prefix: "AKIA", account: 210_987_654_321, filler: 3)?.text ?? ""
    static let foreignUser =
        AWSIdentifier.make(prefix: "AIDA", account: 444_455_556_666, filler: 5, length: 21)?.text ?? ""
    static let sampleKey = AWSIdentifier.make(prefix: "ASIA", account: 123_456_789_012, filler: 1)?.text ?? ""

    static func files() -> [String: String] {
        [
            "content/site.yml": "title: 실습\n",
            "content/lab.md": "---\ntitle: 실습\n---\n\n키는 `\(foreignKey)`이다.\n\n예시 키는 `AKIAIOSFODNN7EXAMPLE`이다.\n",
            "content/trail/events.json": """
            {"Records":[{"eventVersion":"1.11","eventTime":"2026-11-17T01:54:10Z","eventName":"GetCallerIdentity",\
            "eventID":"e1","recipientAccountId":"123456789012","userIdentity":{"type":"IAMUser",\
            "principalId":"\(foreignUser)","accessKeyId":"\(sampleKey)","accountId":"123456789012"}}]}
            """,
        ]
    }

    @Test("an id from another account is a warning with file and line, in Markdown and in a trail")
    func warnings() async throws {
        let site = try TemporarySite(files: Self.files())
        let report = try await SiteBuilder(sourceDirectory: site.root, sectionTypes: courseSections).build()
        let messages = report.warnings.map(\.description).filter { $0.contains("encodes the AWS account") }
        #expect(messages.count == 2)
        #expect(messages.contains { $0.hasPrefix("content/lab.md:5: warning: The access key id `\(Self.foreignKey)`") })
        #expect(messages.contains { $0.contains("account 210987654321") })
        #expect(
            messages.contains {
                $0.hasPrefix("content/trail/events.json:1: warning: The unique id `\(Self.foreignUser)`")
                    && $0.contains("account 444455556666")
            })
        #expect(report.redactedIdentifierCount == 0)
        #expect(try site.read("lab.html").contains(Self.foreignKey))
    }

    @Test("an account in a published file's path is named: its ids reveal nothing more")
    func namedInPath() async throws {
        var files = Self.files()
        files["content/trail/events.json"] = nil
        files["content/keys/210987654321/README.txt"] = "이 폴더의 키\n"
        let site = try TemporarySite(files: files)
        let report = try await SiteBuilder(sourceDirectory: site.root, sectionTypes: courseSections).build()
        #expect(!report.warnings.contains { $0.message.contains("encodes the AWS account") })
    }

    @Test("--redact replaces them everywhere, says how many, and warns no more")
    func redact() async throws {
        let site = try TemporarySite(files: Self.files())
        let report = try await SiteBuilder(
            sourceDirectory: site.root, options: BuildOptions(redact: true), sectionTypes: courseSections
        ).build()
        #expect(!report.warnings.contains { $0.message.contains("encodes the AWS account") })
        #expect(report.redactedIdentifierCount == 2)
        let published = try TemporarySite.snapshot(of: site.output).values.map { String(decoding: $0, as: UTF8.self) }
        #expect(!published.contains { $0.contains(Self.foreignKey) || $0.contains(Self.foreignUser) })
        let lab = try site.read("lab.html")
        #expect(lab.contains("<code>AKIAREDACTED00000001</code>"))
        #expect(lab.contains("AKIAIOSFODNN7EXAMPLE"))
    }

    @Test("the shipped course reveals no account")
    func shippedCourse() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("labsite-ids-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try await SiteBuilder(
            sourceDirectory: Repository.root, outputDirectory: output, sectionTypes: courseSections
        ).build()
        #expect(report.warnings.filter { $0.message.contains("encodes the AWS account") }.isEmpty)
    }
}
