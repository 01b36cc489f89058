import Foundation
import Testing

@testable import LabSite

@Suite("HTML buffer")
struct HTMLBufferTests {
    @Test("markup is copied, text is escaped, and the buffer grows past its first capacity")
    func appends() {
        var html = HTMLBuffer(capacity: 1)
        html.append("<p title=\"")
        html.append(text: "a & b <c> \"d\" 'e' 한글")
        html.append("\">")
        html.append(markup: "<b>굵게</b>")
        html.append(byte: UInt8(ascii: "|"))
        html.append(spaces: 3)
        var other = HTMLBuffer(capacity: 4)
        other.append("</p>")
        html.append(other)
        #expect(
            html.string
                == "<p title=\"a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; 한글\"><b>굵게</b>|   </p>")
    }

    @Test("data() holds the same bytes as string")
    func data() {
        var html = HTMLBuffer(capacity: 8)
        html.append(text: String(repeating: "이벤트 <JSON> ", count: 500))
        let text = html.string
        #expect(html.data() == Data(text.utf8))
    }
}
