import Foundation
import Testing
@testable import LabSite
@testable import LabSiteCloudTrail

@Suite("Record JSON")
struct TrailHTMLTests {
    @Test("a record's block is its JSON as the core's HTML writer writes it, in a pre.trail-json block")
    func block() throws {
        let json = try JSONValue.parse(#"{"a":[1,"<b>"],"e":{}}"#)
        let expected = """
            <pre class="trail-json"><code>{
              "a": [
                1,
                "&lt;b&gt;"
              ],
              "e": {}
            }</code></pre>

            """
        #expect(String(decoding: TrailHTML.jsonBlock(json), as: UTF8.self) == expected)
    }
}

@Suite("Event fact sheets")
struct TrailFactSheetTests {
    /// The fact sheet of `event` through the built-in theme's `partials/event-facts.mustache`.
    static func facts(_ event: TrailEvent) throws -> String {
        try TemplateRenderer.builtIn.render("partials/event-facts", with: EventFacts(event: event))
    }

    @Test("the first pass, which leaves fields out of records, keeps every field the fact sheet shows")
    func firstPassKeepsTheSheet() throws {
        var firstPass = TrailReader()
        firstPass.omittedFields = TrailEvent.unreadFields
        firstPass.wholeRecordEventNames = TrailSection.eventsReadingWholeRecord
        let folders = [Fixtures.url("cloudtrail"), Repository.root.appendingPathComponent("content/trail")]
        var compared = 0
        for folder in folders {
            for source in TrailReader.sources(inFolder: folder) {
                let whole = try TrailReader().read(source).records
                let partial = try firstPass.read(source).records
                try #require(whole.count == partial.count)
                for (position, (record, partialRecord)) in zip(whole, partial).enumerated() {
                    let expected = try Self.facts(
                        TrailEvent(record: record, fileIndex: 0, position: position, id: ""))
                    let sheet = try Self.facts(
                        TrailEvent(record: partialRecord, fileIndex: 0, position: position, id: ""))
                    #expect(sheet == expected, "\(source.path) record \(position + 1)")
                    compared += 1
                }
            }
        }
        #expect(compared == 84, "\(compared) records")
    }

    @Test("a fact sheet shows the record's identity, request, time, origin, credentials and result, exactly")
    func exact() throws {
        let record = try #require(
            try JSONValue.parse(
                #"""
                {"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","principalId":"AROA:s","arn":"arn:aws:sts::111122223333:assumed-role/r/s","accountId":"111122223333","accessKeyId":"ASIAEXAMPLE","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111122223333:role/r","userName":"r"},"attributes":{"mfaAuthenticated":"false"}},"invokedBy":"cloudformation.amazonaws.com"},
                "eventTime":"2022-06-04T12:37:22Z","eventSource":"s3.amazonaws.com","eventName":"PutObject","awsRegion":"ap-northeast-2","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2 <x>","errorCode":"AccessDenied","errorMessage":"Access & denied","readOnly":false,"eventType":"AwsApiCall","managementEvent":false,"resources":[{"ARN":"arn:aws:s3:::b/k"},{"arn":"arn:aws:s3:::b"}],"vpcEndpointId":"vpce-1","sessionCredentialFromConsole":"true","extraField":1}
                """#
            ).objectValue.map(CloudTrailRecord.init(fields:)))
        let expected = """
            <dl class="trail-facts">
            <dt>누가</dt><dd><strong>r/s</strong> — 역할을 맡은 세션 (<code>AssumedRole</code>)<br><code>arn:aws:sts::111122223333:assumed-role/r/s</code><br>계정 <code>111122223333</code><br><code>cloudformation.amazonaws.com</code> 서비스가 대신 요청</dd>
            <dt>무엇을</dt><dd><code>s3.amazonaws.com</code>의 <strong>PutObject</strong> (쓰기 작업: 무언가를 바꾸는 요청)<br>유형 <code>AwsApiCall</code>, 분류 <code>Data</code><br>대상 <code>arn:aws:s3:::b/k</code>, <code>arn:aws:s3:::b</code></dd>
            <dt>언제</dt><dd><time datetime="2022-06-04T12:37:22Z">2022-06-04 12:37:22 UTC</time> (한국 시간 2022-06-04 21:37:22)</dd>
            <dt>어디에서</dt><dd>IP <code>198.51.100.7</code>, 리전 <code>ap-northeast-2</code><br>프로그램 <code>aws-cli/2 &lt;x&gt;</code><br>VPC 엔드포인트 <code>vpce-1</code></dd>
            <dt>어떤 자격 증명으로</dt><dd>임시 자격 증명 <code>ASIAEXAMPLE</code><br>세션 발급자 <code>arn:aws:iam::111122223333:role/r</code><br>콘솔 세션<br><strong class="trail-warning">MFA 사용 안 함</strong></dd>
            <dt>결과</dt><dd><strong class="trail-error">실패</strong> <code>AccessDenied</code><br>Access &amp; denied</dd>
            </dl>

            """
        let event = TrailEvent(record: record, fileIndex: 0, position: 0, id: "")
        #expect(try Self.facts(event) == expected)
        #expect(event.sheet.undocumentedFields == ["extraField"])
    }
}
