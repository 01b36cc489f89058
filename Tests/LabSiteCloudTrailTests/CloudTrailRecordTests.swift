import Foundation
import Testing
@testable import LabSite
@testable import LabSiteCloudTrail

@Suite("CloudTrail records")
struct CloudTrailRecordTests {
    static func record(_ json: String) throws -> CloudTrailRecord {
        try CloudTrailRecord(fields: #require(JSONValue.parse(json).objectValue))
    }

    @Test(
        "every userIdentity type gets a kind and a display name",
        arguments: [
            (
                #"{"type":"Root","principalId":"111","arn":"arn:aws:iam::111:root","accountId":"111"}"#,
                UserIdentity.Kind.root, "root"
            ),
            (#"{"type":"Root","userName":"my-alias"}"#, .root, "my-alias"),
            (#"{"type":"IAMUser","userName":"lab-user","arn":"arn:aws:iam::1:user/lab-user"}"#, .iamUser, "lab-user"),
            (#"{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/Admin/alice"}"#, .assumedRole, "Admin/alice"),
            (#"{"type":"FederatedUser","arn":"arn:aws:sts::1:federated-user/bob"}"#, .federatedUser, "bob"),
            (#"{"type":"AWSAccount","accountId":"444455556666","principalId":"AIDAX"}"#, .awsAccount, "444455556666"),
            (#"{"type":"AWSService","invokedBy":"cloudtrail.amazonaws.com"}"#, .awsService, "cloudtrail.amazonaws.com"),
            (
                #"{"type":"IdentityCenterUser","onBehalfOf":{"userId":"u-1","identityStoreArn":"arn:x"}}"#,
                .identityCenterUser, "u-1"
            ),
            (#"{"type":"SAMLUser","userName":"carol","identityProvider":"Ids"}"#, .samlUser, "carol"),
            (
                #"{"type":"WebIdentityUser","userName":"dave","identityProvider":"accounts.google.com"}"#,
                .webIdentityUser, "dave"
            ),
            (#"{"type":"Unknown","principalId":"p-1"}"#, .unknown, "p-1"),
            (#"{"type":"Mystery","userName":"eve"}"#, .other("Mystery"), "eve"),
            (#"{"accountId":"123456789012","invokedBy":"s3.amazonaws.com"}"#, .missing, "s3.amazonaws.com"),
        ] as [(String, UserIdentity.Kind, String)])
    func identities(json: String, kind: UserIdentity.Kind, name: String) throws {
        let record = try Self.record(#"{"userIdentity":\#(json)}"#)
        #expect(record.userIdentity?.kind == kind)
        #expect(record.userDisplayName == name)
    }

    @Test("sessionContext, booleans written as strings and console credentials")
    func sessionContext() throws {
        let record = try Self.record(
            #"""
            {"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/R/s",
             "sessionContext":{"sessionIssuer":{"type":"Role","userName":"R","arn":"arn:aws:iam::1:role/R"},
              "webIdFederationData":{"federatedProvider":"cognito"},"attributes":{"creationDate":"2023-07-10T11:00:00Z",
              "mfaAuthenticated":"true"},"sourceIdentity":"alice","ec2RoleDelivery":"2.0"}},
             "sessionCredentialFromConsole":"true","readOnly":"false","managementEvent":true}
            """#)
        let context = try #require(record.userIdentity?.sessionContext)
        #expect(context.mfaAuthenticated == true)
        #expect(context.creationDate == "2023-07-10T11:00:00Z")
        #expect(context.sessionIssuer?.userName == "R")
        #expect(context.sessionIssuer?.type == "Role")
        #expect(context.federatedProvider == "cognito")
        #expect(context.sourceIdentity == "alice")
        #expect(context.ec2RoleDelivery == "2.0")
        #expect(record.sessionCredentialFromConsole == true)
        #expect(record.readOnly == false)
        #expect(record.managementEvent == true)
        #expect(record.mfaUsed == true)
    }

    @Test("an empty sessionIssuer, as IAM users' console sessions have, is no issuer")
    func emptyIssuer() throws {
        let record = try Self.record(#"{"userIdentity":{"type":"IAMUser","sessionContext":{"sessionIssuer":{}}}}"#)
        #expect(record.userIdentity?.sessionContext?.sessionIssuer == nil)
    }

    @Test("misspelt and lower-case identity keys from hand-written samples still read")
    func looseKeys() throws {
        let record = try Self.record(
            #"{"userIdentity":{"type":"IAMUser","principalid":"AIDA1","accountid":"1","accesKeyId":"AKIA1"}}"#)
        #expect(record.userIdentity?.principalId == "AIDA1")
        #expect(record.userIdentity?.accountId == "1")
        #expect(record.userIdentity?.accessKeyId == "AKIA1")
        // A key whose lower case is the key looked up but whose UTF-8 is longer (K is U+212A KELVIN
        // SIGN, three bytes, lower-cased to "k") is found by the lower-case comparison too.
        let kelvin = try Self.record(#"{"userIdentity":{"type":"IAMUser","ACCESS\u212AEYID":"AKIA2"}}"#)
        #expect(kelvin.userIdentity?.accessKeyId == "AKIA2")
    }

    @Test("tlsDetails, resources (ARN or arn), errors and additionalEventData")
    func detailFields() throws {
        let record = try Self.record(
            #"""
            {"errorCode":"AccessDenied","errorMessage":"Access Denied","additionalEventData":{"MFAUsed":"No"},
             "resources":[{"ARN":"arn:aws:s3:::b","accountId":"1","type":"AWS::S3::Bucket"},{"arn":"arn:x"},"odd"],
             "tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256",
              "clientProvidedHostHeader":"s3.amazonaws.com"},"responseElements":{"ConsoleLogin":"Failure"}}
            """#)
        #expect(record.isError)
        #expect(record.errorCode == "AccessDenied")
        #expect(record.errorMessage == "Access Denied")
        #expect(record.mfaUsed == false)
        #expect(record.resources.map(\.arn) == ["arn:aws:s3:::b", "arn:x"])
        #expect(record.resources.first?.type == "AWS::S3::Bucket")
        #expect(record.tlsDetails?.tlsVersion == "TLSv1.3")
        #expect(record.tlsDetails?.clientProvidedHostHeader == "s3.amazonaws.com")
        #expect(record.consoleLoginResult == "Failure")
        #expect(record.fields["resources"]?.arrayValue?.count == 3)
    }

    @Test("Insights events: no identity, insightDetails with statistics")
    func insight() throws {
        let record = try Self.record(
            #"""
            {"eventVersion":"1.07","eventTime":"2019-10-17T10:05:00Z","awsRegion":"us-east-1",
             "eventID":"55f8c9e9","eventType":"AwsCloudTrailInsight","recipientAccountId":"1",
             "sharedEventID":"12edc982","insightDetails":{"state":"Start","eventSource":"ssm.amazonaws.com",
             "eventName":"UpdateInstanceAssociationStatus","insightType":"ApiCallRateInsight",
             "insightContext":{"statistics":{"baseline":{"average":0.0000882},"insight":{"average":2.0},
             "insightDuration":1,"baselineDuration":11459},"attributions":[{"attribute":"userAgent"}]}},
             "eventCategory":"Insight"}
            """#)
        #expect(record.isInsight)
        #expect(record.userIdentity == nil)
        #expect(record.userDisplayName == nil)
        let details = try #require(record.insightDetails)
        #expect(details.state == "Start")
        #expect(details.insightType == "ApiCallRateInsight")
        #expect(details.insightAverage == 2.0)
        #expect(details.baselineAverage == 0.0000882)
        #expect(details.baselineDuration == 11459)
        #expect(details.attributions.count == 1)
    }

    @Test(
        "categories from eventCategory, or from eventType and managementEvent in older records",
        arguments: [
            (#"{"eventCategory":"Data"}"#, CloudTrailRecord.Category.data),
            (#"{"eventCategory":"NetworkActivity"}"#, .networkActivity),
            (#"{"eventType":"AwsCloudTrailInsight"}"#, .insight),
            (#"{"managementEvent":false}"#, .data),
            (#"{"eventVersion":"1.02"}"#, .management),
        ])
    func categories(json: String, category: CloudTrailRecord.Category) throws {
        #expect(try Self.record(json).category == category)
    }

    @Test("unknown fields are kept, in order, and listed")
    func unknownFields() throws {
        let record = try Self.record(#"{"eventName":"X","newField2030":{"a":1},"eventTime":"2024-01-01T00:00:00Z"}"#)
        #expect(record.undocumentedFields.map(\.key) == ["newField2030"])
        #expect(
            CloudTrailRecord.jsonLines([record])
                == #"{"eventName":"X","newField2030":{"a":1},"eventTime":"2024-01-01T00:00:00Z"}"# + "\n")
    }

    @Test(
        "times in ISO and the other forms real logs use",
        arguments: [
            ("2022-06-04T12:37:22Z", "2022-06-04T12:37:22Z"),
            ("2022-06-04T12:37:22.123Z", "2022-06-04T12:37:22Z"),
            ("2022-06-04T21:37:22+09:00", "2022-06-04T12:37:22Z"),
            ("2022-06-04T12:37:22", "2022-06-04T12:37:22Z"),
            ("2022-06-04 12:37:22", "2022-06-04T12:37:22Z"),
            ("2022-06-04T12:37Z", "2022-06-04T12:37:00Z"),
            ("2022-06-04", "2022-06-04T00:00:00Z"),
            ("Jan 9, 2020 1:48:44 AM", "2020-01-09T01:48:44Z"),
            ("Mar 19, 2025, 1:30:20 PM", "2025-03-19T13:30:20Z"),
            ("Dec 31, 1999 12:00:00 AM", "1999-12-31T00:00:00Z"),
            ("1654347527000", "2022-06-04T12:58:47Z"),
            ("1654347527", "2022-06-04T12:58:47Z"),
        ])
    func times(text: String, iso: String) throws {
        #expect(try #require(CloudTrailTimestamp(text)).iso8601 == iso)
    }

    @Test(
        "times are written with four-digit years, or more digits past year 9999",
        arguments: [
            (0.0, "1970-01-01T00:00:00Z", "1970-01-01 00:00:00"),
            (1_654_345_042.9, "2022-06-04T12:17:22Z", "2022-06-04 12:17:22"),
            (-62_135_596_800, "0001-01-01T00:00:00Z", "0001-01-01 00:00:00"),
            (-30_610_224_001, "0999-12-31T23:59:59Z", "0999-12-31 23:59:59"),
            (253_402_300_800, "10000-01-01T00:00:00Z", "10000-01-01 00:00:00"),
        ])
    func writtenTimes(seconds: Double, iso: String, display: String) {
        let time = CloudTrailTimestamp(secondsSince1970: seconds)
        #expect(time.iso8601 == iso)
        #expect(time.displayText == display)
    }

    @Test(
        "text that is no time reads as nil", arguments: ["", "yesterday", "2022-13-01", "2022-06-04T25:00:00Z", "-5"])
    func notTimes(text: String) {
        #expect(CloudTrailTimestamp(text) == nil)
    }

    // Found by Fuzz/ (FuzzTrail): an eventTime of 40 digits was read as epoch milliseconds, and
    // formatting the time trapped converting it to Int64.
    @Test("an epoch time past year 9999 is no time, and formatting any time never traps")
    func epochPastYear9999() throws {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.url("fuzz/trail-epoch-past-9999.json")))
        let file = try TrailReader().decode(bytes, path: "AWSLogs/x.json")
        #expect(file.records.count == 1)
        #expect(file.records.first?.timestamp == nil)
        #expect(CloudTrailTimestamp("253402300799999")?.iso8601 == "9999-12-31T23:59:59Z")
        #expect(CloudTrailTimestamp("253402300800000") == nil)
        #expect(CloudTrailTimestamp(secondsSince1970: 1e300).iso8601 == "31690708-07-05T01:46:40Z")
        #expect(CloudTrailTimestamp(secondsSince1970: .nan).iso8601 == "1970-01-01T00:00:00Z")
    }
}
