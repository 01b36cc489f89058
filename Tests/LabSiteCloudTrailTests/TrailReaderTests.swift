import Foundation
import Testing
@testable import LabSite
@testable import LabSiteCloudTrail

@Suite("TrailReader")
struct TrailReaderTests {
    let reader = TrailReader()
    static let record = #"{"eventVersion":"1.08","eventTime":"2022-06-04T12:00:00Z","eventName":"A"}"#

    @Test("containers: Records (gzip or plain), a bare array, a lone record")
    func containers() throws {
        let wrapped = "{\"Records\":[\(Self.record),\(Self.record)]}"
        let gz = try reader.decode(GzipBuilder.member(wrapped), path: "x.json.gz")
        #expect(gz.container == .records && gz.records.count == 2)
        #expect(try reader.decode(Array(wrapped.utf8), path: "x.json").records.count == 2)
        #expect(try reader.decode(GzipBuilder.member(wrapped), path: "x.json").records.count == 2)
        let array = try reader.decode(Array("[\(Self.record)]".utf8), path: "a.json")
        #expect(array.container == .array && array.records.count == 1)
        let lone = try reader.decode(Array(Self.record.utf8), path: "r.json")
        #expect(lone.container == .singleRecord && lone.records.first?.eventName == "A")
    }

    @Test("strict reading accepts only {\"Records\":[…]}")
    func strict() {
        let strict = TrailReader(acceptsLooseFormats: false)
        #expect(throws: CloudTrailError.self) { try strict.decode(Array("[\(Self.record)]".utf8), path: "a.json") }
        #expect(throws: CloudTrailError.self) { try strict.decode(Array(Self.record.utf8), path: "r.json") }
    }

    @Test("digest files are recognised by folder, name and content")
    func digests() throws {
        #expect(TrailReader.isDigestPath("AWSLogs/1/CloudTrail-Digest/us-east-1/2022/06/04/x.json.gz"))
        #expect(TrailReader.isDigestPath("1_CloudTrail-Digest_us-east-1_t_us-east-1_20220604T133722Z.json.gz"))
        #expect(!TrailReader.isDigestPath("AWSLogs/1/CloudTrail/us-east-1/2022/06/04/x.json.gz"))
        let digest = #"{"awsAccountId":"1","digestStartTime":"2022-06-04T12:37:22Z","logFiles":[]}"#
        #expect(try reader.decode(Array(digest.utf8), path: "d.json").container == .digest)
    }

    @Test(
        "a broken file gives path: error: cause",
        arguments: [
            (
                "t/x.json.gz", Array("{\"Records\":[]}".utf8),
                "t/x.json.gz: error: The file is not a gzip file (it does not start with the gzip magic bytes 1f 8b)."
            ),
            (
                "t/x.json.gz", Array(GzipBuilder.member("{\"Records\":[]}").dropLast(6)),
                "t/x.json.gz: error: The gzip file is truncated: the data ends before the compressed stream does."
            ),
            (
                "t/x.json.gz",
                {
                    var bytes = GzipBuilder.member("{\"Records\":[]}"); bytes[bytes.count - 5] ^= 1; return bytes
                }(),
                "t/x.json.gz: error: The gzip file is corrupt: incorrect data check."
            ),
            (
                "t/x.json", Array("{\"Records\":[\n{\"a\":1},\n{\"b\" 2}]}".utf8),
                "t/x.json:3: error: The file is not valid JSON: expected ':' after the key \"b\", found '2' (column 6)."
            ),
            (
                "t/x.json", Array("{\"records\":[]}".utf8),
                "t/x.json: error: The file has no \"Records\" array; a CloudTrail log file is {\"Records\":[…]}."
            ),
            (
                "t/x.json", Array("{\"Records\":{}}".utf8),
                "t/x.json: error: \"Records\" is an object, not an array of records."
            ),
            (
                "t/x.json", Array("{\"Records\":[{},\"oops\"]}".utf8),
                "t/x.json: error: Record 2 is a string, not a JSON object."
            ),
            (
                "t/x.json", Array("42".utf8),
                "t/x.json: error: The file holds a number; a CloudTrail log file is {\"Records\":[…]}."
            ),
        ] as [(String, [UInt8], String)])
    func broken(path: String, bytes: [UInt8], message: String) {
        #expect(throws: CloudTrailError.self) { try reader.decode(bytes, path: path) }
        do {
            _ = try reader.decode(bytes, path: path)
        } catch {
            #expect(error.errorDescription == message)
        }
    }

    @Test("a decompression bomb over the limit is an error")
    func bomb() {
        let bomb = GzipBuilder.member("{\"Records\":[" + String(repeating: " ", count: 20_000) + "]}")
        do {
            _ = try TrailReader(inflateLimit: 10_000).decode(bomb, path: "b.json.gz")
            Issue.record("the bomb decoded")
        } catch {
            #expect(
                error.errorDescription
                    == "b.json.gz: error: The gzip file inflates to more than 10000 bytes (the inflate limit); "
                    + "it is treated as a decompression bomb.")
        }
    }

    @Test("folders are walked for *.json.gz and *.json; digests and other files are skipped; errors do not stop")
    func folders() async throws {
        let site = try TemporarySite(files: [
            "logs/AWSLogs/1/CloudTrail/us-east-1/2022/06/04/b.json": "{\"Records\":[\(Self.record)]}",
            "logs/AWSLogs/1/CloudTrail/us-east-1/2022/06/04/a.json.gz": "not gzip",
            "logs/AWSLogs/1/CloudTrail-Digest/us-east-1/2022/06/04/d.json": "{}",
            "logs/AWSLogs/1/CloudTrail/us-east-1/2022/06/04/1_CloudTrail-Digest_x.json": "{}",
            "logs/notes.txt": "ignored",
            "logs/.hidden.json": "ignored",
        ])
        let folder = site.root.appendingPathComponent("logs").path
        let (sources, missing) = TrailReader.sources(for: [folder, folder + "/nope"])
        #expect(
            sources.map(\.path) == [
                folder + "/AWSLogs/1/CloudTrail/us-east-1/2022/06/04/a.json.gz",
                folder + "/AWSLogs/1/CloudTrail/us-east-1/2022/06/04/b.json",
            ])
        #expect(missing.map(\.errorDescription) == ["\(folder)/nope: error: There is no file or folder at this path."])
        var outcomes: [String] = []
        reader.forEachFile(in: sources, batchSize: 1) {
            $0.records.count
        } body: { source, result in
            switch result {
            case .success(let count): outcomes.append("\(source.url.lastPathComponent): \(count)")
            case .failure(let error): outcomes.append(error.reason)
            }
        }
        #expect(outcomes == [GunzipError.notGzip.reason, "b.json: 1"])
    }

    @Test("the S3 layout is read from the path, organization trails included")
    func objectKey() throws {
        let key = try #require(
            TrailObjectKey(
                path: "x/AWSLogs/o-1234abcde/222222222222/CloudTrail/us-east-1/2025/03/06/"
                    + "222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz"))
        #expect(key.organizationID == "o-1234abcde")
        #expect(
            [key.accountID, key.folder, key.region, key.year, key.month, key.day] == [
                "222222222222", "CloudTrail", "us-east-1", "2025", "03", "06",
            ])
        #expect(key.deliveryTime == "20250306T0230Z")
        #expect(TrailObjectKey(path: "logs/file.json") == nil)
    }
}
