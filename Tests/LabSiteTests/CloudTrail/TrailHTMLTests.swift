import Testing

@testable import LabSite

@Suite("Highlighted JSON")
struct TrailHTMLTests {
    static func highlighted(_ json: TrailJSON) -> String {
        var html = HTMLBuffer(capacity: 64)
        TrailHTML.appendHighlightedJSON(json, to: &html)
        return html.string
    }

    @Test("a record is indented JSON with spans, and every string is JSON- then HTML-escaped, exactly")
    func exact() throws {
        let json = try TrailJSONParser.parse(
            #"{"a\"<b>":["x&y'z","tab\there\u0001\u007f",1.5e3,true,null,{},[]],"e":{"k":"</script>"}}"#)
        let expected = """
            <pre class="trail-json"><code>{
              <span class="k">"a\\"&lt;b&gt;"</span>: [
                <span class="s">"x&amp;y'z"</span>,
                <span class="s">"tab\\there\\u0001\\u007f"</span>,
                <span class="n">1.5e3</span>,
                <span class="l">true</span>,
                <span class="l">null</span>,
                {},
                []
              ],
              <span class="k">"e"</span>: {
                <span class="k">"k"</span>: <span class="s">"&lt;/script&gt;"</span>
              }
            }</code></pre>

            """
        #expect(Self.highlighted(json) == expected)
    }

    @Test("without the spans, the text is what the JSON writer prints, HTML-escaped")
    func agreesWithWriter() throws {
        let json = try TrailJSONParser.parse(#"{"s":"\"\\\n\r\b\f é 한글 \u2028","n":[-0,1e-7]}"#)
        var text = Self.highlighted(json)
        while let open = text.range(of: "<span class=\""), let end = text[open.upperBound...].range(of: "\">") {
            text.removeSubrange(open.lowerBound..<end.upperBound)
        }
        text = text.replacingOccurrences(of: "</span>", with: "")
        // In element text only `&`, `<` and `>` need escaping.
        let written = TrailJSONWriter(indent: 2).string(json).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        #expect(text == "<pre class=\"trail-json\"><code>" + written + "</code></pre>\n")
    }
}
