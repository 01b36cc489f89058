import Testing

@testable import LabSite

@Suite("Record JSON")
struct TrailHTMLTests {
    static func block(_ json: TrailJSON) -> String {
        var html = HTMLBuffer(capacity: 64)
        TrailHTML.appendJSON(json, to: &html)
        return html.string
    }

    @Test("a record is indented JSON without markup, and every string is JSON- then HTML-escaped, exactly")
    func exact() throws {
        let json = try TrailJSONParser.parse(
            #"{"a\"<b>":["x&y'z","tab\there\u0001\u007f",1.5e3,true,null,{},[]],"e":{"k":"</script>"}}"#)
        let expected = """
            <pre class="trail-json"><code>{
              "a\\"&lt;b&gt;": [
                "x&amp;y'z",
                "tab\\there\\u0001\\u007f",
                1.5e3,
                true,
                null,
                {},
                []
              ],
              "e": {
                "k": "&lt;/script&gt;"
              }
            }</code></pre>

            """
        #expect(Self.block(json) == expected)
    }

    @Test("the text is what the JSON writer prints, HTML-escaped")
    func agreesWithWriter() throws {
        let json = try TrailJSONParser.parse(#"{"s":"\"\\\n\r\b\f é 한글 \u2028","n":[-0,1e-7]}"#)
        let text = Self.block(json)
        // In element text only `&`, `<` and `>` need escaping.
        let written = TrailJSONWriter(indent: 2).string(json).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        #expect(text == "<pre class=\"trail-json\"><code>" + written + "</code></pre>\n")
    }
}
