import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail
@testable import LabSiteCloudWatch
@testable import LabSiteIAM

/// The shipped sample data (content/trail, content/iam, content/alarms) tells one story: one account,
/// one day, the same ids and times everywhere, and only what a trail really delivers.
/// scripts/make-sample-story writes it; these tests hold it to CloudTrail's rules.
@Suite("The course's sample story")
struct SampleStoryTests {
    static let account = "123456789012"
    static let content = Repository.root.appendingPathComponent("content")

    static func records() throws -> [CloudTrailRecord] {
        let sources = TrailReader.sources(inFolder: content.appendingPathComponent("trail"))
        return try sources.flatMap { try TrailReader().read($0).records }
    }

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: content.appendingPathComponent(path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The first user of an `aws iam get-account-authorization-details` snapshot.
    static func labUser(in snapshot: String) throws -> [String: Any] {
        let users = try #require(try json(snapshot)["UserDetailList"] as? [[String: Any]])
        return try #require(users.first { $0["UserName"] as? String == "lab-user" })
    }

    @Test("no delivered event is older than the trail, and the trail delivered its own creation")
    func nothingBeforeTheTrail() throws {
        let records = try Self.records()
        let creation = try #require(records.first { $0.eventName == "CreateTrail" })
        let created = try #require(creation.eventTime)
        #expect(creation.requestParameters?.objectValue?.string("name") == "lab-events-trail")
        #expect(records.count >= 20)
        for record in records {
            #expect((record.eventTime ?? "") >= created, "\(record.eventName ?? "?") at \(record.eventTime ?? "?")")
        }
        // What the labs did before the trail existed is in Event history only.
        let names = Set(records.compactMap(\.eventName))
        for before in ["CreateUser", "CreateGroup", "PutMetricAlarm", "CreateTopic", "CreateBucket"] {
            #expect(!names.contains(before), "\(before) happened before the trail existed")
        }
    }

    @Test(
        "step 29's Event history download: IAM calls in us-east-1, five from before the trail, one also in the bucket")
    func eventHistoryDownload() throws {
        let path = "trail/event-history/event-history-us-east-1-iam.csv"
        let file = try TrailReader().read(TrailSource(url: Self.content.appendingPathComponent(path), path: path))
        #expect(file.container == .eventHistoryCSV)
        #expect(
            file.records.map { $0.eventName ?? "" } == [
                "AttachUserPolicy", "CreateLoginProfile", "AddUserToGroup", "CreateUser", "AttachGroupPolicy",
                "CreateGroup",
            ])
        #expect(file.records.allSatisfy { $0.awsRegion == "us-east-1" && $0.eventSource == "iam.amazonaws.com" })
        #expect(file.records.allSatisfy { $0.userIdentity?.userName == "admin" })
        let bucket = try Self.records()
        let created = try #require(bucket.first { $0.eventName == "CreateTrail" }?.timestamp)
        for record in file.records {
            let delivered = bucket.first { $0.eventID == record.eventID }
            // In the bucket exactly when it happened after the trail existed, and then the same call.
            #expect((delivered != nil) == (try #require(record.timestamp) >= created), "\(record.eventName ?? "")")
            if let delivered {
                for field in ["eventTime", "eventName", "requestID", "sourceIPAddress", "userAgent", "readOnly"] {
                    #expect(record.fields[field] == delivered.fields[field])
                }
                #expect(record.userIdentity?.accessKeyId == delivered.userIdentity?.accessKeyId)
            }
        }
    }

