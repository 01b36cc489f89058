import Foundation
import Testing

@testable import LabSite
@testable import LabSiteIAM

@Suite("Policy files for labsite policy check")
struct PolicyFileTests {
    static func read(_ name: String) throws -> PolicyFile {
        let path = "Tests/Fixtures/iam/policy-check/\(name)"
        return try PolicyFile.read(
            path: path, bytes: Array(try Data(contentsOf: Fixtures.url("iam/policy-check/\(name)"))))
    }

    @Test("a policy document: compiler-style lines, line and column from 1")
    func document() throws {
        let file = try Self.read("pass-role.json")
        #expect(
            file.messages == [
                "Tests/Fixtures/iam/policy-check/pass-role.json:7:44: error: [INVALID_ACTION] AWS CloudTrail에 없는 "
                    + "작업입니다: cloudtrail:StartLoging. 혹시 cloudtrail:StartLogging인가요?",
                "Tests/Fixtures/iam/policy-check/pass-role.json:13:17: warning: [PERMISSIONS_MANAGEMENT_ACTIONS] 권한 관리 "
                    + "작업 1개(iam:PassRole)를 모든 리소스에 허용합니다. 이 작업들은 IAM 정책이나 리소스 정책을 바꿔 권한을 "
                    + "넓힐 수 있으니 리소스를 좁히세요.",
                "Tests/Fixtures/iam/policy-check/pass-role.json:14:19: warning: [PASS_ROLE_WITH_STAR_IN_RESOURCE] "
                    + "iam:PassRole을 와일드카드 리소스 *에 허용하면 이 자격 증명이 계정의 여러 역할을 서비스에 넘길 수 "
                    + "있습니다. 넘길 역할의 ARN을 적거나 iam:PassedToService 조건을 더하세요.",
                "Tests/Fixtures/iam/policy-check/pass-role.json:14:19: warning: [RESOURCE_STAR] \"Resource\": \"*\"로 "
                    + "모든 리소스에 허용하지만, 리소스 ARN을 지정할 수 있는 작업입니다: iam:PassRole. 실습에 필요한 "
                    + "리소스의 ARN만 적으면 최소 권한이 됩니다.",
            ])
        #expect(file.hasSeriousFindings)
    }

    @Test("--format json: Access Analyzer's finding shape, column and offset from 0")
    func json() throws {
        let file = try Self.read("pass-role.json")
        let first = try #require(file.json.arrayValue?.first)
        #expect(first["path"]?.stringValue == "Tests/Fixtures/iam/policy-check/pass-role.json")
        let finding = try #require(first["findings"]?.arrayValue?.first)
        #expect(
            JSONCompactWriter.string(finding)
                == #"{"findingType":"ERROR","issueCode":"INVALID_ACTION","findingDetails":"AWS CloudTrail에 없는 "#
                + #"작업입니다: cloudtrail:StartLoging. 혹시 cloudtrail:StartLogging인가요?","learnMoreLink":"#
                + #""https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"#
                + #"#access-analyzer-reference-policy-checks-error-invalid-action","locations":[{"path":[{"value":"#
                + #""Statement"},{"index":0},{"value":"Action"},{"index":1}],"span":{"start":{"line":7,"column":43,"#
                + #""offset":147},"end":{"line":7,"column":67,"offset":171}}}]}"#)
    }

    @Test("get-policy-version output: the document in place, nothing to report")
    func policyVersion() throws {
        let file = try Self.read("get-policy-version.json")
        #expect(file.documents.map(\.label) == ["PolicyVersion.Document"])
        #expect(file.messages.isEmpty)
        #expect(!file.hasSeriousFindings)
    }

    @Test("get-account-authorization-details: inline (URL-encoded) and trust policies, each labelled")
    func accountDetails() throws {
        let file = try Self.read("account-details.json")
        #expect(
            file.documents.map(\.label) == [
                "UserDetailList[0] (lab-user).UserPolicyList[0] (read-logs)",
                "RoleDetailList[0] (CloudTrailRoleForCloudWatchLogs).AssumeRolePolicyDocument",
            ])
        let inline = try #require(file.documents.first?.findings.first)
        #expect(inline.issue == .invalidAction)
        // The path is inside the decoded document; the place is the whole encoded string.
        #expect(inline.path == [.value("Statement"), .index(0), .value("Action")])
        let text = String(decoding: file.source.bytes, as: UTF8.self)
        let string = try #require(text.range(of: "\"%7B%22Version"))
        #expect(inline.span.lowerBound == text.utf8.distance(from: text.startIndex, to: string.lowerBound))
        // A trust policy's sts:AssumeRole is what the role is for, not a credentials leak.
        #expect(file.documents.last?.findings.isEmpty == true)
    }

    @Test("a file that is no policy is an error naming it")
    func notAPolicy() throws {
        #expect(throws: IAMError.self) {
            try PolicyFile.read(path: "x.json", bytes: Array(#"{"Records": []}"#.utf8))
        }
        #expect {
            try PolicyFile.read(path: "x.json", bytes: Array("{\n  \"Version\": ".utf8))
        } throws: { error in
            (error as? IAMError)?.errorDescription?.hasPrefix("x.json:2: error:") == true
        }
    }

    @Test("every managed policy of the shared dataset is checked without a crash, each finding inside its file")
    func dataset() throws {
        let folder = Fixtures.url("iam/dataset")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            let file = try PolicyFile.read(path: name, bytes: bytes)
            for finding in file.documents.flatMap(\.findings) {
                #expect(finding.span.lowerBound >= 0 && finding.span.upperBound <= bytes.count, "\(name)")
                #expect(!finding.message.isEmpty)
            }
        }
    }

    @Test("a checker that goes on from file to file finds what a fresh one finds in each")
    func rememberingChecker() throws {
        let folder = Fixtures.url("iam/dataset")
        var checker = PolicyChecker()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where name.hasSuffix(".json") {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            let shared = try PolicyFile.read(path: name, bytes: bytes, checker: &checker)
            let fresh = try PolicyFile.read(path: name, bytes: bytes)
            #expect(shared.messages == fresh.messages, "\(name)")
        }
    }
}
