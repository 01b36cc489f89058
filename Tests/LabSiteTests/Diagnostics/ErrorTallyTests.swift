import Testing

@testable import LabSite

@Suite("Error tally")
struct ErrorTallyTests {
    static func error(_ path: String, _ line: Int?) -> SiteError {
        SiteError(path: path, line: line, reason: "\(path):\(line ?? 0)")
    }

    static func places(_ tally: ErrorTally) -> [String] {
        tally.listed.map { "\($0.path):\($0.line ?? 0)" }
    }

    @Test("one error is one error")
    func one() {
        var tally = ErrorTally()
        tally.add(Self.error("a.md", 5))
        #expect(tally.count == 1)
        #expect(Self.places(tally) == ["a.md:5"])
        var other = ErrorTally()
        other.add(tally)
        #expect(other.count == 1)
        #expect(Self.places(other) == ["a.md:5"])
    }

    @Test("it keeps the first 20 by file and line, whatever order they come in, and counts them all")
    func firstTwenty() {
        var tally = ErrorTally()
        for line in (1...1000).reversed() { tally.add(Self.error("b.md", line)) }
        tally.add(Self.error("a.md", nil))
        #expect(tally.count == 1001)
        #expect(Self.places(tally) == ["a.md:0"] + (1...19).map { "b.md:\($0)" })
    }

    @Test("tallies add up: the first of both, the count of both")
    func merge() {
        var first = ErrorTally((1...30).map { Self.error("c.md", $0 * 2) })
        let second = ErrorTally((1...30).map { Self.error("c.md", $0 * 2 - 1) })
        first.add(second)
        #expect(first.count == 60)
        #expect(Self.places(first) == (1...20).map { "c.md:\($0)" })
        #expect(BuildErrors(first).reportLines.last == "…and 40 more errors.")
        #expect(BuildErrors(ErrorTally([Self.error("d.md", 1)])).reportLines == ["d.md:1: error: d.md:1"])
    }
}
