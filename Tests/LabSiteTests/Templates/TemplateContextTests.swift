import Foundation
import Testing

@testable import LabSite

@Suite("Templates rendered by sections")
struct TemplateContextTests {
    /// A row like a section's: texts that may need escaping, a flag, a list and pre-escaped markup.
    struct Row: TemplateContext {
        var name: String
        var note: String
        var tags: [String]
        var markup: String

        func write<Sink: TemplateValueSink>(to sink: inout Sink) {
            sink.set("name", text: name)
            sink.set("note", nonEmpty: note)
            sink.set("hasTags", flag: !tags.isEmpty)
            sink.set("tags", objects: tags.count) { index, tag in
                tag.set("first", flag: index == 0)
                tag.set("tag", text: tags[index])
            }
            sink.set("markup", text: .utf8(Data(markup.utf8)))
        }
    }

    static let rowTemplate = """
        <p title="{{name}}">{{name}}{{#note}} — {{note}}{{/note}}</p>
        {{#hasTags}}
        <ul>{{#tags}}{{^first}}, {{/first}}<li>{{tag}}</li>{{/tags}}</ul>
        {{/hasTags}}
        {{{markup}}}
        """

    static func renderer(_ template: String) throws -> TemplateRenderer {
        try TemplateRenderer(
            theme: Theme(
                templates: ["layout": "{{{body}}}", "page": "{{{content}}}", "partials/row": template], assets: [:]))
    }

    /// `row` rendered by swift-mustache itself, from the dictionary of its variables.
    static func mustache(_ row: Row, with templates: TemplateRenderer) throws -> String {
        var dictionary = TemplateDictionary()
        row.write(to: &dictionary)
        return try templates.render("partials/row", context: dictionary.values)
    }

    static let rows = [
        Row(name: "CreateBucket", note: "", tags: [], markup: "<b>x &amp; y</b>"),
        Row(name: "</p><script>alert('x')</script>", note: "\"quoted\" & 'single'", tags: ["<a>", "b"], markup: ""),
        Row(name: "한국어\n", note: "줄바꿈\n", tags: ["\u{E000}Ka&0\u{E001}"], markup: "<i>\n"),
        Row(name: "", note: "n", tags: ["a", "b", "c"], markup: "<pre>\r\n</pre>\r\n"),
    ]

    /// `row` rendered the way pages made in bulk are, through the template's compiled shape.
    static func compiled(_ row: Row, with templates: TemplateRenderer) throws -> String {
        var html = HTMLBuffer(capacity: 64)
        try templates.render("partials/row", with: row, into: &html)
        return html.string
    }

    @Test("a compiled template gives swift-mustache's bytes, values escaped unless inserted with {{{ }}}")
    func sameAsMustache() throws {
        let templates = try Self.renderer(Self.rowTemplate)
        for row in Self.rows + Self.rows {
            #expect(try Self.compiled(row, with: templates) == (try Self.mustache(row, with: templates)))
            #expect(try templates.render("partials/row", with: row) == (try Self.mustache(row, with: templates)))
        }
        let hostile = try Self.compiled(Self.rows[1], with: templates)
        #expect(hostile.hasPrefix("<p title=\"&lt;/p&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\">"))
    }

    @Test("the template is compiled once per shape of context and reused for every page of that shape")
    func compiledOncePerShape() throws {
        let templates = try Self.renderer(Self.rowTemplate)
        var html = HTMLBuffer(capacity: 64)
        for number in 0..<100 {
            let row = Row(name: "event \(number) <\(number)>", note: "", tags: ["t\(number)"], markup: "<br>")
            try templates.render("partials/row", with: row, into: &html)
        }
        #expect(templates.skeletons.count == 1)
        try templates.render("partials/row", with: Self.rows[0], into: &html)
        #expect(templates.skeletons.count == 2)
    }

    @Test("a template that transforms a value is rendered by swift-mustache for each context")
    func transforms() throws {
        let templates = try Self.renderer("<p>{{uppercased(name)}}</p>{{{markup}}}")
        for row in Self.rows {
            #expect(try Self.compiled(row, with: templates) == (try Self.mustache(row, with: templates)))
        }
        #expect(try Self.compiled(Self.rows[0], with: templates) == "<p>CREATEBUCKET</p><b>x &amp; y</b>")
    }

    @Test("a template the theme lacks is an error naming it")
    func missingTemplate() throws {
        let templates = try Self.renderer(Self.rowTemplate)
        let error = try #require(throws: TemplateError.self) {
            try templates.render("partials/nope", with: Self.rows[0])
        }
        #expect(error.path == "templates/partials/nope.mustache")
    }
}
