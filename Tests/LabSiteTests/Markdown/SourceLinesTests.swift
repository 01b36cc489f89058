import Testing

@testable import LabSite

@Suite("Source lines")
struct SourceLinesTests {
    @Test("a text is found only on the line that holds it, the last line without a line break too")
    func lines() {
        let source = SourceLines("첫 줄 [a](x.md)\n\n셋째 [b](y.md#step-2)\n끝 z.md")
        #expect(source.line(1, contains: "x.md"))
        #expect(!source.line(1, contains: "y.md"))
        #expect(!source.line(2, contains: "x.md"))
        #expect(source.line(3, contains: "y.md#step-2"))
        #expect(!source.line(3, contains: "y.md#step-2)\n"))
        #expect(source.line(4, contains: "z.md"))
        #expect(source.line(4, contains: "끝 z"))
        #expect(!source.line(5, contains: "z.md"))
        #expect(!source.line(0, contains: "x.md"))
    }
}
