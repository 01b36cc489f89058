import Foundation
import Testing

@testable import LabSite

@Suite("Gunzip")
struct GunzipTests {
    @Test("a stored member inflates to its payload")
    func singleMember() throws {
        #expect(try Gunzip.inflate(GzipBuilder.member("{\"Records\":[]}")) == Array("{\"Records\":[]}".utf8))
    }

    @Test("members are concatenated, as gzip -d does; trailing zero padding is ignored")
    func multiMember() throws {
        let data = GzipBuilder.member("{\"Rec") + GzipBuilder.member("ords\":[]}") + [0, 0, 0, 0]
        #expect(try Gunzip.inflate(data) == Array("{\"Records\":[]}".utf8))
    }

    @Test("a payload larger than zlib's output chunks and than one stored block")
    func large() throws {
        let payload = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(try Gunzip.inflate(GzipBuilder.member(payload)) == payload)
    }

    @Test("a real deflate-compressed trail file inflates")
    func realFile() throws {
        let url = Fixtures.url(
            "cloudtrail/cloud-snitch/AWSLogs/333333333333/CloudTrail/us-east-1/2025/03/06/"
                + "333333333333_CloudTrail_us-east-1_20250306T0320Z_ZgdYr0lP8M9fWEH8.json.gz")
        let inflated = try Gunzip.inflate([UInt8](Data(contentsOf: url)))
        #expect(String(decoding: inflated, as: UTF8.self).hasPrefix("{\"Records\":["))
    }

    @Test("a file whose last member is smaller than the whole output grows its buffer")
    func growsPastTheTrailersSize() throws {
        // The first buffer is sized from the last member's recorded length, which here is half
        // of the output: inflating must grow it rather than stop or overrun.
        let url = Fixtures.url(
            "cloudtrail/cloud-snitch/AWSLogs/o-1234abcde/222222222222/CloudTrail/us-east-1/2025/03/06/"
                + "222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz")
        let member = [UInt8](try Data(contentsOf: url))
        let once = try Gunzip.inflate(member)
        // The trailer's length is trusted (it exceeds the compressed bytes) and the first buffer,
        // at least 64 KiB, holds one member's output but not two.
        #expect(once.count >= 2 * member.count && once.count < 64 * 1024 && 2 * once.count > 64 * 1024)
        #expect(try Gunzip.inflate(member + member) == once + once)
    }

    @Test(
        "broken streams give their named error",
        arguments: [
            ("not gzip", Array("{\"Records\":[]}".utf8), GunzipError.notGzip),
            ("empty", [], .notGzip),
            ("truncated in the data", Array(GzipBuilder.member("hello, world").dropLast(12)), .truncated),
            ("truncated in the trailer", Array(GzipBuilder.member("hello, world").dropLast(3)), .truncated),
            ("header only", Array(GzipBuilder.member("hello").prefix(10)), .truncated),
            (
                "bad CRC",
                {
                    var bytes = GzipBuilder.member("hello, world"); bytes[bytes.count - 8] ^= 0xff; return bytes
                }(),
                .corrupt("incorrect data check")
            ),
            ("bad block type", [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255, 0x07, 0, 0], .corrupt("invalid block type")),
            (
                "garbage after the member", GzipBuilder.member("hi") + Array("junk".utf8),
                .corrupt("there is data after the end of the gzip stream that is not another gzip member")
            ),
        ] as [(String, [UInt8], GunzipError)])
    func broken(name: String, data: [UInt8], expected: GunzipError) {
        #expect(throws: expected) { try Gunzip.inflate(data) }
    }

    @Test("inflating past the limit is an error, not an out-of-memory kill")
    func bomb() {
        let data = GzipBuilder.member([UInt8](repeating: 0x20, count: 10_000))
        #expect(throws: GunzipError.tooLarge(limit: 4096)) { try Gunzip.inflate(data, limit: 4096) }
        #expect((try? Gunzip.inflate(data, limit: 10_000))?.count == 10_000)
    }

    @Test("a compressed bomb in several members is caught across members")
    func bombAcrossMembers() {
        let member = GzipBuilder.member([UInt8](repeating: 0x20, count: 3000))
        #expect(throws: GunzipError.tooLarge(limit: 5000)) { try Gunzip.inflate(member + member, limit: 5000) }
    }

    @Test("plain JSON passes through inflateIfCompressed")
    func passthrough() throws {
        #expect(try Gunzip.inflateIfCompressed(Array("[1]".utf8)) == Array("[1]".utf8))
        #expect(try Gunzip.inflateIfCompressed(GzipBuilder.member("[1]")) == Array("[1]".utf8))
    }

    @Test("error reasons are full sentences")
    func reasons() {
        #expect(
            GunzipError.notGzip.reason
                == "The file is not a gzip file (it does not start with the gzip magic bytes 1f 8b).")
        #expect(GunzipError.corrupt("incorrect data check").reason == "The gzip file is corrupt: incorrect data check.")
        #expect(
            GunzipError.tooLarge(limit: 4096).reason
                == "The gzip file inflates to more than 4096 bytes (the inflate limit); it is treated as a decompression bomb."
        )
    }
}
