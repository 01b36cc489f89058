import Foundation
import Testing

@testable import LabSite
@testable import LabSiteIAM

/// Runs the built `labsite policy check` as a user would.
@Suite("labsite policy check command")
struct PolicyCommandTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try BuiltExecutable.run(arguments, in: Repository.root)
    }

    @Test("findings print like a compiler's; an error or a security warning makes the exit status 1")
    func text() throws {
        let flagged = try Self.run(["policy", "check", "Tests/Fixtures/iam/policy-check/pass-role.json"])
        #expect(flagged.status == 1)
        #expect(flagged.stderr.isEmpty)
        let lines = flagged.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.map { $0.components(separatedBy: " ").prefix(3).joined(separator: " ") } == [
                "Tests/Fixtures/iam/policy-check/pass-role.json:7:44: error: [INVALID_ACTION]",
                "Tests/Fixtures/iam/policy-check/pass-role.json:13:17: warning: [PERMISSIONS_MANAGEMENT_ACTIONS]",
                "Tests/Fixtures/iam/policy-check/pass-role.json:14:19: warning: [PASS_ROLE_WITH_STAR_IN_RESOURCE]",
                "Tests/Fixtures/iam/policy-check/pass-role.json:14:19: warning: [RESOURCE_STAR]",
            ])
        let clean = try Self.run(["policy", "check", "Tests/Fixtures/iam/policy-check/get-policy-version.json"])
        #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.isEmpty)
    }

    @Test("--format json prints one array of documents in Access Analyzer's finding shape")
    func json() throws {
        let result = try Self.run([
            "policy", "check", "--format", "json", "Tests/Fixtures/iam/policy-check/get-policy-version.json",
            "Tests/Fixtures/iam/policy-check/account-details.json",
        ])
        #expect(result.status == 1)
        let value = try JSONValue.parse(result.stdout)
        let documents = try #require(value.arrayValue)
        #expect(
            documents.map { $0["policy"]?.stringValue ?? "" } == [
                "PolicyVersion.Document", "UserDetailList[0] (lab-user).UserPolicyList[0] (read-logs)",
                "RoleDetailList[0] (CloudTrailRoleForCloudWatchLogs).AssumeRolePolicyDocument",
            ])
        let finding = try #require(documents[1]["findings"]?.arrayValue?.first)
        #expect(finding["findingType"]?.stringValue == "ERROR")
        #expect(finding["issueCode"]?.stringValue == "INVALID_ACTION")
        #expect(finding["locations"]?.arrayValue?.first?["span"]?["start"]?["line"]?.numberValue == 12)
    }

    @Test("a missing file and a file that is no policy are errors on stderr, status 1, the others still checked")
    func unreadable() throws {
        let result = try Self.run([
            "policy", "check", "nope.json", "content/site.yml",
            "Tests/Fixtures/iam/policy-check/get-policy-version.json",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.split(separator: "\n").map(String.init) == [
                "nope.json: error: The file cannot be read.",
                "content/site.yml:1: error: The file is not valid JSON: unexpected 't' where a value was expected (column 1).",
            ])
    }

    @Test("the course's build reports the policies' findings as warnings with line and column")
    func buildWarnings() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "labsite-policy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let build = try Self.run(["build", "--output", output.path])
        #expect(build.status == 0)
        #expect(
            build.stderr.contains(
                "content/iam/policies/AWSCloudTrail_FullAccess.json:77:19: warning: [PASS_ROLE_WITH_STAR_IN_RESOURCE] ")
        )
        #expect(!build.stderr.contains(": error:"))
    }
}
