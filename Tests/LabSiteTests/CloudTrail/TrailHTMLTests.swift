import Testing

@testable import LabSite

@Suite("Highlighted JSON")
struct TrailHTMLTests {
    @Test("a record is indented JSON with spans, and every string is JSON- then HTML-escaped, exactly")
    func exact() throws {
        let json = try TrailJSONParser.parse(
            #"{"a\"<b>":["x&y'z","tab\there\u0001\u007f",1.5e3,true,null,{},[]],"e":{"k":"</script>"}}"#)
        let expected = """
            <pre class="trail-json"><code>{
              <span class="trail-json-key">&quot;a\\&quot;&lt;b&gt;&quot;</span>: [
                <span class="trail-json-string">&quot;x&amp;y&#39;z&quot;</span>,
                <span class="trail-json-string">&quot;tab\\there\\u0001\\u007f&quot;</span>,
                <span class="trail-json-number">1.5e3</span>,
                <span class="trail-json-literal">true</span>,
                <span class="trail-json-literal">null</span>,
                {},
                []
              ],
              <span class="trail-json-key">&quot;e&quot;</span>: {
                <span class="trail-json-key">&quot;k&quot;</span>: <span class="trail-json-string">&quot;&lt;/script&gt;&quot;</span>
              }
            }</code></pre>

            """
        #expect(TrailHTML.highlightedJSON(json) == expected)
    }

    @Test("without the spans, the text is what the JSON writer prints, HTML-escaped")
    func agreesWithWriter() throws {
        let json = try TrailJSONParser.parse(#"{"s":"\"\\\n\r\b\f é 한글 \u2028","n":[-0,1e-7]}"#)
        var text = TrailHTML.highlightedJSON(json)
        while let open = text.range(of: "<span class=\""), let end = text[open.upperBound...].range(of: "\">") {
            text.removeSubrange(open.lowerBound..<end.upperBound)
        }
        text = text.replacingOccurrences(of: "</span>", with: "")
        let written = TrailJSONWriter(indent: 2).string(json).escapedForHTML
        #expect(text == "<pre class=\"trail-json\"><code>" + written + "</code></pre>\n")
    }
}
