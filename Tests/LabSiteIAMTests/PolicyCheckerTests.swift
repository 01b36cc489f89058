import Foundation
import Testing

@testable import LabSite
@testable import LabSiteIAM

/// One issue code: a policy that must raise it exactly where `«…»` marks, and one that must not.
struct PolicyCheckCase: CustomTestStringConvertible, Sendable {
    var issue: PolicyIssue
    var flagged: String
    var clean: String
    /// Words the Korean message must contain (the action, key or ARN at fault).
    var mentions: [String] = []

    var testDescription: String { issue.rawValue }

    /// The flagged policy without its markers, and the marked byte range.
    var marked: (text: String, span: Range<Int>) {
        let bytes = Array(flagged.utf8)
        let open = Array("«".utf8)
        let close = Array("»".utf8)
        let start = bytes.firstRange(of: open)?.lowerBound ?? 0
        let end = (bytes.firstRange(of: close)?.lowerBound ?? 0) - open.count
        let text = flagged.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "")
        return (text, start..<end)
    }
}

@Suite("The policy checker")
struct PolicyCheckerTests {
    static func check(_ text: String) throws -> [PolicyFinding] {
        let bytes = Array(text.utf8)
        return PolicyChecker().check(try JSONValue.parse(bytes), in: bytes)
    }

    /// A policy around one statement's members.
    static func statement(_ members: String, version: String = #""Version": "2012-10-17",\#n  "#) -> String {
        "{\n  \(version)\"Statement\": [{\n    \(members)\n  }]\n}"
    }

