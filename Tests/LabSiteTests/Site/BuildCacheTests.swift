import Foundation
import Testing

@testable import LabSite

@Suite("Build cache")
struct BuildCacheTests {
    static let files = SiteBuilderTests.theme.merging(SiteBuilderTests.pages) { $1 }

    /// A builder keeping its cache in the site's own folder, not in the user's cache.
    static func builder(_ site: borrowing TemporarySite) -> SiteBuilder {
        SiteBuilder(
            sourceDirectory: site.root, sectionTypes: [],
            buildCacheFile: site.root.appendingPathComponent("cache/build.json"))
    }

    static func cleanBuild(_ site: borrowing TemporarySite) async throws -> [String: Data] {
        let elsewhere = site.root.appendingPathComponent("clean", isDirectory: true)
        try await SiteBuilder(sourceDirectory: site.root, outputDirectory: elsewhere, sectionTypes: []).build()
        return try TemporarySite.snapshot(of: elsewhere)
    }

    @Test("a rebuild takes unchanged pages from the output folder and equals a clean build")
    func reuse() async throws {
        let site = try TemporarySite(files: Self.files)
        let first = try await Self.builder(site).build()
        #expect(first.reusedPageCount == 0)
        let second = try await Self.builder(site).build()
        #expect(second.reusedPageCount == 4)  // index, the lab, 404 and print.html

        // A new title changes the lab page, its neighbour's prev/next link and the handout, not 404.
        try site.write(
            "content/guide/lab.md", "---\ntitle: 새 제목\norder: 1\n---\n## 1. 시작\n[홈](../index.md)\n## 2. 끝\n")
        let third = try await Self.builder(site).build()
        #expect(third.reusedPageCount == 1)
        #expect(try TemporarySite.snapshot(of: site.output) == (try await Self.cleanBuild(site)))
    }

    @Test("a page edited or removed in the output folder is rendered again")
    func tamperedOutput() async throws {
        let site = try TemporarySite(files: Self.files)
        try await Self.builder(site).build()
        try site.write("public/index.html", "edited by hand")
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("404.html"))
        let report = try await Self.builder(site).build()
        #expect(report.reusedPageCount == 2)
        #expect(try TemporarySite.snapshot(of: site.output) == (try await Self.cleanBuild(site)))
    }

    @Test("a template change, a broken cache file or --redact renders every page")
    func invalidation() async throws {
        let site = try TemporarySite(files: Self.files)
        try await Self.builder(site).build()
        try site.write("templates/page.mustache", "<main>{{{content}}}</main>")
        #expect(try await Self.builder(site).build().reusedPageCount == 0)
        #expect(try await Self.builder(site).build().reusedPageCount == 4)

        try site.write("cache/build.json", "{not json")
        #expect(try await Self.builder(site).build().reusedPageCount == 0)

        var redacting = Self.builder(site)
        redacting.options = BuildOptions(redact: true)
        #expect(try await redacting.build().reusedPageCount == 0)
        #expect(try TemporarySite.snapshot(of: site.output) == (try await Self.cleanBuild(site)))
    }

    @Test("the digest tells apart texts that only concatenate alike")
    func digest() {
        var one = ContentDigest()
        one.add("ab")
        one.add("c")
        var other = ContentDigest()
        other.add("a")
        other.add("bc")
        #expect(one.hex != other.hex)
        #expect(one.hex.count == 32)
    }

    @Test("a page's bytes digest as its text does, so a page read back from disk matches its render")
    func digestOfBytes() {
        for text in ["", "a", "실습 <안내서>", String(repeating: "가나다abc", count: 9)] {
            var fromText = ContentDigest()
            fromText.add(text)
            var fromBytes = ContentDigest()
            fromBytes.add(Data(text.utf8))
            #expect(fromText.hex == fromBytes.hex)
        }
    }

    @Test("every byte of a text counts, whichever of its eight a word holds, a high bit or a low one")
    func digestOfEveryByte() {
        func digest(_ text: String) -> String {
            var digest = ContentDigest()
            digest.add(text)
            return digest.hex
        }
        let text = "abcdefghijklmnopqrstuv"  // 22 bytes: two words and a tail of six
        let digests = Set(
            text.utf8.indices.flatMap { position -> [String] in
                // Bits that keep the text ASCII, so that every changed text is a different string.
                [0x01, 0x40].map { bit in
                    var bytes = Array(text.utf8)
                    bytes[text.utf8.distance(from: text.utf8.startIndex, to: position)] ^= UInt8(bit)
                    return digest(String(decoding: bytes, as: UTF8.self))
                }
            })
        #expect(digests.count == text.utf8.count * 2)
        #expect(!digests.contains(digest(text)))
    }
}
