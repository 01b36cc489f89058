import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail
@testable import LabSiteCloudWatch
@testable import LabSiteIAM

/// The repository's own content/ is the course users get; these tests read the site it builds.
@Suite("Default course site")
struct DefaultSiteTests {
    static func build() async throws -> [String: String] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "labsite-default-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        try await SiteBuilder(sourceDirectory: Repository.root, outputDirectory: output, sectionTypes: courseSections)
            .build()
        return try TemporarySite.snapshot(of: output).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test("the home page and both labs with all 46 steps, each with its step-N anchor")
    func steps() async throws {
        let site = try await Self.build()
        let index = try #require(site["index.html"])
        #expect(index.contains("href=\"cloudwatch.html\""))
        #expect(index.contains("href=\"cloudtrail.html\""))
        for (page, count) in [("cloudwatch.html", 13), ("cloudtrail.html", 33)] {
            let html = try #require(site[page])
            for number in 1...count {
                #expect(html.contains("<h2 id=\"step-\(number)\" class=\"step\">\(number). "), "\(page) step \(number)")
            }
            #expect(!html.contains("id=\"step-\(count + 1)\""))
        }
    }

    @Test("step 29's Event history download: one page per event, the bucket's record where both have it")
    func eventHistoryPages() async throws {
        let site = try await Self.build()
        // AttachUserPolicy (step 24) is in the bucket and in the download.
        let both = try #require(site["events/9c449544-1740-41ee-a064-3c2d710663ee.html"])
        #expect(
            both.contains(
                "<a href=\"../events/bucket/event-history/event-history-us-east-1-iam.csv.html\">"
                    + "<code>event-history-us-east-1-iam.csv</code></a>에서도 읽었다."))
        #expect(both.contains("AmazonS3FullAccess"))
        #expect(!both.contains("그 형식에는 다음 필드가 없다"))
        // CreateGroup (step 2) happened before the trail: only the download has it.
        let early = try #require(
            site.first { $0.key.hasPrefix("events/") && $0.value.contains("<title>CreateGroup") }?.value)
        #expect(early.contains("이 레코드는 콘솔 이벤트 기록(Event history)의 CSV 다운로드에서 읽었다."))
        let cloudtrail = try #require(site["cloudtrail.html"])
        #expect(cloudtrail.contains(">CreateGroup<"))
        #expect(site.keys.count { $0.hasPrefix("events/") && $0.hasSuffix(".html") && !$0.contains("/bucket/") } == 30)
    }

    @Test("console labels and names render as the seed writes them; no asterisk or unmeasured image is left")
    func labels() async throws {
        let site = try await Self.build()
        let cloudwatch = try #require(site["cloudwatch.html"])
        let cloudtrail = try #require(site["cloudtrail.html"])
        #expect(cloudwatch.contains("<strong>[경보 생성]</strong>"))
        let prefix = "<span class=\"param\" data-param=\"prefix\">lab</span>"
        #expect(cloudwatch.contains("<code>\(prefix)-myalarm</code>"))
        #expect(cloudtrail.contains("<code>\(prefix)-cloudtrail-group</code>"))
        #expect(cloudtrail.contains("<code>\(prefix)-user</code>"))
        #expect(cloudtrail.contains("<code>\(prefix)-events-trail</code>"))
        #expect(cloudtrail.contains("<pre><code class=\"language-json\">{\n"))
        #expect(
            cloudtrail.contains(
                "<span class=\"hl-key\">&quot;eventName&quot;</span>: <span class=\"hl-string\">&quot;ConsoleLogin&quot;</span>"
            ))
        for (name, html) in site where name.hasSuffix(".html") {
            let main = html.components(separatedBy: "<main").last ?? html
            #expect(!main.contains("**"), "\(name) has literal asterisks")
            // The seed's screenshots were lost: the only images are the course's own diagrams,
            // each measured from its file.
            for image in main.components(separatedBy: "<img ").dropFirst() {
                let tag = image.prefix { $0 != ">" }
                #expect(tag.contains(" width=\"") && tag.contains(" height=\""), "\(name): <img \(tag)>")
            }
        }
    }

    @Test("the billing-region warning sits at CloudWatch step 8")
    func regionWarning() async throws {
        let html = try #require(try await Self.build()["cloudwatch.html"])
        let step8 = try #require(html.range(of: "id=\"step-8\""))
        let step9 = try #require(html.range(of: "id=\"step-9\""))
        let section = html[step8.upperBound..<step9.lowerBound]
        #expect(section.contains("callout-warning"))
        #expect(section.contains("us-east-1"))
    }
}