    static let cases: [PolicyCheckCase] = [
        PolicyCheckCase(
            issue: .invalidAction,
            flagged: statement(#""Effect": "Allow", "Action": «"s3:GetObjekt"», "Resource": "*""#),
            clean: statement(#""Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*""#),
            mentions: ["s3:GetObjekt", "혹시 s3:GetObject인가요?"]),
        PolicyCheckCase(
            issue: .invalidServiceInAction,
            flagged: statement(#""Effect": "Allow", "Action": ["s3:GetObject", «"s4:GetObject"»], "Resource": "*""#),
            clean: statement(#""Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::b/*""#),
            mentions: ["s4", "혹시 s3:GetObject인가요?"]),
        PolicyCheckCase(
            issue: .missingEffect,
            flagged: "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [«{»\"Action\": \"s3:GetObject\", "
                + "\"Resource\": \"*\"}]\n}",
            clean: statement(#""Effect": "Deny", "Action": "s3:GetObject", "Resource": "*""#),
            mentions: ["Effect"]),
        PolicyCheckCase(
            issue: .invalidEffect,
            flagged: statement(#""Effect": «"allow"», "Action": "s3:GetObject", "Resource": "*""#),
            clean: statement(#""Effect": "Deny", "Action": "s3:GetObject", "Resource": "*""#),
            mentions: ["\"allow\""]),
        PolicyCheckCase(
            issue: .invalidARNPrefix,
            flagged: statement(#""Effect": "Deny", "Action": "s3:GetObject", "Resource": «"aws:s3:::bucket"»"#),
            clean: statement(#""Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket""#),
            mentions: ["aws:s3:::bucket"]),
        PolicyCheckCase(
            issue: .missingARNField,
            flagged: statement(#""Effect": "Deny", "Action": "s3:GetObject", "Resource": [«"arn:aws:s3:bucket"»]"#),
            clean: statement(#""Effect": "Deny", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::bucket"]"#),
            mentions: ["arn:aws:s3:bucket"]),
        PolicyCheckCase(
            issue: .invalidPartition,
            flagged: statement(#""Effect": "Deny", "Action": "s3:GetObject", "Resource": «"arn:amazon:s3:::b"»"#),
            clean: statement(#""Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws-cn:s3:::b""#),
            mentions: ["amazon"]),
        PolicyCheckCase(
            issue: .invalidGlobalConditionKey,
            flagged: statement(
                #""Effect": "Deny", "Action": "s3:*", "Resource": "*",\#n    "#
                    + #""Condition": {"NotIpAddress": {«"aws:SourceIP4"»: "192.0.2.0/24"}}"#),
            clean: statement(
                #""Effect": "Deny", "Action": "s3:*", "Resource": "*",\#n    "#
                    + #""Condition": {"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"}}"#),
            mentions: ["aws:SourceIP4", "혹시 aws:SourceIp인가요?"]),
        PolicyCheckCase(
            issue: .invalidServiceConditionKey,
            flagged: statement(
                #""Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b",\#n    "#
                    + #""Condition": {"StringLike": {«"s3:prefixx"»: "home/*"}}"#),
            clean: statement(
                #""Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b",\#n    "#
                    + #""Condition": {"StringLike": {"s3:prefix": "home/*"}}"#),
            mentions: ["s3:prefixx"]),
        PolicyCheckCase(
            issue: .invalidConditionOperator,
            flagged: statement(
                #""Effect": "Deny", "Action": "s3:*", "Resource": "*",\#n    "#
                    + #""Condition": {«"StringEqual"»: {"aws:PrincipalTag/team": "lab"}}"#),
            clean: statement(
                #""Effect": "Deny", "Action": "s3:*", "Resource": "*",\#n    "#
                    + #""Condition": {"StringNotEqualsIfExists": {"aws:PrincipalTag/team": "lab"}}"#),
            mentions: ["StringEqual"]),
        PolicyCheckCase(
            issue: .typeMismatch,
            flagged: statement(
                #""Effect": "Deny", "Action": "s3:*", "Resource": "*",\#n    "#
                    + #""Condition": {"StringEquals": {«"aws:CurrentTime"»: "2026-12-31T00:00:00Z"}}"#),
            clean: statement(
                #""Effect": "Deny", "Action": "s3:*", "Resource": "*",\#n    "#
                    + #""Condition": {"DateGreaterThan": {"aws:CurrentTime": "2026-12-31T00:00:00Z"}}"#),
            mentions: ["aws:CurrentTime", "StringEquals", "Date"]),
        PolicyCheckCase(
            issue: .passRoleWithStarInResource,
            flagged: statement(#""Effect": "Allow", "Action": "iam:PassRole", "Resource": «"*"»"#),
            clean: statement(
                #""Effect": "Allow", "Action": "iam:PassRole", "#
                    + #""Resource": "arn:aws:iam::123456789012:role/CloudTrailRoleForCloudWatchLogs""#),
            mentions: ["iam:PassRole"]),
        PolicyCheckCase(
            issue: .passRoleWithNotResource,
            flagged: statement(
                #""Effect": "Allow", "Action": "iam:PassRole", "NotResource": «["arn:aws:iam::*:role/admin"]»"#),
            clean: statement(
                #""Effect": "Deny", "Action": "iam:PassRole", "NotResource": ["arn:aws:iam::*:role/lab"]"#),
            mentions: ["NotResource"]),
        PolicyCheckCase(
            issue: .privilegeEscalation,
            flagged: statement(#""Effect": "Allow", "Action": [«"iam:CreatePolicyVersion"»], "Resource": "*""#),
            clean: statement(#""Effect": "Allow", "Action": ["iam:GetPolicyVersion"], "Resource": "*""#),
            mentions: ["iam:CreatePolicyVersion"]),
        PolicyCheckCase(
            issue: .notActionWithAllow,
            flagged: statement(#""Effect": "Allow", "NotAction": «["iam:*"]», "Resource": "*""#),
            clean: statement(#""Effect": "Deny", "NotAction": ["iam:*"], "Resource": "*""#),
            mentions: ["NotAction"]),
        PolicyCheckCase(
            issue: .notResourceWithAllow,
            flagged: statement(
                #""Effect": "Allow", "Action": "s3:GetObject", "NotResource": «"arn:aws:s3:::secret/*"»"#),
            clean: statement(#""Effect": "Deny", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::lab/*""#),
            mentions: ["NotResource"]),
        PolicyCheckCase(
            issue: .permissionsManagementActions,
            flagged: statement(#""Effect": "Allow", "Action": «["s3:PutBucketPolicy"]», "Resource": "*""#),
            clean: statement(#""Effect": "Allow", "Action": ["s3:PutBucketPolicy"], "Resource": "arn:aws:s3:::b""#),
            mentions: ["s3:PutBucketPolicy"]),
        PolicyCheckCase(
            issue: .credentialsExposure,
            flagged: statement(
                #""Effect": "Allow", "Action": «"sts:AssumeRole"», "Resource": "arn:aws:iam::123456789012:role/lab""#),
            clean: statement(#""Effect": "Allow", "Action": "sts:GetCallerIdentity", "Resource": "*""#),
            mentions: ["sts:AssumeRole"]),
        PolicyCheckCase(
            issue: .resourceStar,
            flagged: statement(#""Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [«"*"»]"#),
            clean: statement(#""Effect": "Allow", "Action": ["s3:ListAllMyBuckets"], "Resource": ["*"]"#),
            mentions: ["s3:GetObject"]),
        PolicyCheckCase(
            issue: .missingVersion,
            flagged: "«{»\n  \"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]\n}",
            clean: statement(#""Effect": "Deny", "Action": "s3:*", "Resource": "*""#),
            mentions: ["Version"]),
        PolicyCheckCase(
            issue: .oldVersion,
            flagged: statement(
                #""Effect": "Deny", "Action": "s3:*", "Resource": "*""#, version: #""Version": «"2008-10-17"»,\#n  "#),
            clean: statement(#""Effect": "Deny", "Action": "s3:*", "Resource": "*""#),
            mentions: ["2008-10-17"]),
        PolicyCheckCase(
            issue: .uniqueSidsRecommended,
            flagged: "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n"
                + "    {\"Sid\": \"Read\", \"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},\n"
                + "    {\"Sid\": «\"Read\"», \"Effect\": \"Deny\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}\n"
                + "  ]\n}",
            clean: "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n"
                + "    {\"Sid\": \"Read\", \"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},\n"
                + "    {\"Sid\": \"Write\", \"Effect\": \"Deny\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}\n"
                + "  ]\n}",
            mentions: ["Read"]),
        PolicyCheckCase(
            issue: .redundantAction,
            flagged: statement(#""Effect": "Deny", "Action": ["s3:*", «"s3:GetObject"»], "Resource": "*""#),
            clean: statement(#""Effect": "Deny", "Action": ["s3:Get*", "s3:PutObject"], "Resource": "*""#),
            mentions: ["s3:GetObject", "s3:*"]),
        PolicyCheckCase(
            issue: .emptyArrayAction,
            flagged: statement(#""Effect": "Deny", "Action": «[]», "Resource": "*""#),
            clean: statement(#""Effect": "Deny", "Action": ["s3:GetObject"], "Resource": "*""#),
            mentions: ["Action"]),
        PolicyCheckCase(
            issue: .emptyArrayResource,
            flagged: statement(#""Effect": "Deny", "Action": "s3:GetObject", "Resource": «[]»"#),
            clean: statement(#""Effect": "Deny", "Action": "s3:GetObject", "Resource": ["*"]"#),
            mentions: ["Resource"]),
        PolicyCheckCase(
            issue: .emptyArrayCondition,
            flagged: statement(
                #""Effect": "Deny", "Action": "s3:*", "Resource": "*",\#n    "#
                    + #""Condition": {"NotIpAddress": {"aws:SourceIp": «[]»}}"#),
            clean: statement(
                #""Effect": "Deny", "Action": "s3:*", "Resource": "*",\#n    "#
                    + #""Condition": {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24"]}}"#),
            mentions: ["aws:SourceIp"]),
    ]

    @Test("every issue code has a case")
    func everyIssueHasACase() {
        #expect(Set(Self.cases.map(\.issue)) == Set(PolicyIssue.allCases))
    }

    @Test("a policy with the fault raises the issue exactly at it", arguments: cases)
    func flagged(_ testCase: PolicyCheckCase) throws {
        let (text, span) = testCase.marked
        let findings = try Self.check(text).filter { $0.issue == testCase.issue }
        #expect(findings.count == 1, "\(findings.map(\.message))")
        let finding = try #require(findings.first)
        #expect(finding.span == span)
        #expect(finding.type == testCase.issue.type)
        for word in testCase.mentions {
            #expect(finding.message.contains(word), "\(finding.message) lacks \(word)")
        }
    }

    @Test("the same policy without the fault does not", arguments: cases)
    func clean(_ testCase: PolicyCheckCase) throws {
        let findings = try Self.check(testCase.clean).filter { $0.issue == testCase.issue }
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test("places count as Access Analyzer does: line from 1, column and offset from 0, in characters")
    func positions() throws {
        let text =
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Sid\": \"읽기전용\", \"Effect\": \"Allow\",\n"
            + "    \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]\n}"
        let finding = try #require(try Self.check(text).first { $0.issue == .resourceStar })
        let source = PolicySourceText(bytes: Array(text.utf8))
        let start = source.position(ofByte: finding.span.lowerBound)
        let end = source.position(ofByte: finding.span.upperBound)
        #expect(start == PolicySourceText.Position(line: 4, column: 42, offset: 122))
        #expect(end == PolicySourceText.Position(line: 4, column: 45, offset: 125))
        #expect(finding.path == [.value("Statement"), .index(0), .value("Resource")])
        #expect(finding.pathText == "Statement[0].Resource")
    }

    @Test("iam:CreateAccessKey only on the caller's own user escalates nothing; on any user it does")
    func ownAccessKeys() throws {
        let own = Self.statement(
            #""Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "arn:aws:iam::*:user/${aws:username}""#)
        let any = Self.statement(
            #""Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "arn:aws:iam::*:user/*""#)
        #expect(try Self.check(own).filter { $0.issue == .privilegeEscalation }.isEmpty)
        #expect(try Self.check(any).filter { $0.issue == .privilegeEscalation }.count == 1)
    }

    @Test("a Deny on every resource takes an escalation path away")
    func denyRemovesEscalation() throws {
        let text = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iam:*", "Resource": "*"},
              {"Effect": "Deny", "Action": ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"], "Resource": "*"}
            ]}
            """
        let paths = try Self.check(text).filter { $0.issue == .privilegeEscalation }.map(\.message)
        #expect(!paths.contains { $0.contains("iam:CreatePolicyVersion)") })
        #expect(paths.contains { $0.contains("iam:AttachUserPolicy") })
    }
}