    @Test("management events only: step 19 turns on no data events")
    func managementOnly() throws {
        for record in try Self.records() {
            #expect(
                record.managementEvent == true && record.eventCategory == "Management", "\(record.eventName ?? "?")")
        }
    }

    @Test("IAM and sign-in events are in us-east-1, the lab's resources in ap-northeast-2, one day in both")
    func regions() throws {
        for record in try Self.records() {
            let global = ["iam.amazonaws.com", "signin.amazonaws.com"].contains(record.eventSource ?? "")
            #expect(record.awsRegion == (global ? "us-east-1" : "ap-northeast-2"), "\(record.eventName ?? "?")")
            #expect(record.eventTime?.hasPrefix("2026-11-17T") == true)
            #expect(record.recipientAccountId == Self.account)
        }
    }

    @Test("every id under content/ that encodes an account encodes the sample account")
    func ids() throws {
        var scan = IdentifierScan()
        let files = try #require(FileManager.default.enumerator(at: Self.content, includingPropertiesForKeys: nil))
        var count = 0
        for case let url as URL in files where !url.hasDirectoryPath {
            var bytes = [UInt8](try Data(contentsOf: url))
            if url.pathExtension == "gz" { bytes = try Gunzip.inflate(bytes) }
            scan.merge(IdentifierScan(bytes: bytes, path: url.path))
            count += 1
        }
        #expect(count > 20)
        #expect(scan.sightings.count >= 10)
        for sighting in scan.sightings {
            #expect(
                sighting.identifier.decodedAccount == Self.account, "\(sighting.identifier.text) in \(sighting.path)")
        }
    }

    @Test("lab-user and its group are the same in the trail and the IAM snapshots; step 24 is between them")
    func iamSnapshots() throws {
        let records = try Self.records()
        let before = try Self.labUser(in: "iam/account-before-step-24.json")
        let after = try Self.labUser(in: "iam/account-after-step-24.json")
        let userID = try #require(before["UserId"] as? String)
        #expect(after["UserId"] as? String == userID)
        let labUserRecords = records.filter { $0.userIdentity?.userName == "lab-user" }
        #expect(labUserRecords.count >= 4)
        for record in labUserRecords {
            #expect(record.userIdentity?.principalId == userID)
            #expect(record.userIdentity?.arn == "arn:aws:iam::\(Self.account):user/lab-user")
        }
        // The user existed before it signed in; step 24's policy is attached between the two snapshots.
        let created = try #require(before["CreateDate"] as? String)
        #expect(created.hasPrefix("2026-11-17T"))
        let firstSignIn = try #require(labUserRecords.compactMap(\.eventTime).min())
        #expect(String(created.prefix(19)) < String(firstSignIn.prefix(19)))
        let attach = try #require(records.first { $0.eventName == "AttachUserPolicy" })
        let policy = try #require(attach.requestParameters?.objectValue?.string("policyArn"))
        let policiesAfter = (after["AttachedManagedPolicies"] as? [[String: Any]])?.compactMap {
            $0["PolicyArn"] as? String
        }
        let policiesBefore = (before["AttachedManagedPolicies"] as? [[String: Any]])?.compactMap {
            $0["PolicyArn"] as? String
        }
        #expect(policiesAfter == [policy])
        #expect(policiesBefore == [])
        let groups = try #require(
            try Self.json("iam/account-before-step-24.json")["GroupDetailList"] as? [[String: Any]])
        let group = try #require(groups.first)
        #expect(group["GroupName"] as? String == "lab-cloudtrail-group")
        #expect((group["GroupId"] as? String).flatMap(AWSIdentifier.init)?.decodedAccount == Self.account)
    }

    @Test("matrix.yml names the trail's bucket, a log file that is in the sample trail, and the lab's alarm")
    func matrix() throws {
        let text = try String(contentsOf: Self.content.appendingPathComponent("iam/matrix.yml"), encoding: .utf8)
        let resources = text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("resource: ") ? String(trimmed.dropFirst("resource: ".count)) : nil
        }
        let records = try Self.records()
        let creation = try #require(records.first { $0.eventName == "CreateTrail" })
        let bucket = try #require(creation.requestParameters?.objectValue?.string("s3BucketName"))
        let objects = resources.filter { $0.hasPrefix("arn:aws:s3:::\(bucket)/") }
        #expect(objects.count == 1)
        for object in objects {
            let key = String(object.dropFirst("arn:aws:s3:::\(bucket)/".count))
            #expect(
                FileManager.default.fileExists(atPath: Self.content.appendingPathComponent("trail/" + key).path),
                "\(key)")
        }
        #expect(resources.contains("arn:aws:s3:::\(bucket)"))
        #expect(resources.contains("arn:aws:cloudwatch:us-east-1:\(Self.account):alarm:lab-myalarm"))
        for resource in resources where resource.hasPrefix("arn:aws:") && !resource.hasPrefix("arn:aws:s3") {
            #expect(resource.split(separator: ":", omittingEmptySubsequences: false)[4] == Substring(Self.account))
        }
    }

    @Test("the billing alarm was made on the same day, before the trail, in us-east-1, and is the only alarm")
    func alarm() throws {
        let alarms = try #require(try Self.json("alarms/lab-myalarm.json")["MetricAlarms"] as? [[String: Any]])
        let alarm = try #require(alarms.first)
        let configured = try #require(alarm["AlarmConfigurationUpdatedTimestamp"] as? String)
        let creation = try #require(try Self.records().first { $0.eventName == "CreateTrail" }?.eventTime)
        #expect(configured.hasPrefix("2026-11-17T"))
        #expect(String(configured.prefix(19)) < String(creation.prefix(19)))
        #expect(alarm["AlarmArn"] as? String == "arn:aws:cloudwatch:us-east-1:\(Self.account):alarm:lab-myalarm")
        #expect(
            alarm["AlarmActions"] as? [String] == [
                "arn:aws:sns:us-east-1:\(Self.account):Default_CloudWatch_Alarms_Topic"
            ])
        let history = try #require(
            try Self.json("alarms/lab-myalarm.history.json")["AlarmHistoryItems"] as? [[String: Any]])
        let times = history.compactMap { $0["Timestamp"] as? String }
        #expect(times.allSatisfy { $0 >= configured && $0.hasPrefix("2026-11-") })
        let points = try #require(try Self.json("alarms/lab-myalarm.datapoints.json")["Datapoints"] as? [[String: Any]])
        #expect(points.compactMap { $0["Timestamp"] as? String }.allSatisfy { $0.hasPrefix("2026-11-") })
        let ownAlarms = try FileManager.default.contentsOfDirectory(
            atPath: Self.content.appendingPathComponent("alarms").path
        )
        .filter { $0.hasPrefix("lab-") && $0.hasSuffix(".json") && $0.split(separator: ".").count == 2 }
        #expect(ownAlarms == ["lab-myalarm.json"])
    }
}
