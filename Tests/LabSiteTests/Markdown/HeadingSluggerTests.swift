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

    @Test("every ASCII character and Hangul syllable is kept or dropped as its Unicode properties say")
    func letterTable() {
        let scalars =
            (UInt32(0)..<0x80).compactMap(Unicode.Scalar.init)
            + [UInt32](arrayLiteral: 0xAC00, 0xB098, 0xD7A3, 0x3131, 0x4E00, 0x2460).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let kept = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
            let slug = HeadingSlugger.slug(for: "x\(Character(scalar))x".lowercased())
            let expected =
                kept
                ? "x\(Character(scalar))x".lowercased()
                : (scalar.properties.isWhitespace || scalar == "-" ? "x-x" : "xx")
            #expect(slug == expected, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("a taken id gets the next free number")
    func claim() {
        var slugger = HeadingSlugger()
        #expect(["a", "a", "a-1", "a", "b"].map { slugger.claim($0) } == ["a", "a-1", "a-1-1", "a-2", "b"])
    }
}
