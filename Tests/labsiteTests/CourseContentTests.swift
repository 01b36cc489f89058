import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail
@testable import LabSiteCloudWatch
@testable import LabSiteIAM

/// What can be checked mechanically of the shipped course's text: today's console flows, the
/// checkpoints and troubleshooting a student needs, and the record step 33 quotes.
@Suite("The shipped course's text")
struct CourseContentTests {
    static func source(_ name: String) throws -> String {
        try String(contentsOf: Repository.root.appendingPathComponent("content/\(name)"), encoding: .utf8)
    }

    /// The Markdown of step `number` of `page`: from its heading to the next level-2 heading.
    static func step(_ number: Int, of page: String) throws -> String {
        let text = try source(page)
        let start = try #require(text.range(of: "\n## \(number). "))
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The callouts of `kind` in `markdown`, each as its lines' text without the `> ` markers.
    static func callouts(_ kind: String, in markdown: String) -> [String] {
        var found: [String] = []
        var current: [String]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("> [!\(kind)]") {
                current = [String(line)]
            } else if current != nil, line.hasPrefix(">") {
                current?.append(String(line.dropFirst(min(2, line.count))))
            } else if let lines = current {
                found.append(lines.joined(separator: "\n"))
                current = nil
            }
        }
        if let lines = current { found.append(lines.joined(separator: "\n")) }
        return found
    }

    @Test("the old IAM wizard, the deprecated policy name and words about the tool are gone")
    func outdatedText() throws {
        let pages = try ["index.md", "cloudwatch.md", "cloudtrail.md"].map { ($0, try Self.source($0)) }
        let outdated = [
            "[AWS 자격 증명 유형 선택]", "[다음: 권한]", "[다음: 태그]", "[다음: 검토]", "[사용자 추가]",
            "AWSCloudTrailReadOnlyAccess", "지속적인 레코드", "원래 실습 자료", "원래 자료", "labsite", "콘솔 버전에 따라",
            "lab-myalarm-seoul", "비밀번호",
        ]
        for (name, text) in pages {
            for phrase in outdated {
                #expect(!text.contains(phrase), "\(name) still says \(phrase)")
            }
        }
        #expect(try Self.source("cloudtrail.md").contains("AWSCloudTrail_ReadOnlyAccess"))
        #expect(try Self.step(5, of: "cloudtrail.md").contains("**[사용자 생성]**"))
    }

    @Test(
        "a region checkpoint closes the step before each region-sensitive step",
        arguments: [
            ("cloudwatch.md", 2, "us-east-1"), ("cloudtrail.md", 15, "ap-northeast-2"),
            ("cloudtrail.md", 25, "ap-northeast-2"),
        ])
    func regionCheckpoints(page: String, step: Int, region: String) throws {
        let checkpoints = Self.callouts("CHECKPOINT", in: try Self.step(step, of: page))
        #expect(checkpoints.contains { $0.contains("리전") && $0.contains(region) }, "\(page) step \(step)")
    }

    @Test("waiting times are checkpoints: billing data, log delivery and Event history")
    func waitingCheckpoints() throws {
        let billing = Self.callouts("CHECKPOINT", in: try Self.source("cloudwatch.md"))
        #expect(billing.contains { $0.contains("분") && $0.contains("결제") })
        let trail = try (25...30).map { try Self.step($0, of: "cloudtrail.md") }.joined(separator: "\n")
        #expect(Self.callouts("CHECKPOINT", in: trail).contains { $0.contains("분") && $0.contains("로그 파일") })
        let history = Self.callouts("CHECKPOINT", in: try Self.step(29, of: "cloudtrail.md"))
        #expect(history.contains { $0.contains("분") && $0.contains("이벤트 기록") })
    }

    @Test("the known failures have troubleshooting callouts")
    func troubleshooting() throws {
        let cloudwatch = Self.callouts("TROUBLESHOOTING", in: try Self.source("cloudwatch.md"))
        #expect(cloudwatch.contains { $0.contains("us-east-1") })
        #expect(cloudwatch.contains { $0.contains("구독") && $0.contains("확인") })
        let cloudtrail = Self.callouts("TROUBLESHOOTING", in: try Self.source("cloudtrail.md"))
        #expect(cloudtrail.contains { $0.contains("aws-cloudtrail-logs") })
        #expect(cloudtrail.contains { $0.contains("kms:Decrypt") })
    }

    @Test("steps 26 to 28 are procedures: the VPC wizard, user data that installs Apache, port 80")
    func webServerSteps() throws {
        let vpc = try Self.step(26, of: "cloudtrail.md")
        #expect(vpc.contains("10.0.0.0/16") && vpc.contains("NAT"))
        let instance = try Self.step(27, of: "cloudtrail.md")
        #expect(instance.contains("```bash") && instance.contains("dnf install -y httpd"))
        #expect(instance.contains("Amazon Linux 2023") && instance.contains("t3.micro") && instance.contains("80"))
        #expect(try Self.step(28, of: "cloudtrail.md").contains("http://"))
    }

    @Test("the cleanups remove everything the labs create")
    func cleanup() throws {
        func cleanup(_ page: String) throws -> String {
            let text = try Self.source(page)
            return String(text[try #require(text.range(of: "\n## 정리")).upperBound...])
        }
        let cloudwatch = try cleanup("cloudwatch.md")
        // Names are written with the student's prefix, `{{prefix}}-user` (lab-user by default).
        for thing in ["{{prefix}}-myalarm", "주제", "구독"] { #expect(cloudwatch.contains(thing), "\(thing)") }
        let cloudtrail = try cleanup("cloudtrail.md")
        for thing in [
            "{{prefix}}-web", "{{prefix}}-web-sg", "{{prefix}}-key", "{{prefix}}-vpc", "{{prefix}}-events-trail",
            "aws-cloudtrail-logs", "KMS", "{{prefix}}-user", "{{prefix}}-cloudtrail-group",
        ] {
            #expect(cloudtrail.contains(thing), "\(thing)")
        }
    }

    @Test("the reference page cites AWS documentation and says which console labels were not verified")
    func references() throws {
        let text = try Self.source("references.md")
        let links = text.components(separatedBy: "](https://docs.aws.amazon.com/").count - 1
        #expect(links >= 20)
        #expect(text.contains("확인되지 않음"))
        for page in ["index.md", "cloudwatch.md", "cloudtrail.md"] {
            #expect(try Self.source(page).contains("(references.md)"), "\(page)")
        }
    }
}
