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

    @Test("each of the five is escaped at every position of the eight bytes read at once, and nothing else is")
    func escapesAtEveryPosition() {
        let entities = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        // Bytes below `?` that are not escaped (digits, `:`, `/`, space, `=`) and above it (letters,
        // Korean) around each character, so that both checks of a word run.
        let fillers = ["arn:aws:iam::123456789012/x y=1", "abcdefghijklmnopqrstuvwxyz", "한국어한국어한국어"]
        for filler in fillers {
            for (character, entity) in entities {
                for position in 0...20 {
                    let before = String(decoding: filler.utf8.prefix(position), as: UTF8.self)
                    let text = before + character + filler
                    var html = HTMLBuffer(capacity: 4)
                    html.append(text: text)
                    #expect(html.string == before + entity + filler)
                    #expect(html.string == text.escapedForHTML)
                }
            }
            var plain = HTMLBuffer(capacity: 4)
            plain.append(text: filler)
            #expect(plain.string == filler)
        }
        var all = HTMLBuffer(capacity: 4)
        all.append(text: "<<>>&&\"\"''<")
        #expect(all.string == "&lt;&lt;&gt;&gt;&amp;&amp;&quot;&quot;&#39;&#39;&lt;")
        #expect((0...255).filter { HTMLBuffer.mayEscape(UInt8($0)) } == [0x22, 0x26, 0x27, 0x3C, 0x3E])
    }
}
