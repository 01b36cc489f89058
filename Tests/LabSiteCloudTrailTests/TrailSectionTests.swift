import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail

@Suite("CloudTrail section")
struct TrailSectionTests {
    static let folder = "content/trail/AWSLogs/111122223333/CloudTrail/ap-northeast-2/2022/06/04/"
    static let fileName = "111122223333_CloudTrail_ap-northeast-2_20220604T1240Z_abc.json.gz"

    static let createBucket = """
        {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDARZPUZDIKACRYC356Q",\
        "arn":"arn:aws:iam::111122223333:user/lab-user","accountId":"111122223333",\
        "accessKeyId":"ASIARZPUZDIKO6WM7WIQ","userName":"lab-user","sessionContext":{"sessionIssuer":{},\
        "attributes":{"creationDate":"2022-06-04T12:16:53Z","mfaAuthenticated":"false"}}},\
        "eventTime":"2022-06-04T12:37:22Z","eventSource":"s3.amazonaws.com","eventName":"CreateBucket",\
        "awsRegion":"ap-northeast-2","sourceIPAddress":"203.0.113.25","userAgent":"aws-cli/2.7",\
        "requestParameters":{"bucketName":"lab-bucket"},"responseElements":null,\
        "eventID":"661f918a-3c42-48ab-8905-a85aec12eeb6","readOnly":false,"eventType":"AwsApiCall",\
        "managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management"}
        """

    static let denied = """
        {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"lab-user",\
        "accountId":"111122223333"},"eventTime":"2022-06-04T12:40:01Z","eventSource":"s3.amazonaws.com",\
        "eventName":"ListObjects","awsRegion":"ap-northeast-2","sourceIPAddress":"2001:db8:85a3::8a2e:370:7334",\
        "errorCode":"AccessDenied","errorMessage":"Access Denied","eventID":"e2","readOnly":true}
        """

    static let lab = """
        ---
        title: 실습
        ---
        ## 1. 버킷

        ```cloudtrail-event
        eventName: CreateBucket
        ```

        ## 2. 오류

        ```cloudtrail-events
        errors: yes
        ```

        """

    static func write(_ bytes: [UInt8], to path: String, in site: borrowing TemporarySite) throws {
        let url = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    static func trailSite(records: [String] = [createBucket, denied], lab: String = lab) throws -> TemporarySite {
        let site = try TemporarySite(files: ["content/site.yml": "title: 실습\n", "content/lab.md": lab])
        try write(
            GzipBuilder.member("{\"Records\":[" + records.joined(separator: ",") + "]}"), to: folder + fileName,
            in: site)
        return site
    }

    static func build(_ site: borrowing TemporarySite, options: BuildOptions = BuildOptions()) async throws {
        try await SiteBuilder(sourceDirectory: site.root, options: options, sectionTypes: [TrailSection.self]).build()
    }

    @Test("the index has a static table whose rows link to event pages")
    func indexRow() async throws {
        let site = try Self.trailSite()
        try await Self.build(site)
        let index = try site.read("events/index.html")
        #expect(
            index.contains(
                """
                <tr><td><time datetime="2022-06-04T12:37:22Z">2022-06-04 12:37:22</time></td><td>lab-user</td>\
                <td>s3.amazonaws.com</td><td><a href="661f918a-3c42-48ab-8905-a85aec12eeb6.html">CreateBucket</a></td>\
                <td>ap-northeast-2</td><td>203.0.113.25</td><td>쓰기</td><td></td></tr>

                """))
        #expect(
            index.contains(
                """
                <td>2001:db8:85a3::8a2e:370:7334</td><td>읽기</td><td class="trail-error">AccessDenied</td></tr>
                """))
        #expect(index.contains("<script src=\"events-data.js\"></script>"))
        #expect(index.contains("<script src=\"../assets/trail-table.js\"></script>"))
        let data = try site.read("events/events-data.js")
        #expect(
            data.contains(
                #"["661f918a-3c42-48ab-8905-a85aec12eeb6","2022-06-04 12:37:22","lab-user","s3.amazonaws.com","#
                    + #""CreateBucket","ap-northeast-2","203.0.113.25","쓰기",""]"#))
        #expect(try site.read("assets/trail-table.js").contains("LABSITE_EVENTS"))
    }

