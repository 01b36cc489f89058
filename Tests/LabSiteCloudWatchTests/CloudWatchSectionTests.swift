import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudWatch

@Suite("CloudWatch section")
struct CloudWatchSectionTests {
    static let lab = """
        ---
        title: 결제 경보
        order: 1
        ---
        ## 1. 리전 확인

        ```alarm
        name: lab-myalarm-seoul
        show: findings
        ```

        ## 2. 조건 설정

        ```alarm
        name: lab-myalarm
        ```

        """

    /// Builds the fixtures with the default theme into a folder of its own.
    @Test("the default site gets an index, alarm pages, the lab's cards and the region warning")
    func site() async throws {
        var files = try CloudWatchFixtures.files()
        files["content/index.md"] = "---\ntitle: 홈\norder: 0\n---\n"
        files["content/lab/cloudwatch.md"] = Self.lab
        let site = try TemporarySite(files: files)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "labsite-cloudwatch-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try await SiteBuilder(
            sourceDirectory: site.root, outputDirectory: output, sectionTypes: [CloudWatchSection.self]
        ).build()
        #expect(
            report.warnings.map(\.description) == [
                "content/alarms/lab-myalarm-seoul.json:4: warning: The alarm `lab-myalarm-seoul` is in ap-northeast-2, "
                    + "but AWS/Billing metrics exist only in us-east-1, so it can never receive data; "
                    + "create billing alarms in us-east-1."
            ])
        func read(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        let index = try read("alarms/index.html")
        #expect(index.contains(#"<a href="../alarms/lab-myalarm.html"><code>lab-myalarm</code></a>"#))
        #expect(index.contains(#"<a href="../alarms/myalarm.html"><code>myalarm</code></a>"#))
        #expect(index.contains("<td class=\"alarm-has-findings\">1</td>"))

        let page = try read("alarms/lab-myalarm.html")
        #expect(
            page.contains(
                "<p class=\"alarm-sentence\">해당 월 예상 요금 합계가 6시간 최대값 기준 200 USD를 초과하면 경보(ALARM) 상태가 되어 "
                    + "<code>lab-billing-alarm-topic</code> SNS 주제로 알림을 보낸다.</p>"))
        #expect(page.contains("<tr><th scope=\"row\">임계값</th><td><code>Threshold</code></td><td>200 USD</td></tr>"))
        #expect(page.contains("<svg class=\"chart\""))
        #expect(page.contains("<rect class=\"chart-shade\""))
        #expect(page.contains("<ol class=\"alarm-timeline\">"))
        #expect(page.contains("aws cloudwatch put-metric-alarm \\\n    --region us-east-1"))
        #expect(page.contains("Type: AWS::CloudWatch::Alarm"))
        #expect(
            page.contains(#"<a href="../alarms/lab-myalarm.datapoints.json">alarms/lab-myalarm.datapoints.json</a>"#))
        #expect(!page.contains("alarm-finding"))

        let seoul = try read("alarms/lab-myalarm-seoul.html")
        #expect(seoul.contains("<aside class=\"callout callout-warning alarm-finding\" role=\"note\">"))
        #expect(seoul.contains("이 경보는 <code>ap-northeast-2</code> 리전에 있다."))
        #expect(seoul.contains("데이터 포인트 파일이 없어 차트를 그리지 않는다."))

        let cli = try read("alarms/myalarm.html")
        #expect(cli.contains("<code>Maximum</code> 값만 있어 그 값을 그렸다."))

        let labPage = try read("lab/cloudwatch.html")
        #expect(labPage.contains(#"경보 <a href="../alarms/lab-myalarm-seoul.html"><code>lab-myalarm-seoul</code></a>"#))
        #expect(labPage.contains("이 경보는 <code>ap-northeast-2</code> 리전에 있다."))
        #expect(labPage.contains(#"<a href="../alarms/lab-myalarm.html"><code>lab-myalarm</code></a>"#))
        #expect(labPage.contains("<table class=\"alarm-config\">"))
        #expect(labPage.contains("<svg class=\"chart\""))
        #expect(try read("assets/nav.js").contains(#""title":"CloudWatch 경보","url":"alarms/index.html""#))
        #expect(!page.contains(#"href="/"#))
    }

    @Test("a course's templates/partials/alarm-config.mustache changes every alarm page and card")
    func configPartialOverride() async throws {
        var files = try CloudWatchFixtures.files()
        files["content/index.md"] = "---\ntitle: 홈\norder: 0\n---\n"
        files["content/lab/cloudwatch.md"] = Self.lab
        files["templates/partials/alarm-config.mustache"] =
            "<p class=\"mine\">{{name}}: {{metricName}} {{comparisonSymbol}} {{threshold}}</p>\n"
        let site = try TemporarySite(files: files)
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: [CloudWatchSection.self]).build()
        let pages = try TemporarySite.snapshot(of: site.output).keys.filter {
            $0.hasPrefix("alarms/") && $0.hasSuffix(".html") && $0 != "alarms/index.html"
        }
        #expect(pages.count == 3)
        for path in pages {
            let page = try site.read(path)
            #expect(page.contains("<h2 id=\"alarm-config\">경보 설정</h2>\n<p class=\"mine\">"), "\(path)")
            #expect(!page.contains("alarm-config\">\n<thead>"), "\(path)")
        }
        #expect(
            try site.read("alarms/lab-myalarm.html").contains(
                "<p class=\"mine\">lab-myalarm: EstimatedCharges &gt; 200 USD</p>"))
        // The card of the lab's second block shows the configuration; the first shows only findings.
        #expect(try site.read("lab/cloudwatch.html").contains("<p class=\"mine\">lab-myalarm: EstimatedCharges"))
    }

    @Test("strings from the files are escaped everywhere")
    func escaping() async throws {
        let hostile = "<script>alert(1)</script>"
        let alarm = """
            {"MetricAlarms": [{"AlarmName": "x\(hostile)", "AlarmDescription": "\(hostile)", "MetricName": "M\(hostile)",
              "Namespace": "N\(hostile)", "Statistic": "Maximum", "Period": 60, "EvaluationPeriods": 1, "Threshold": 1,
              "ComparisonOperator": "GreaterThanThreshold", "StateValue": "ALARM", "StateReason": "\(hostile)",
              "Dimensions": [{"Name": "\(hostile)", "Value": "\(hostile)"}], "AlarmActions": ["arn:aws:sns:us-east-1:1:\(hostile)"]}]}
            """
        let site = try TemporarySite(files: [
            "content/index.md": "---\ntitle: 홈\n---\n```alarm\nname: x\(hostile)\n```\n",
            "content/alarms/a.json": alarm,
            "content/alarms/a.datapoints.json":
                #"{"Label": "\#(hostile)", "Datapoints": [{"Timestamp": "2024-03-01T00:00:00Z", "Maximum": 2, "Unit": "\#(hostile)"}]}"#,
            "content/alarms/a.history.json": """
            {"AlarmHistoryItems": [{"AlarmName": "x\(hostile)", "Timestamp": "2024-03-01T00:00:00Z",
              "HistoryItemType": "\(hostile)", "HistorySummary": "\(hostile)"}]}
            """,
        ])
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: [CloudWatchSection.self]).build()
        for page in ["index.html", "alarms/index.html", "alarms/x_3Cscript_3Ealert_281_29_3C_2Fscript_3E.html"] {
            let html = try site.read(page)
            #expect(!html.contains("<script>alert"), "\(page)")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(page)")
        }
    }

    @Test(
        "a bad alarm block fails the build at its line",
        arguments: [
            (
                "name: nope",
                "content/index.md:4: error: No alarm named `nope` is defined under content/alarms/; the alarms are a."
            ),
            ("", "content/index.md:4: error: The `alarm` block has no `name: ALARM-NAME` line."),
            (
                "name: a\nshow: table",
                "content/index.md:4: error: The `alarm` block shows `table`; `show` takes card, chart and findings."
            ),
            (
                "alarm: a",
                "content/index.md:4: error: The `alarm` block has the unknown key `alarm`; it takes `name` and `show`."
            ),
        ])
    func badDirective(body: String, message: String) async throws {
        let site = try TemporarySite(files: [
            "content/index.md": "---\ntitle: 홈\n---\n```alarm\n\(body)\n```\n",
            "content/alarms/a.json": AlarmDecoderTests.good,
        ])
        let errors = try await #require(throws: BuildErrors.self) {
            try await SiteBuilder(sourceDirectory: site.root, sectionTypes: [CloudWatchSection.self]).build()
        }
        #expect(errors.description == message)
    }

    @Test("without content/alarms/ the section adds nothing")
    func empty() async throws {
        let section = try CloudWatchFixtures.section([:])
        #expect(try section.pages().isEmpty)
        #expect(section.warnings.isEmpty)
    }
}
