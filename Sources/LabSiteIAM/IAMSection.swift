import Foundation
import LabSite

/// IAM policy tables, identity pages and the permission matrix, from `content/iam/`.
///
/// Inputs: `content/iam/policies/<Name>.json` (AWS managed policy documents), `content/iam/*.json`
/// (`aws iam get-account-authorization-details` output, one file per moment of the lab) and the
/// optional `content/iam/matrix.yml` (snapshot titles and the lab's requests).
public struct IAMSection: SiteSection {
    /// Every managed policy, sorted by name then ARN.
    public var policies: [ManagedPolicy]
    /// The account at each moment, in the matrix's order.
    public var snapshots: [AccountSnapshot]
    /// The matrix rows.
    public var requests: [MatrixSettings.Request]
    /// The lab page step numbers link to, as an output path (`cloudtrail.html`).
    public var labPage: String?
    /// Policy ARN → output file name stem.
    var policyFiles: [String: String]
    /// The text of every file a policy was read from, by path, for line numbers and source listings.
    var sources: [String: PolicySourceText] = [:]
    /// The API calls the site's sections observed (CloudTrail events), for least-privilege policies.
    var calls: [ObservedCall] = []
    /// The catalogue used to expand wildcards.
    var catalogue: ActionCatalogue { .builtin }
    /// The site's theme, which renders the section's pages and the `iam-matrix` directive.
    var templates: TemplateRenderer

    /// The section's folder under `content/`.
    static let folder = "iam"

    /// Reads `content/iam/`; a site without it has no IAM pages.
    public static func load(from input: SectionInput) throws -> IAMSection {
        var policies: [ManagedPolicy] = []
        var sources: [String: PolicySourceText] = [:]
        var accountFiles: [String] = []
        var settings: MatrixSettings?
        for file in input.files(under: folder) {
            let path = "content/" + file
            let relative = file.dropFirst(folder.count + 1)
            if relative.hasPrefix("policies/") && file.hasSuffix(".json") && !relative.dropFirst(9).contains("/") {
                let bytes = [UInt8](try Self.data(file, from: input.contentDirectory))
                policies.append(try Self.readPolicy(file, bytes: bytes))
                sources["content/" + file] = PolicySourceText(bytes: bytes)
            } else if !relative.contains("/") && file.hasSuffix(".json") {
                accountFiles.append(file)
            } else if relative == "matrix.yml" {
                settings = try MatrixSettings.parse(try Self.text(file, from: input.contentDirectory), path: path)
            }
        }
        var ordered: [(file: String, title: String)] = []
        for snapshot in settings?.snapshots ?? [] {
            let file = folder + "/" + snapshot.file
            guard accountFiles.contains(file) else {
                throw IAMError(
                    path: "content/\(folder)/matrix.yml",
                    reason: "The snapshot file \(snapshot.file) does not exist in content/\(folder)/.")
            }
            ordered.append((file, snapshot.title))
        }
        for file in accountFiles where !ordered.contains(where: { $0.file == file }) {
            ordered.append((file, Self.stem(of: file)))
        }
        var snapshots: [AccountSnapshot] = []
        for (file, title) in ordered {
            let path = "content/" + file
            let bytes = [UInt8](try Self.data(file, from: input.contentDirectory))
            let json = try IAMError.json(Data(bytes), path: path)
            snapshots.append(
                try AccountSnapshot.parse(json, source: bytes, id: Self.stem(of: file), title: title, path: path))
            sources[path] = PolicySourceText(bytes: bytes)
        }
        var section = try IAMSection(
            policies: policies, snapshots: snapshots, requests: settings?.requests ?? [], templates: input.templates)
        section.labPage = settings?.lab.map(SitePath.rewriteMarkdownLink)
        section.sources = sources
        return section
    }

    /// Creates the section from parsed inputs; every attached policy must be known.
    public init(policies: [ManagedPolicy], snapshots: [AccountSnapshot], requests: [MatrixSettings.Request]) throws {
        try self.init(policies: policies, snapshots: snapshots, requests: requests, templates: .builtIn)
    }

