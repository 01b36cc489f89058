import Foundation
import Yams

/// Site-wide settings from `content/site.yml`; every key is optional.
///
/// ```
/// title: AWS 모니터링 실습
/// language: ko
/// description: …
/// rawHTML: false
/// timeZone: Asia/Seoul
/// editURL: https://github.com/example/course/edit/main/content/
/// params:
///   region: { default: ap-northeast-2, label: 리전 }
/// ```
public struct SiteSettings: Sendable, Equatable {
    /// The site's name, shown in the header and page titles.
    public var title: String
    /// The `lang` of every page.
    public var language: String
    /// One sentence about the site.
    public var description: String
    /// Lets raw HTML in Markdown through; off by default so content cannot inject markup.
    public var allowsRawHTML: Bool
    /// Where the site will be published (`https://example.com/course/`); when set, labsite writes
    /// `sitemap.xml` and lets `404.html` find its assets from any URL.
    public var baseURL: String
    /// The zone of local times in event files that carry no zone (the console's older Event history
    /// CSV downloads: `2020-05-13, 04:52:01 PM`), as an IANA name such as `Asia/Seoul`; empty when
    /// not given, and such a file is then an error.
    public var timeZone: String
    /// Where a page's source can be edited: the page's path under `content/` is appended, and each
    /// page links there as "이 페이지 고치기"; empty for no link.
    public var editURL: String
    /// The values every page may use as `{{name}}` (`params:`), in the order declared.
    public var values: [PersonalValue]

    /// Creates settings; the defaults suit a Korean course site.
    public init(
        title: String = "실습 안내서", language: String = "ko", description: String = "", allowsRawHTML: Bool = false,
        baseURL: String = "", timeZone: String = "", editURL: String = "", values: [PersonalValue] = []
    ) {
        self.title = title
        self.language = language
        self.description = description
        self.allowsRawHTML = allowsRawHTML
        self.baseURL = baseURL
        self.timeZone = timeZone
        self.editURL = editURL
        self.values = values
    }

    /// The file name of the settings under `content/`.
    public static let fileName = "site.yml"

    /// Reads settings from YAML text; `path` names the file in errors.
    public static func parse(_ yaml: String, path: String) throws -> SiteSettings {
        // Line ends unified as for a page, so libyaml's lines are the file's (with `lines`).
        let yaml = LineEndings.unified(yaml)
        let lines = YAMLLines(yaml)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ContentError(
                yaml: error, path: path, what: "The site settings file", lines: lines, firstLine: 1,
                lastLine: ContentError.lastLine(of: yaml))
        }
        var settings = SiteSettings()
        guard let node else { return settings }
        guard let mapping = node.mapping else {
            throw ContentError(
                path: path, line: 1, reason: "The site settings must be a YAML mapping of keys to values.")
        }
        for (keyNode, value) in mapping {
            let line = keyNode.mark.map { lines.fileLine($0.line) }
            switch keyNode.string ?? "" {
            case "title": settings.title = try text(value, key: "title", path: path, line: line)
            case "language": settings.language = try text(value, key: "language", path: path, line: line)
            case "description": settings.description = try text(value, key: "description", path: path, line: line)
            case "rawHTML":
                guard let flag = value.bool else {
                    throw ContentError(path: path, line: line, reason: "`rawHTML` must be true or false.")
                }
                settings.allowsRawHTML = flag
            case "baseURL":
                let url = try text(value, key: "baseURL", path: path, line: line)
                guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil
                else {
                    throw ContentError(
                        path: path, line: line,
                        reason:
                            "`baseURL` must be an absolute http or https address, such as https://example.com/course/.")
                }
                settings.baseURL = url.hasSuffix("/") ? url : url + "/"
            case "timeZone":
                let zone = try text(value, key: "timeZone", path: path, line: line)
                guard TimeZone(identifier: zone) != nil else {
                    throw ContentError(
                        path: path, line: line,
                        reason: "`timeZone` must be a time zone name such as Asia/Seoul or UTC; \(zone) is not one.")
                }
                settings.timeZone = zone
            case "editURL":
                let url = try text(value, key: "editURL", path: path, line: line)
                guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil
                else {
                    throw ContentError(
                        path: path, line: line,
                        reason: "`editURL` must be an absolute http or https address to which a page's path is "
                            + "appended, such as https://github.com/example/course/edit/main/content/.")
                }
                settings.editURL = url
            case "params":
                settings.values = try PersonalValue.parse(value, path: path) { $0.map(lines.fileLine) }
            case let key:
                throw ContentError(
                    path: path, line: line,
                    reason:
                        "`\(key)` is not a site setting; the settings are title, language, description, rawHTML, baseURL, timeZone, editURL and params."
                )
            }
        }
        return settings
    }

    private static func text(_ node: Node, key: String, path: String, line: Int?) throws -> String {
        guard let text = node.scalar?.string else {
            throw ContentError(path: path, line: line, reason: "`\(key)` must be a text.")
        }
        return text
    }
}
