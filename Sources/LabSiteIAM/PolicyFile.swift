import Foundation
import LabSite

/// The policy documents one file holds, checked: a policy document, `aws iam get-policy-version`
/// output, `aws iam get-account-authorization-details` output (every inline and trust policy, and
/// each managed policy's default version), or a managed policy file of iann0036's iam-dataset
/// (`aws/managedpolicies/NAME.json`, the document under `document`). What `labsite policy check` reads.
public struct PolicyFile: Sendable {
    /// One document of the file and its findings.
    public struct Document: Sendable {
        /// Which document: `PolicyVersion.Document`, `RoleDetailList[0] (lab-role).AssumeRolePolicyDocument`.
        public var label: String
        /// The findings, spans in the file's bytes.
        public var findings: [PolicyFinding]
    }

    /// The file, as the user named it.
    public var path: String
    /// The file's text.
    public var source: PolicySourceText
    /// The documents, in file order.
    public var documents: [Document]

    /// Reads and checks the file at `path` whose bytes are `bytes`.
    public static func read(path: String, bytes: [UInt8]) throws -> PolicyFile {
        var checker = PolicyChecker()
        return try read(path: path, bytes: bytes, checker: &checker)
    }

    /// Reads and checks a file with `checker`, which remembers the patterns it expanded for the
    /// next file.
    public static func read(path: String, bytes: [UInt8], checker: inout PolicyChecker) throws -> PolicyFile {
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes)
        } catch {
            throw IAMError(path: path, json: error)
        }
        guard let fields = json.objectValue else {
            throw IAMError(
                path: path, reason: "The file is \(json.kindDescription), not a policy document (an object).")
        }
        var documents: [(String, JSONValue)] = []
        let account = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"]
        if let document = fields["PolicyVersion"]?["Document"] {
            documents.append(("PolicyVersion.Document", document))
        } else if fields.keys.contains(where: account.contains) {
            documents = accountDocuments(fields)
        } else if fields["Statement"] != nil || fields["Version"] != nil {
            documents.append(("", json))
        } else if let document = fields["document"], document.objectValue != nil {
            documents.append(("document", document))
        } else {
            throw IAMError(
                path: path,
                reason: "The file is neither a policy document (with Statement), nor `aws iam get-policy-version` "
                    + "output, nor `aws iam get-account-authorization-details` output, nor an iam-dataset policy file.")
        }
        var checked: [Document] = []
        for (label, value) in documents {
            checked.append(
                Document(label: label, findings: try findings(in: value, bytes: bytes, path: path, checker: &checker)))
        }
        return PolicyFile(path: path, source: PolicySourceText(bytes: bytes), documents: checked)
    }

    /// The findings of one document value: in place for an object; for a string (URL-encoded or
    /// JSON text), pointing at the whole string.
    private static func findings(
        in value: JSONValue, bytes: [UInt8], path: String, checker: inout PolicyChecker
    ) throws -> [PolicyFinding] {
        guard let text = value.stringValue else { return checker.checkRemembering(value, in: bytes) }
        let span = value.offset..<JSONTextSpan.end(ofValueAt: value.offset, in: bytes)
        let (json, decoded) = try PolicyDocument.decoded(text, path: path, name: "the document at byte \(value.offset)")
        return checker.checkRemembering(json, in: decoded).map {
            var moved = $0
            moved.span = span
            return moved
        }
    }

    /// The documents of `get-account-authorization-details` output.
    private static func accountDocuments(_ fields: JSONObject) -> [(String, JSONValue)] {
        var result: [(String, JSONValue)] = []
        let lists = [
            ("UserDetailList", "UserName", "UserPolicyList"), ("GroupDetailList", "GroupName", "GroupPolicyList"),
            ("RoleDetailList", "RoleName", "RolePolicyList"),
        ]
        for (list, nameField, inlineField) in lists {
            for (index, entry) in (fields[list]?.arrayValue ?? []).enumerated() {
                let holder = "\(list)[\(index)] (\(entry[nameField]?.stringValue ?? "?"))"
                for (position, inline) in (entry[inlineField]?.arrayValue ?? []).enumerated() {
                    guard let document = inline["PolicyDocument"] else { continue }
                    let name = inline["PolicyName"]?.stringValue ?? "?"
                    result.append(("\(holder).\(inlineField)[\(position)] (\(name))", document))
                }
                if let trust = entry["AssumeRolePolicyDocument"] {
                    result.append(("\(holder).AssumeRolePolicyDocument", trust))
                }
            }
        }
        for (index, policy) in (fields["Policies"]?.arrayValue ?? []).enumerated() {
            let name = policy["PolicyName"]?.stringValue ?? "?"
            for (position, version) in (policy["PolicyVersionList"]?.arrayValue ?? []).enumerated()
            where version["IsDefaultVersion"]?.boolValue == true {
                guard let document = version["Document"] else { continue }
                result.append(("Policies[\(index)] (\(name)).PolicyVersionList[\(position)].Document", document))
            }
        }
        return result
    }

    /// Whether any finding is an error or a security warning (the command's exit status 1).
    public var hasSeriousFindings: Bool {
        documents.contains { $0.findings.contains { $0.type == .error || $0.type == .securityWarning } }
    }

    /// `path:line:column: warning: [CODE] message (label)`, line and column from 1, one per finding
    /// (errors say `error:`).
    public var messages: [String] {
        documents.flatMap { document in
            document.findings.map { finding in
                let start = source.position(ofByte: finding.span.lowerBound)
                let kind = finding.type == .error ? "error" : "warning"
                let label = document.label.isEmpty ? "" : " (\(document.label))"
                return "\(path):\(start.line):\(start.column + 1): \(kind): [\(finding.issue.rawValue)] "
                    + "\(finding.message)\(label)"
            }
        }
    }

    /// The file as JSON: one object per document, `path`, `policy` and `findings` in Access
    /// Analyzer's `ValidatePolicyFinding` shape.
    public var json: JSONValue {
        .array(
            documents.map { document in
                .object([
                    "path": .string(path),
                    "policy": .string(document.label),
                    "findings": .array(document.findings.map(findingJSON)),
                ])
            })
    }

    private func findingJSON(_ finding: PolicyFinding) -> JSONValue {
        func position(_ offset: Int) -> JSONValue {
            let place = source.position(ofByte: offset)
            return .object([
                "line": .number(String(place.line)), "column": .number(String(place.column)),
                "offset": .number(String(place.offset)),
            ])
        }
        let path: [JSONValue] = finding.path.map { element in
            switch element {
            case .value(let name): .object(["value": .string(name)])
            case .index(let index): .object(["index": .number(String(index))])
            case .key(let key): .object(["key": .string(key)])
            }
        }
        return .object([
            "findingType": .string(finding.type.rawValue),
            "issueCode": .string(finding.issue.rawValue),
            "findingDetails": .string(finding.message),
            "learnMoreLink": .string(finding.issue.learnMoreLink),
            "locations": .array([
                .object([
                    "path": .array(path),
                    "span": .object([
                        "start": position(finding.span.lowerBound), "end": position(finding.span.upperBound),
                    ]),
                ])
            ]),
        ])
    }
}