    @Test("an event page explains the record and shows it as indented JSON")
    func eventPage() async throws {
        let site = try Self.trailSite()
        try await Self.build(site)
        let page = try site.read("events/661f918a-3c42-48ab-8905-a85aec12eeb6.html")
        #expect(page.contains("<title>CreateBucket · 2022-06-04 12:37:22 UTC"))
        #expect(page.contains("<dt>누가</dt><dd><strong>lab-user</strong> — IAM 사용자 (<code>IAMUser</code>)"))
        #expect(
            page.contains(
                "<dt>언제</dt><dd><time datetime=\"2022-06-04T12:37:22Z\">2022-06-04 12:37:22 UTC</time> (한국 시간 2022-06-04 21:37:22)</dd>"
            ))
        #expect(page.contains("MFA 사용 안 함"))
        #expect(page.contains(#"<pre class="trail-json"><code>{"#))
        #expect(page.contains("\n  \"eventName\": \"CreateBucket\",\n"))
        #expect(page.contains("\n  \"responseElements\": null,\n"))
        // The record is the page's one heading, so there is no table of contents beside it.
        #expect(page.contains("<h2 id=\"record\">전체 레코드</h2>"))
        #expect(!page.contains("page-toc"))
        #expect(
            page.contains(
                "href=\"../events/bucket/AWSLogs/111122223333/CloudTrail/ap-northeast-2/2022/06/04/\(Self.fileName).html\""
            ))
        // The raw file is published and linked as a download.
        #expect(
            page.contains(
                "href=\"../trail/AWSLogs/111122223333/CloudTrail/ap-northeast-2/2022/06/04/\(Self.fileName)\" download")
        )
        #expect(
            FileManager.default.fileExists(
                atPath: site.output.appendingPathComponent(
                    "trail/AWSLogs/111122223333/CloudTrail/ap-northeast-2/2022/06/04/\(Self.fileName)"
                ).path))
    }

    @Test("of two events with one eventID, the first in its file keeps it as page name, even when later in time")
    func repeatedEventID() async throws {
        let earlier = Self.createBucket.replacingOccurrences(of: "CreateBucket", with: "DeleteBucket")
            .replacingOccurrences(of: "2022-06-04T12:37:22Z", with: "2022-06-04T12:00:00Z")
        let site = try Self.trailSite(records: [Self.createBucket, earlier], lab: "---\ntitle: 실습\n---\n")
        try await Self.build(site)
        let kept = try site.read("events/661f918a-3c42-48ab-8905-a85aec12eeb6.html")
        #expect(kept.contains("<title>CreateBucket · 2022-06-04 12:37:22 UTC"))
        let index = try site.read("events/index.html")
        let link = try #require(index.firstMatch(of: #/<a href="(event-[0-9a-f]+)\.html">DeleteBucket</a>/#))
        let renamed = try site.read("events/\(link.output.1).html")
        #expect(renamed.contains("<title>DeleteBucket · 2022-06-04 12:00:00 UTC"))
    }

    @Test("event pages of different shapes in one file each get their own skeleton")
    func pagesOfTwoShapes() async throws {
        // No user, source or region: an empty summary, so the page has no description line.
        let bare = #"{"eventTime":"2022-06-04T12:38:00Z","eventName":"Bare","eventID":"bare-1"}"#
        let site = try Self.trailSite(records: [Self.createBucket, bare, Self.denied], lab: "---\ntitle: 실습\n---\n")
        let description = "\n  <meta name=\"description\" content=\"lab-user · s3.amazonaws.com · ap-northeast-2\">\n"
        try await Self.build(site)
        let full = try site.read("events/661f918a-3c42-48ab-8905-a85aec12eeb6.html")
        #expect(full.contains(description))
        let empty = try site.read("events/bare-1.html")
        #expect(empty.contains("<title>Bare · 2022-06-04 12:38:00 UTC · 실습</title>\n  <meta name=\"color-scheme\""))
        let after = try site.read("events/e2.html")
        #expect(after.contains(description))
        #expect(after.contains("<title>ListObjects · 2022-06-04 12:40:01 UTC · 실습</title>"))
    }

    @Test("a course's templates/partials/event.mustache changes every event page, and only what it renders")
    func eventPartialOverride() async throws {
        let bare = #"{"eventName":"Bare","eventTime":"2022-06-04T12:38:00Z","userIdentity":{"type":"Root"}}"#
        let site = try Self.trailSite(records: [Self.createBucket, Self.denied, bare])
        try site.write(
            "templates/partials/event.mustache",
            "<p class=\"mine\">{{eventName}} · {{recordNumber}} · {{user}}</p>\n{{{recordJSON}}}")
        try await Self.build(site)
        let files = try TemporarySite.snapshot(of: site.output)
        let eventPages = files.keys.filter {
            $0.hasPrefix("events/") && $0.hasSuffix(".html") && $0.split(separator: "/").count == 2
                && !["events/index.html", "events/summary.html"].contains($0)
        }
        #expect(eventPages.count == 3)
        let expected = [
            "661f918a-3c42-48ab-8905-a85aec12eeb6": "CreateBucket · 1 · lab-user", "e2": "ListObjects · 2 · lab-user",
        ]
        for path in eventPages {
            let page = String(decoding: files[path] ?? Data(), as: UTF8.self)
            let id = String(path.dropFirst("events/".count).dropLast(".html".count))
            let line = expected[id] ?? "Bare · 3 · root"
            #expect(page.contains("<p class=\"mine\">\(line)</p>\n<pre class=\"trail-json\"><code>{"), "\(path)")
            #expect(!page.contains("trail-facts") && !page.contains("trail-neighbours"), "\(path)")
        }
        // The fact sheet is a partial of its own, which the card directive still shows.
        #expect(try site.read("lab.html").contains("<dl class=\"trail-facts\">"))
    }

    @Test("the card directive renders one event, exactly")
    func card() async throws {
        let site = try Self.trailSite()
        try await Self.build(site)
        let lab = try site.read("lab.html")
        #expect(
            lab.contains(
                """
                <div class="directive trail-card">
                <p class="trail-card-title"><a href="events/661f918a-3c42-48ab-8905-a85aec12eeb6.html">\
                <code>CreateBucket</code></a> <span class="trail-card-time">2022-06-04 12:37:22 UTC</span></p>
                <dl class="trail-facts">
                <dt>누가</dt><dd><strong>lab-user</strong> — IAM 사용자 (<code>IAMUser</code>)\
                <br><code>arn:aws:iam::111122223333:user/lab-user</code><br>계정 <code>111122223333</code></dd>
                <dt>무엇을</dt><dd><code>s3.amazonaws.com</code>의 <strong>CreateBucket</strong> \
                (쓰기 작업: 무언가를 바꾸는 요청)<br>유형 <code>AwsApiCall</code>, 분류 <code>Management</code></dd>
                <dt>언제</dt><dd><time datetime="2022-06-04T12:37:22Z">2022-06-04 12:37:22 UTC</time> \
                (한국 시간 2022-06-04 21:37:22)</dd>
                <dt>어디에서</dt><dd>IP <code>203.0.113.25</code>, 리전 <code>ap-northeast-2</code>\
                <br>프로그램 <code>aws-cli/2.7</code></dd>
                <dt>어떤 자격 증명으로</dt><dd>임시 자격 증명 <code>ASIARZPUZDIKO6WM7WIQ</code>\
                <br><strong class="trail-warning">MFA 사용 안 함</strong></dd>
                <dt>결과</dt><dd>성공 (오류 없음)</dd>
                </dl>
                <p class="trail-card-more"><a href="events/661f918a-3c42-48ab-8905-a85aec12eeb6.html">레코드 전체 보기</a></p>
                </div>
                """))
        #expect(lab.contains("<td class=\"trail-error\">AccessDenied</td>"))
        #expect(lab.contains("<a href=\"events/e2.html\">ListObjects</a>"))
    }

    @Test("highlights that read fields the first pass leaves out still find their events")
    func highlightsReadingWholeRecords() async throws {
        let login = """
            {"additionalEventData":{"MFAUsed":"%@"},"eventName":"ConsoleLogin","eventTime":"2022-06-04T12:0%@:00Z",\
            "userIdentity":{"type":"IAMUser","userName":"lab-user"},"eventID":"%@",\
            "responseElements":{"ConsoleLogin":"Success"}}
            """
        let ingress = """
            {"eventName":"AuthorizeSecurityGroupIngress","eventTime":"2022-06-04T12:09:00Z","eventID":"sg1",\
            "requestParameters":{"ipPermissions":{"items":[{"ipRanges":{"items":[{"cidrIp":"0.0.0.0/0"}]}}]}}}
            """
        // A trail of its own for each highlight: a file with a record of either event is read whole.
        for (records, id, title, event) in [
            (
                [String(format: login, "No", "1", "login1"), String(format: login, "Yes", "2", "login2")],
                "console-login-without-mfa", "MFA 없는 콘솔 로그인", "login1"
            ),
            ([ingress, Self.denied], "open-security-groups", "0.0.0.0/0에 열린 보안 그룹", "sg1"),
        ] {
            let site = try Self.trailSite(records: records, lab: "---\ntitle: 실습\n---\n본문\n")
            try await Self.build(site)
            let summary = try site.read("events/summary.html")
            #expect(
                summary.contains(
                    "<li class=\"trail-highlight\" id=\"\(id)\"><strong>\(title)</strong> <span class=\"trail-count\">1건</span>"
                ))
            #expect(summary.contains("<li><a href=\"\(event).html\">"))
            #expect(!summary.contains("<li><a href=\"login2.html\">"))
        }
    }

    @Test("count tables' links percent-encode all but unreserved characters, as Python's quote does")
    func queryValues() {
        // The expected text is Python's `urllib.parse.quote(value, safe="")`.
        #expect(
            TrailSection.queryEscaped("lab-user@예시/A~b.c_d 1:ÿ")
                == "lab-user%40%EC%98%88%EC%8B%9C%2FA~b.c_d%201%3A%C3%BF")
    }

    @Test("highlights list the failed request, exactly")
    func highlight() async throws {
        let site = try Self.trailSite()
        try await Self.build(site)
        let summary = try site.read("events/summary.html")
        #expect(
            summary.contains(
                """
                <li class="trail-highlight" id="errors"><strong>AccessDenied와 그 밖의 오류</strong> \
                <span class="trail-count">1건</span> — 실패한 요청이다. 권한 부족(AccessDenied)이 반복되면 \
                권한을 찾는 시도일 수 있다.
                <ul>
                <li><a href="e2.html"><code>ListObjects</code></a> (lab-user, 2022-06-04 12:40:01, \
                <span class="trail-error">AccessDenied</span>)</li>
                </ul></li>
                """))
        #expect(
            summary.contains(
                "<li class=\"trail-highlight\" id=\"root-activity\"><strong>루트 사용자 활동</strong> <span class=\"trail-count\">0건</span></li>"
            ))
        #expect(summary.contains("role=\"img\""))
        #expect(summary.contains("<rect class=\"trail-timeline-bar\""))
        let bucket = try site.read("events/bucket/AWSLogs/111122223333/CloudTrail/ap-northeast-2/2022/06/04/index.html")
        #expect(bucket.contains("<a href=\"\(Self.fileName).html\">\(Self.fileName)</a></td><td>로그 파일</td><td>2</td>"))
        let root = try site.read("events/bucket/index.html")
        #expect(root.contains("<a href=\"AWSLogs/index.html\">AWSLogs/</a></td><td>폴더</td><td>2</td>"))
    }

    @Test("a directive that matches nothing fails at its page and line")
    func noMatch() async throws {
        let site = try Self.trailSite(lab: "---\ntitle: x\n---\n\n```cloudtrail-events\neventName: DeleteTrail\n```\n")
        var message = ""
        do { try await Self.build(site) } catch let errors as BuildErrors {
            message = errors.description
        } catch let error as any LocatedError { message = error.errorDescription ?? "" }
        #expect(
            message
                == "content/lab.md:5: error: No event under content/trail/ matches the `cloudtrail-events` block "
                + "(2 events were read); check the names and values.")
    }

    @Test("hostile strings from a log stay text in pages, attributes and scripts")
    func hostile() async throws {
        let evil = #"</script><img src=x onerror=alert(1)>\"'&"#
        let record = """
            {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"\(evil)"},\
            "eventTime":"2022-06-04T12:00:00Z","eventSource":"\(evil)","eventName":"\(evil)",\
            "awsRegion":"\(evil)","sourceIPAddress":"\(evil)","errorCode":"\(evil)",\
            "eventID":"../../\(evil)","\(evil)":"\(evil)"}
            """
        let lab = "---\ntitle: x\n---\n\n```cloudtrail-events\nerrors: yes\n```\n"
        let site = try Self.trailSite(records: [record], lab: lab)
        try await Self.build(site)
        let files = try TemporarySite.snapshot(of: site.output)
        for (path, data) in files where path.hasSuffix(".html") || path.hasSuffix(".js") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<img src=x"), "\(path) has a raw tag from the log")
            #expect(!text.contains("</script><img"), "\(path) lets a value end a script")
        }
        let data = try site.read("events/events-data.js")
        #expect(data.contains(#"\u003c/script>\u003cimg src=x onerror=alert(1)>\"'&"#))
        let eventPages = files.keys.filter { $0.hasPrefix("events/event-") }
        #expect(eventPages.count == 1)
        let page = try site.read(try #require(eventPages.first))
        #expect(page.contains(#"&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;\"'&amp;"#))
        // The event id is not a safe file name, so the page name is derived and nothing escapes events/.
        #expect(files.keys.allSatisfy { !$0.contains("..") })
    }

    static let good = Array(#"{"Records":[]}"#.utf8)

    @Test(
        "a broken trail file fails the build naming the file and leaves the previous site",
        arguments: [
            (
                Array(#"{"Records":[]}"#.utf8),
                ": error: The file is not a gzip file (it does not start with the gzip magic bytes 1f 8b)."
            ),
            (
                Array(GzipBuilder.member(#"{"Records":[]}"#).dropLast(6)),
                ": error: The gzip file is truncated: the data ends before the compressed stream does."
            ),
            (
                {
                    var bytes = GzipBuilder.member(#"{"Records":[]}"#)
                    bytes[bytes.count - 5] ^= 1
                    return bytes
                }(),
                ": error: The gzip file is corrupt: incorrect data check."
            ),
            (
                GzipBuilder.member("{\"Records\":[\n{\"b\" 2}]}"),
                ":2: error: The file is not valid JSON: expected ':' after the key \"b\", found '2' (column 6)."
            ),
            (
                GzipBuilder.member(#""eventVersion""#),
                ": error: The file holds a string; a CloudTrail log file is {\"Records\":[…]}."
            ),
            (
                GzipBuilder.member(#"{"other":"1.08"}"#),
                ": error: The file has no \"Records\" array; a CloudTrail log file is {\"Records\":[…]}."
            ),
            (
                GzipBuilder.member("{\"Events\":[\n{\"CloudTrailEvent\":\"{\"}]}"),
                ":2: error: Event 1's \"CloudTrailEvent\" is not valid JSON: expected a quoted key in an object, "
                    + "found the end of the file (column 2 of the string's text)."
            ),
            (
                GzipBuilder.member(#"{"Records":[{},"oops"]}"#),
                ": error: Record 2 is a string, not a JSON object."
            ),
            (
                GzipBuilder.member(#"{"Records":["# + String(repeating: " ", count: 5000) + "]}"),
                ": error: The gzip file inflates to more than 4000 bytes (the inflate limit); "
                    + "it is treated as a decompression bomb."
            ),
        ] as [([UInt8], String)])
    func broken(bytes: [UInt8], message: String) async throws {
        let options = BuildOptions(inflateLimit: 4000)
        let site = try Self.trailSite(lab: "---\ntitle: x\n---\n")
        try await Self.build(site, options: options)
        let before = try TemporarySite.snapshot(of: site.output)
        let path = Self.folder + "111122223333_CloudTrail_ap-northeast-2_20220604T1245Z_bad.json.gz"
        try Self.write(bytes, to: path, in: site)
        var description = ""
        do { try await Self.build(site, options: options) } catch let errors as BuildErrors {
            description = errors.description
        } catch let error as any LocatedError { description = error.errorDescription ?? "" }
        #expect(description == path + message)
        #expect(try TemporarySite.snapshot(of: site.output) == before)
    }
}

/// Event files in the other forms under `content/trail/`: Event history downloads, lookup-events
/// output, Athena results, beside the bucket's log files.
@Suite("CloudTrail section: other forms of events")
struct TrailSectionFormsTests {
    static let history = """
        Event ID,Event time,User name,Event name,Resource type,Resources,AWS access key,AWS region,Error code,Source IP address\r
        661f918a-3c42-48ab-8905-a85aec12eeb6,"2022-06-04, 09:37:22 PM",lab-user,CreateBucket,AWS::S3::Bucket,lab-bucket,,ap-northeast-2,,203.0.113.25\r
        early-1,"2022-06-04, 09:10:00 PM",admin,CreateUser,AWS::IAM::User,lab-user,,us-east-1,,203.0.113.25\r

        """

    @Test("one page per eventID across sources, from the richest record, naming the other files and what a form lacks")
    func onePagePerEvent() async throws {
        let site = try TrailSectionTests.trailSite()
        try site.write("content/site.yml", "title: 실습\ntimeZone: Asia/Seoul\n")
        try site.write("content/trail/event-history/history.csv", Self.history)
        try await TrailSectionTests.build(site)

        let pages = try FileManager.default.contentsOfDirectory(
            atPath: site.output.appendingPathComponent("events").path
        )
        .filter { $0.hasSuffix(".html") && !["index.html", "summary.html"].contains($0) }.sorted()
        #expect(pages == ["661f918a-3c42-48ab-8905-a85aec12eeb6.html", "e2.html", "early-1.html"])
        let both = try site.read("events/661f918a-3c42-48ab-8905-a85aec12eeb6.html")
        #expect(
            both.contains(
                "<p class=\"trail-source\">같은 이벤트(eventID)를 <a href=\"../events/bucket/event-history/history.csv.html\">"
                    + "<code>history.csv</code></a>에서도 읽었다. 이 페이지는 그중 필드가 가장 많은 레코드를 보인다.</p>"))
        // The bucket's record, which has the request.
        #expect(both.contains("lab-bucket"))
        #expect(!both.contains("그 형식에는 다음 필드가 없다"))
        let early = try site.read("events/early-1.html")
        #expect(
            early.contains(
                "<p class=\"trail-source\">이 레코드는 콘솔 이벤트 기록(Event history)의 CSV 다운로드에서 읽었다. 그 형식에는 "
                    + "다음 필드가 없다: <code>eventVersion</code>, <code>eventSource</code>, <code>userAgent</code>, "
                    + "<code>requestParameters</code>, <code>responseElements</code>, <code>requestID</code>, "
                    + "<code>readOnly</code>, <code>eventType</code>, <code>managementEvent</code>, "
                    + "<code>recipientAccountId</code>, <code>eventCategory</code>.</p>"))
        // Korean time 21:10 is 12:10 UTC.
        #expect(early.contains("2022-06-04T12:10:00Z"))
    }

    @Test("a local time without timeZone in site.yml fails the build at the file's line")
    func needsTimeZone() async throws {
        let site = try TrailSectionTests.trailSite()
        try site.write("content/trail/event-history/history.csv", Self.history)
        let error = await #expect(throws: CloudTrailError.self) { try await TrailSectionTests.build(site) }
        #expect(error?.path == "content/trail/event-history/history.csv")
        #expect(error?.line == 2)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test(
        "a broken file of another form fails the build at its line and leaves the previous site",
        arguments: [
            (
                "history.csv", "Event ID,Event time,Event name\r\ne,\"2026-11-17T01:00:00Z,A\r\n",
                ":2: error: The file is not valid CSV: a quoted cell that starts on this line is never closed."
            ),
            (
                "history.csv", "Event ID,Event time,Event name\r\ne,2026-11-17T01:00:00Z\r\n",
                ":2: error: The file is not valid CSV: this row has 2 cells, but the header names 3 columns."
            ),
            (
                "lookup.json", "{\"Events\":[{\"CloudTrailEvent\":\"not json\"}]}",
                ":1: error: Event 1's \"CloudTrailEvent\" is not valid JSON: unexpected 'n' where a value was "
                    + "expected (column 1 of the string's text)."
            ),
            (
                "unknown.json", "{\"Items\":[]}",
                ": error: The file has no \"Records\" array; a CloudTrail log file is {\"Records\":[…]}."
            ),
        ])
    func brokenForm(name: String, text: String, message: String) async throws {
        let site = try TrailSectionTests.trailSite()
        try await TrailSectionTests.build(site)
        let before = try TemporarySite.snapshot(of: site.output)
        try site.write("content/trail/\(name)", text)
        let error = await #expect(throws: CloudTrailError.self) { try await TrailSectionTests.build(site) }
        #expect(error?.errorDescription == "content/trail/\(name)" + message)
        #expect(try TemporarySite.snapshot(of: site.output) == before)
    }

    @Test("lookup-events output and Athena results under content/trail/ get event pages of their records")
    func lookupAndAthena() async throws {
        let site = try TemporarySite(files: [
            "content/site.yml": "title: 실습\n", "content/lab.md": "---\ntitle: x\n---\n",
        ])
        try site.write(
            "content/trail/lookup.json",
            try String(contentsOf: Fixtures.url("event-inputs/lookup-events-us-east-1.json"), encoding: .utf8))
        try site.write(
            "content/trail/athena.csv",
            try String(contentsOf: Fixtures.url("event-inputs/athena-results.csv"), encoding: .utf8))
        try await TrailSectionTests.build(site)
        let page = try site.read("events/4220fd57-08b3-4a9c-8730-5aad31033046.html")
        #expect(page.contains("<code>lookup.json</code>"))
        #expect(!page.contains("그 형식에는 다음 필드가 없다"))
        let athena = try site.read("events/017fadde-c513-4459-b200-556e3b932deb.html")
        #expect(athena.contains("이 레코드는 Amazon Athena 쿼리 결과에서 읽었다. 그 형식에는 다음 필드가 없다: <code>eventVersion</code>, "))
    }
}

@Suite("CloudTrail redaction")
struct TrailRedactionTests {
    @Test("stand-ins are consistent, inside ARNs too, and never an original value")
    func standIns() {
        var redactor = TrailRedactor()
        let text =
            "arn:aws:iam::123456789012:user/x from 203.0.113.25 key AKIAIOSFODNN7EXAMPLE id AIDARZPUZDIKACRYC356Q"
        redactor.learn(text)
        redactor.learn("2001:db8:85a3::8a2e:370:7334 and 000000000001 and 12:37:22 and Chrome/102.0.5005.63")
        redactor.finish()
        #expect(
            redactor.redact(text)
                == "arn:aws:iam::000000000002:user/x from 198.18.0.1 key AKIAREDACTED00000001 id AIDAREDACTED000000001")
        #expect(
            redactor.redact("123456789012/2001:db8:85a3::8a2e:370:7334 12:37:22 Chrome/102.0.5005.63 1234567890123")
                == "000000000002/2001:db8:ffff::1 12:37:22 Chrome/102.0.5005.63 1234567890123")
    }

    @Test("--redact leaves no account id, access key, IP or principal id of the sample trail in the site")
    func sampleTrail() async throws {
        let site = try TemporarySite(files: [
            "content/site.yml": "title: 실습\n",
            "content/lab.md": "---\ntitle: 실습\n---\n\n```cloudtrail-event\neventName: CreateTrail\n```\n",
        ])
        let trail = Repository.root.appendingPathComponent("content/trail")
        try FileManager.default.copyItem(at: trail, to: site.root.appendingPathComponent("content/trail"))
        try await SiteBuilder(
            sourceDirectory: site.root, options: BuildOptions(redact: true), sectionTypes: [TrailSection.self]
        ).build()

        var originals = TrailRedactor()
        for source in TrailReader.sources(inFolder: trail) {
            originals.learn(source.path)
            for record in try TrailReader().read(source).records { originals.learn(record.json) }
        }
        originals.finish()
        let values = originals.standIns.keys.sorted()
        #expect(values.contains("123456789012"))
        #expect(values.contains("AIDARZPUZDIKACRYC356Q"))
        #expect(values.contains { $0.hasPrefix("AKIA") || $0.hasPrefix("ASIA") })
        #expect(values.contains { $0.hasPrefix("AIDA") })
        #expect(values.contains { $0.split(separator: ".").count == 4 })

        let files = try TemporarySite.snapshot(of: site.output)
        #expect(files.keys.contains { $0.hasPrefix("events/bucket/AWSLogs/000000000001/CloudTrail/") })
        #expect(!files.keys.contains { $0.hasPrefix("trail/") })
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            for value in values {
                #expect(!path.contains(value), "\(path) names \(value)")
                #expect(!text.contains(value), "\(path) contains \(value)")
            }
        }
        #expect(try site.read("lab.html").contains("<code>arn:aws:iam::000000000001:user/lab-user</code>"))
    }
}
