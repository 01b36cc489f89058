import Foundation
import Testing
@testable import LabSite
@testable import LabSiteCloudTrail

/// Real public samples (Fixtures/cloudtrail/SOURCE.txt) and the lab's own sample trail (content/trail).
@Suite("CloudTrail real samples and the sample trail")
struct CloudTrailFixtureTests {
    /// Counts computed independently with Python: `len(json.loads(gzip.decompress(b) or b)["Records"])`
    /// (or `len(array)`), over each file; the same numbers are in Fixtures/cloudtrail/SOURCE.txt.
    @Test(
        "every real sample decodes with the independent record count",
        arguments: [
            ("awsdocs/aws-cloudtrail-user-guide_examples.json", 24),
            (
                "cloud-snitch/AWSLogs/333333333333/CloudTrail/us-east-1/2025/03/06/"
                    + "333333333333_CloudTrail_us-east-1_20250306T0320Z_ZgdYr0lP8M9fWEH8.json.gz", 1
            ),
            (
                "cloud-snitch/AWSLogs/o-1234abcde/222222222222/CloudTrail/us-east-1/2025/03/06/"
                    + "222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz", 20
            ),
            ("invictus-ir/218007301253_CloudTrail_us-east-1_20230710T1150Z_1vnLavRRp0ek1mP4.json", 2),
            ("invictus-ir/218007301253_CloudTrail_us-east-1_20230710T1205Z_1dM7GQM67kudSyGD.json", 13),
            ("stratus-red-team/aws.initial-access.console-login-without-mfa.json", 1),
        ])
    func realSamples(path: String, count: Int) throws {
        let source = TrailSource(url: Fixtures.url("cloudtrail/" + path), path: path)
        let file = try TrailReader().read(source)
        #expect(file.records.count == count)
        #expect(file.records.allSatisfy { $0.eventTime != nil })
    }

    @Test("the whole fixture folder decodes, with jsonl lines equal to the record count")
    func wholeFolder() async throws {
        let sources = TrailReader.sources(inFolder: Fixtures.url("cloudtrail"))
        var lines = 0
        TrailReader().forEachFile(in: sources) { file in
            CloudTrailRecord.jsonLines(file.records).split(separator: "\n").count
        } body: { _, result in
            lines += (try? result.get()) ?? -1000
        }
        #expect(lines == 24 + 1 + 20 + 2 + 13 + 1)
    }

    @Test("the awsdocs sample's Insights events and console sign-ins decode")
    func awsdocs() throws {
        let file = try TrailReader().read(
            TrailSource(url: Fixtures.url("cloudtrail/awsdocs/aws-cloudtrail-user-guide_examples.json"), path: "a"))
        #expect(file.records.filter(\.isInsight).count == 3)
        #expect(file.records.filter { $0.eventType == "AwsConsoleSignIn" }.count == 10)
    }

    static let trail = Repository.root.appendingPathComponent("content/trail")

    @Test("the sample trail holds what the trail recorded of the labs, in the S3 layout, with its digests skipped")
    func sampleTrail() async throws {
        let sources = TrailReader.sources(inFolder: Self.trail)
        #expect(sources.allSatisfy { TrailObjectKey(path: $0.path)?.folder == "CloudTrail" })
        var records: [CloudTrailRecord] = []
        for source in sources { records += try TrailReader().read(source).records }
        let names = Set(records.compactMap(\.eventName))
        #expect(
            names == [
                "ConsoleLogin", "AttachUserPolicy", "CreateTrail", "StartLogging", "DescribeTrails", "GetTrailStatus",
                "CreateVpc", "ModifyVpcAttribute", "CreateSubnet", "CreateInternetGateway", "AttachInternetGateway",
                "CreateRouteTable", "CreateRoute", "AssociateRouteTable", "CreateKeyPair", "CreateSecurityGroup",
                "AuthorizeSecurityGroupIngress", "RunInstances", "LookupEvents",
            ])
        #expect(records.filter { $0.eventSource == "iam.amazonaws.com" }.allSatisfy { $0.awsRegion == "us-east-1" })
        let logins = records.filter { $0.eventName == "ConsoleLogin" }
        #expect(logins.count == 4)
        #expect(logins.allSatisfy { $0.mfaUsed == ($0.userDisplayName == "admin") })
        let digests = try FileManager.default.subpathsOfDirectory(atPath: Self.trail.path).filter {
            TrailReader.isDigestPath($0) && $0.hasSuffix(".json.gz")
        }
        #expect(digests.count == 2)
    }

    @Test("the record printed in step 33 of content/cloudtrail.md is the sample trail's, value for value")
    func step33() throws {
        let markdown = try String(
            contentsOf: Repository.root.appendingPathComponent("content/cloudtrail.md"), encoding: .utf8)
        let step = try #require(markdown.range(of: "## 33."))
        let fenceStart = try #require(markdown.range(of: "```json\n", range: step.upperBound..<markdown.endIndex))
        let fenceEnd = try #require(markdown.range(of: "```", range: fenceStart.upperBound..<markdown.endIndex))
        let printed = try #require(
            JSONValue.parse(String(markdown[fenceStart.upperBound..<fenceEnd.lowerBound]))["Records"]?
                .arrayValue?.first)
        let eventID = try #require(printed.objectValue?.string("eventID"))
        #expect(markdown[step.upperBound...].contains("eventID: \(eventID)"))
        var found: CloudTrailRecord?
        for source in TrailReader.sources(inFolder: Self.trail) {
            found = try TrailReader().read(source).records.first { $0.eventID == eventID } ?? found
        }
        #expect(try #require(found).json == printed)
    }
}
