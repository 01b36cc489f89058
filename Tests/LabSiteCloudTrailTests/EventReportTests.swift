import Foundation
import Testing
@testable import LabSite
@testable import LabSiteCloudTrail

@Suite("events filters, table and JSON lines")
struct EventReportTests {
    static let records: [CloudTrailRecord] = {
        let json = #"""
            [{"eventTime":"2022-06-04T12:40:11Z","awsRegion":"ap-northeast-2","eventSource":"s3.amazonaws.com",
              "eventName":"ListObjects","sourceIPAddress":"203.0.113.25","errorCode":"AccessDenied",
              "userIdentity":{"type":"IAMUser","userName":"lab-user","arn":"arn:aws:iam::1:user/lab-user"}},
             {"eventTime":"2022-06-04T12:02:14Z","awsRegion":"us-east-1","eventSource":"iam.amazonaws.com",
              "eventName":"CreateGroup","sourceIPAddress":"198.51.100.7",
              "userIdentity":{"type":"IAMUser","userName":"admin","accessKeyId":"ASIAADMIN"}},
             {"eventTime":"2022-06-04T12:37:23Z","awsRegion":"ap-northeast-2","eventSource":"s3.amazonaws.com",
              "eventName":"GetBucketAcl","sourceIPAddress":"cloudtrail.amazonaws.com",
              "userIdentity":{"type":"AWSService","invokedBy":"cloudtrail.amazonaws.com"}},
             {"eventTime":"Jun 5, 2022 1:00:00 AM","eventName":"Odd\u001b[31m","userIdentity":{}}]
            """#
        let value = (try? JSONValue.parse(json).arrayValue) ?? []
        return value.compactMap { $0.objectValue.map(CloudTrailRecord.init) }
    }()

    func names(_ filter: EventFilter) -> [String] {
        Self.records.filter(filter.matches).compactMap(\.eventName)
    }

    @Test("each filter, and filters combined")
    func filters() throws {
        #expect(names(EventFilter(eventNames: ["listobjects"])) == ["ListObjects"])
        #expect(names(EventFilter(eventNames: ["ListObjects", "CreateGroup"])) == ["ListObjects", "CreateGroup"])
        #expect(names(EventFilter(users: ["lab-user"])) == ["ListObjects"])
        #expect(names(EventFilter(users: ["ASIAADMIN"])) == ["CreateGroup"])
        #expect(names(EventFilter(users: ["cloudtrail.amazonaws.com"])) == ["GetBucketAcl"])
        #expect(names(EventFilter(sources: ["s3"])) == ["ListObjects", "GetBucketAcl"])
        #expect(names(EventFilter(sources: ["iam.amazonaws.com"])) == ["CreateGroup"])
        #expect(names(EventFilter(regions: ["us-east-1"])) == ["CreateGroup"])
        #expect(names(EventFilter(errorsOnly: true)) == ["ListObjects"])
        #expect(names(EventFilter(sources: ["s3"], errorsOnly: true)) == ["ListObjects"])
        #expect(names(EventFilter(users: ["admin"], regions: ["ap-northeast-2"])) == [])
        let since = try #require(EventFilter.time("2022-06-04T12:30:00Z", endOfDay: false))
        let until = try #require(EventFilter.time("2022-06-04T12:38:00Z", endOfDay: true))
        #expect(names(EventFilter(since: since, until: until)) == ["GetBucketAcl"])
        #expect(names(EventFilter(since: since)) == ["ListObjects", "GetBucketAcl", "Odd\u{1b}[31m"])
        let wholeDay = try #require(EventFilter.time("2022-06-04", endOfDay: true))
        #expect(names(EventFilter(until: wholeDay)) == ["ListObjects", "CreateGroup", "GetBucketAcl"])
        #expect(EventFilter().isEmpty && !EventFilter(errorsOnly: true).isEmpty)
    }

    @Test("the table is sorted by time, padded, with - for missing values and no control characters")
    func table() {
        var table = EventTable()
        table.append(contentsOf: Self.records)
        #expect(
            table.rendered() == """
                TIME                    REGION          USER                      SOURCE             EVENT         SOURCE IP                 ERROR
                2022-06-04T12:02:14Z    us-east-1       admin                     iam.amazonaws.com  CreateGroup   198.51.100.7              -
                2022-06-04T12:37:23Z    ap-northeast-2  cloudtrail.amazonaws.com  s3.amazonaws.com   GetBucketAcl  cloudtrail.amazonaws.com  -
                2022-06-04T12:40:11Z    ap-northeast-2  lab-user                  s3.amazonaws.com   ListObjects   203.0.113.25              AccessDenied
                Jun 5, 2022 1:00:00 AM  -               -                         -                  Odd?[31m      -                         -

                """)
    }

    @Test("JSON lines are compact records in input order with every field")
    func jsonLines() {
        let lines = CloudTrailRecord.jsonLines(Self.records.prefix(2)).split(separator: "\n")
        #expect(
            lines == [
                #"{"eventTime":"2022-06-04T12:40:11Z","awsRegion":"ap-northeast-2","eventSource":"s3.amazonaws.com","eventName":"ListObjects","sourceIPAddress":"203.0.113.25","errorCode":"AccessDenied","userIdentity":{"type":"IAMUser","userName":"lab-user","arn":"arn:aws:iam::1:user/lab-user"}}"#,
                #"{"eventTime":"2022-06-04T12:02:14Z","awsRegion":"us-east-1","eventSource":"iam.amazonaws.com","eventName":"CreateGroup","sourceIPAddress":"198.51.100.7","userIdentity":{"type":"IAMUser","userName":"admin","accessKeyId":"ASIAADMIN"}}"#,
            ])
    }
}
