import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail
@testable import LabSiteIAM

/// The least privilege `lab-user` needed, from the shipped course's trail and matrix.yml.
@Suite("Least privilege from the course's trail")
struct LeastPrivilegeTests {
    static func sections() throws -> (trail: TrailSection, iam: IAMSection) {
        let loader = ContentLoader(sourceDirectory: Repository.root)
        let input = SectionInput(
            content: try loader.load(), contentDirectory: loader.contentDirectory, options: BuildOptions())
        let trail = try TrailSection.load(from: input)
        return (trail, try IAMSection.load(from: input).linked(with: trail.observedCalls))
    }

    @Test("every event of the sample trail maps to IAM actions, through the catalogue or a cited exception")
    func everySampleEventMaps() throws {
        let (trail, _) = try Self.sections()
        let calls = trail.observedCalls
        #expect(calls.count == 28)  // 23 in the log files, 6 in the CSV download, AttachUserPolicy in both
        for call in calls {
            let mapped = LeastPrivilege.actions(for: call, catalogue: .builtin)
            #expect(mapped != nil, "\(call.eventSource) \(call.eventName)")
            if let exception = mapped?.exception {
                #expect(exception.source.hasPrefix("https://docs.aws.amazon.com/"))
            }
        }
        let consoleLogin = try #require(calls.first { $0.eventName == "ConsoleLogin" })
        #expect(LeastPrivilege.actions(for: consoleLogin, catalogue: .builtin)?.actions == [])
    }

    @Test("the calls are collected only when a section reads them: the IAM section with identities")
    func callsCollectedWhenRead() throws {
        let (trail, iam) = try Self.sections()
        #expect(iam.needsObservedCalls)
        #expect(!trail.needsObservedCalls)
        var withoutIdentities = iam
        withoutIdentities.snapshots = []
        #expect(!withoutIdentities.needsObservedCalls)
    }

    @Test("lab-user's policy: the trail's calls and the declared requests, scoped, with nothing serious to report")
    func labUser() throws {
        let (_, iam) = try Self.sections()
        let user = try #require(iam.allIdentities.first { $0.name == "lab-user" })
        let least = try #require(iam.leastPrivilege(for: user))
        #expect(
            least.needs.map(\.action) == [
                "cloudtrail:CreateTrail", "cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus",
                "cloudtrail:LookupEvents", "cloudtrail:StartLogging", "s3:CreateBucket", "s3:GetObject",
                "s3:ListAllMyBuckets", "s3:ListBucket", "s3:PutBucketPolicy",
            ])
        let trailARN = "arn:aws:cloudtrail:ap-northeast-2:123456789012:trail/lab-events-trail"
        #expect(least.needs.first { $0.action == "cloudtrail:GetTrailStatus" }?.resources == [trailARN])
        #expect(least.needs.first { $0.action == "s3:ListAllMyBuckets" }?.resources == ["*"])
        // Step 22's bucket listing is declared, not seen: S3 console reads are not management events.
        #expect(
            least.needs.first { $0.action == "s3:ListAllMyBuckets" }?.evidence == [
                .declared(step: 22, note: "S3 콘솔의 버킷 목록")
            ])
        #expect(least.mappings.map(\.eventName) == ["ConsoleLogin"])
        #expect(least.unmapped.isEmpty)
        // The suggested policy passes its own check with no error or security warning.
        let bytes = Array(least.policyText.utf8)
        let findings = PolicyChecker().check(try JSONValue.parse(bytes), in: bytes)
        #expect(findings.allSatisfy { $0.type != .error && $0.type != .securityWarning })
        #expect(findings == least.findings)
        // admin made the EC2 and IAM calls, so none of them is lab-user's.
        #expect(!least.needs.contains { $0.action.hasPrefix("ec2:") || $0.action.hasPrefix("iam:") })
    }

    @Test("an ARN fits a resource type's format field by field")
    func arnFormats() {
        let trail = "arn:${Partition}:cloudtrail:${Region}:${Account}:trail/${TrailName}"
        #expect(
            LeastPrivilege.arnFits(
                "arn:aws:cloudtrail:ap-northeast-2:123456789012:trail/lab-events-trail", format: trail))
        #expect(!LeastPrivilege.arnFits("arn:aws:s3:::aws-cloudtrail-logs-123456789012-mylog", format: trail))
        #expect(LeastPrivilege.arnFits("arn:aws:s3:::b", format: "arn:${Partition}:s3:::${BucketName}"))
        #expect(!LeastPrivilege.arnFits("arn:aws:s3:::b/key", format: "arn:${Partition}:s3:::${BucketName}"))
        #expect(
            LeastPrivilege.arnFits(
                "arn:aws:s3:::b/AWSLogs/x.json.gz", format: "arn:${Partition}:s3:::${BucketName}/${ObjectName}"))
    }
}
