import Foundation
import Testing

@testable import LabSite

@Suite("Template texts")
struct TemplateTextTests {
    @Test(
        "a text ends in a line feed exactly when its last character is one, as text and as bytes",
        arguments: ["", "\n", "a\n", "a\r\n", "\r\n", "한국어\n", "a\n\r", "a", "\r", "\n\n", "é\n", "e\u{301}\n"])
    func endsInLineFeed(text: String) {
        #expect(TemplateText.string(text).endsInLineFeed == text.hasSuffix("\n"))
        #expect(TemplateText.utf8(Data(text.utf8)).endsInLineFeed == text.hasSuffix("\n"))
    }
}