    /// Creates the section as ``init(policies:snapshots:requests:)`` does, rendered with `templates`:
    /// a site's own theme, so that the built-in one is not parsed for nothing.
    init(
        policies: [ManagedPolicy], snapshots: [AccountSnapshot], requests: [MatrixSettings.Request],
        templates: TemplateRenderer
    ) throws {
        self.templates = templates
        var byARN: [String: ManagedPolicy] = [:]
        for policy in policies + snapshots.flatMap(\.policies) where byARN[policy.arn] == nil {
            byARN[policy.arn] = policy
        }
        self.policies = byARN.values.sorted { ($0.name, $0.arn) < ($1.name, $1.arn) }
        self.snapshots = snapshots
        self.requests = requests
        var files: [String: String] = [:]
        var used: Set<String> = []
        for policy in self.policies {
            var name = Self.fileName(policy.name)
            var counter = 2
            while used.contains(name.lowercased()) {
                name = Self.fileName(policy.name) + "-\(counter)"
                counter += 1
            }
            used.insert(name.lowercased())
            files[policy.arn] = name
        }
        self.policyFiles = files
        for snapshot in snapshots {
            for identity in snapshot.identities {
                for attachment in identity.attachedPolicies where byARN[attachment.arn] == nil {
                    throw IAMError(
                        path: snapshot.path,
                        reason: "The \(identity.kind.rawValue) \(identity.name) has the policy \(attachment.arn) "
                            + "attached, but neither Policies in this file nor content/\(Self.folder)/policies/ "
                            + "holds its document.")
                }
            }
        }
    }

    /// Reads a standalone document, or `aws iam get-policy-version` output, named after its file.
    static func readPolicy(_ file: String, bytes: [UInt8]) throws -> ManagedPolicy {
        let path = "content/" + file
        let name = stem(of: file)
        var json = try IAMError.json(Data(bytes), path: path)
        if let version = json["PolicyVersion"], let document = version["Document"] {
            json = document
        }
        return ManagedPolicy(
            name: name, arn: "arn:aws:iam::aws:policy/\(name)",
            document: try PolicyDocument.parse(value: json, source: bytes, path: path, name: "the policy \(name)"),
            sourcePath: path)
    }

    private static func data(_ file: String, from directory: URL) throws -> Data {
        do {
            return try Data(contentsOf: directory.appendingPathComponent(file))
        } catch {
            throw IAMError(path: "content/" + file, reason: "The file cannot be read.")
        }
    }

    private static func text(_ file: String, from directory: URL) throws -> String {
        String(decoding: try data(file, from: directory), as: UTF8.self)
    }

    /// `iam/policies/AWSCloudTrail_FullAccess.json` → `AWSCloudTrail_FullAccess`.
    static func stem(of file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return name.hasSuffix(".json") ? String(name.dropLast(5)) : name
    }

    /// A file name or id for any IAM name: letters, digits, `_`, `.` and `-` stay; every other byte
    /// becomes `~XX`, so distinct names give distinct files and nothing can leave the folder.
    static func fileName(_ name: String) -> String {
        var result = ""
        for byte in name.utf8 {
            let scalar = Unicode.Scalar(byte)
            let plain =
                (("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || "_.-".unicodeScalars.contains(scalar)) && !(result.isEmpty && scalar == ".")
            result += plain ? String(scalar) : "~" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
        return result.isEmpty ? "~" : result
    }

    public var directives: [Directive] {
        let section = self
        return [
            Directive(name: "iam-matrix") { try section.renderMatrixDirective($0) },
            Directive(name: "iam-findings") { try section.renderFindingsDirective($0) },
            Directive(name: "iam-least-privilege") { try section.renderLeastPrivilegeDirective($0) },
        ]
    }

    public func pages() throws -> [GeneratedPage] {
        guard !policies.isEmpty || !snapshots.isEmpty else { return [] }
        var pages = [try indexPage()]
        pages += try policies.map(policyPage)
        pages += try identityPages()
        if !snapshots.isEmpty { pages.append(try matrixPage()) }
        return pages
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
