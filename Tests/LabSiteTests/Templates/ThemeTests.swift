import Foundation
import Testing

@testable import LabSite

@Suite("Theme")
struct ThemeTests {
    @Test("the built-in theme is an exact copy of templates/ (the EmbedTheme plugin's output)")
    func builtInMatchesTemplatesFolder() throws {
        let folder = Repository.root.appendingPathComponent("templates")
        var onDisk: [String: Data] = [:]
        for path in try ContentLoader.files(under: folder) {
            onDisk[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        #expect(onDisk.keys.sorted() == BuiltinTheme.files.keys.sorted())
        // Bytes, not `String` equality (which ignores Unicode normalisation): the site gets these bytes.
        for (path, data) in onDisk {
            let builtIn = BuiltinTheme.files[path].map { Data($0.utf8) }
            // Edits to a file added since SwiftPM last planned the build wait for the next plan (Plugins/EmbedTheme).
            #expect(builtIn == data, "templates/\(path) differs from the built-in copy (new file? touch Package.swift)")
        }
    }

    @Test("the built-in theme parses and has the required templates")
    func builtInParses() throws {
        let theme = Theme.builtIn
        #expect(Set(TemplateRenderer.requiredTemplates).isSubset(of: Set(theme.templates.keys)))
        _ = try TemplateRenderer(theme: theme)
    }

    @Test("a site's template overrides the built-in one of the same name, others stay")
    func overrides() throws {
        let site = try TemporarySite(files: [
            "templates/page.mustache": "{{{content}}}", "templates/assets/extra.css": "a{}",
        ])
        let theme = try Theme.load(overridingWith: site.root.appendingPathComponent("templates"))
        #expect(theme.templates["page"] == "{{{content}}}")
        #expect(theme.origins["page"] == "templates/page.mustache")
        #expect(theme.templates["layout"] == Theme.builtIn.templates["layout"])
        #expect(theme.assets["assets/extra.css"] == Data("a{}".utf8))
        #expect(theme.assets["assets/style.css"] != nil)
    }

    @Test("a syntax error names the template and line")
    func syntaxError() throws {
        let theme = Theme(
            templates: ["layout": "a\nb {{#x}}\n{{/y}}\n", "page": ""], assets: [:],
            origins: ["layout": "templates/layout.mustache"])
        let error = try #require(throws: TemplateError.self) { try TemplateRenderer(theme: theme) }
        #expect(
            error.errorDescription
                == "templates/layout.mustache:3: error: A section is closed with a different name than it was opened with (column 4: `{{/y}}`)."
        )
    }
}
