import Foundation
import Testing

@testable import LabSite
@testable import LabSiteCloudTrail
@testable import LabSiteCloudWatch
@testable import LabSiteIAM

@Suite("IAM section on the default site")
struct IAMDefaultSiteTests {
    @Test("the repository's content builds with the IAM pages, matrix and step 23's rows")
    func defaultSite() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "labsite-iam-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let builder = SiteBuilder(
            sourceDirectory: Repository.root, outputDirectory: output, sectionTypes: [IAMSection.self])
        try await builder.build()
        let matrix = try String(contentsOf: output.appendingPathComponent("iam/matrix.html"), encoding: .utf8)
        #expect(matrix.contains("<h2 id=\"user-lab-user\">"))
        let policy = try String(
            contentsOf: output.appendingPathComponent("iam/policies/AWSCloudTrail_FullAccess.html"), encoding: .utf8)
        #expect(policy.contains("id=\"statement-3\""))
        let lab = try String(contentsOf: output.appendingPathComponent("cloudtrail.html"), encoding: .utf8)
        #expect(lab.contains("iam-matrix-directive"))
        #expect(lab.contains("href=\"iam/policies/AWSCloudTrail_FullAccess.html\""))
    }
}
