import Foundation

/// The templates and assets a site is rendered with: the built-in theme, overridden file by file
/// by the source folder's `templates/`.
public struct Theme: Sendable {
    /// Mustache templates by name: the path under `templates/` without `.mustache` (`layout`, `partials/sidebar`).
    public var templates: [String: String]
    /// Asset files by their path under `templates/` (`assets/style.css`), copied into the site as they are.
    public var assets: [String: Data]
    /// Where each template came from, for error messages (`templates/layout.mustache` or `built-in theme: …`).
    public var origins: [String: String]

    /// Creates a theme from explicit files.
    public init(templates: [String: String], assets: [String: Data], origins: [String: String] = [:]) {
        self.templates = templates
        self.assets = assets
        self.origins = origins
    }

    /// The theme compiled into labsite (a copy of the repository's `templates/`).
    public static var builtIn: Theme {
        var theme = Theme(templates: [:], assets: [:])
        for (path, text) in BuiltinTheme.files {
            theme.add(path: path, data: Data(text.utf8), origin: "built-in theme: templates/\(path)")
        }
        return theme
    }

    /// The built-in theme with every file of `directory` (a source folder's `templates/`) put over it.
    public static func load(overridingWith directory: URL) throws -> Theme {
        var theme = builtIn
        guard FileManager.default.fileExists(atPath: directory.path) else { return theme }
        for path in try ContentLoader.files(under: directory) {
            let displayPath = "templates/" + path
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else {
                throw TemplateError(path: displayPath, line: nil, reason: "The file could not be read.")
            }
            if path.hasSuffix(".mustache"), String(data: data, encoding: .utf8) == nil {
                throw TemplateError(path: displayPath, line: nil, reason: "The template is not valid UTF-8 text.")
            }
            theme.add(path: path, data: data, origin: displayPath)
        }
        return theme
    }

    private mutating func add(path: String, data: Data, origin: String) {
        if path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            templates[name] = String(decoding: data, as: UTF8.self)
            origins[name] = origin
        } else {
            assets[path] = data
        }
    }
}
