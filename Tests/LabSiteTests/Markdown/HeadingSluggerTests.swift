import Foundation
import Testing

@testable import LabSite

@Suite("Heading slugs")
struct HeadingSluggerTests {
    @Test(
        "letters and digits of any script are kept, spaces and dashes become one dash, none at either end",
        arguments: [
            ("사전 준비물", "사전-준비물"), ("1. 시작하기", "1-시작하기"), ("  A -- B  ", "a-b"), ("--x--", "x"),
            ("!!!", "section"), ("- - -", "section"), ("a_b-c d", "a_b-c-d"), ("Ünïcode Ω", "ünïcode-ω"),
            ("tab\tand\nnewline", "tab-and-newline"), ("[추적 생성]을 클릭", "추적-생성을-클릭"), ("", "section"),
        ])
    func slug(title: String, expected: String) {
        #expect(HeadingSlugger.slug(for: title) == expected)
    }

    @Test("a taken id gets the next free number")
    func claim() {
        var slugger = HeadingSlugger()
        #expect(["a", "a", "a-1", "a", "b"].map { slugger.claim($0) } == ["a", "a-1", "a-1-1", "a-2", "b"])
    }
}
