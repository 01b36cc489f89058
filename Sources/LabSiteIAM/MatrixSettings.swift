import Foundation
import LabSite
import Yams

/// `content/iam/matrix.yml`: the account snapshots in order with their titles, and the requests the
/// lab makes, which become the rows of the permission matrix.
public struct MatrixSettings: Sendable, Equatable, Decodable {
    /// One account file and how pages name it.
    public struct Snapshot: Sendable, Equatable, Decodable {
        /// The file name under `content/iam/` (`account-before-step-24.json`).
        public var file: String
        /// `24단계 전`.
        public var title: String
    }

    /// One row of the matrix.
    public struct Request: Sendable, Equatable, Decodable {
        /// `s3:ListBucket`.
        public var action: String
        /// The resource ARN; `*` when omitted.
        public var resource: String?
        /// The lab step that performs it.
        public var step: Int?
        /// A few words on what the request is (`추적 버킷의 객체 나열`).
        public var note: String?
        /// The identity that makes the request in the lab (`lab-user`), when one does: its
        /// least-privilege policy includes the request even when the trail cannot show it.
        public var by: String?

        /// The evaluator's request.
        var permissionRequest: PermissionRequest { PermissionRequest(action: action, resource: resource ?? "*") }

        private enum CodingKeys: String, CodingKey {
            case action, resource, step, note, by
        }

        /// Decodes a row; `step` is read as text, then as a whole number.
        ///
        /// Yams' own `Int` decoding traps on a YAML 1.1 base-60 number such as `1:2:3…` too large for
        /// Int; read as text, it is a "wrong type" error naming the field instead.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            action = try container.decode(String.self, forKey: .action)
            resource = try container.decodeIfPresent(String.self, forKey: .resource)
            note = try container.decodeIfPresent(String.self, forKey: .note)
            by = try container.decodeIfPresent(String.self, forKey: .by)
            if let text = try container.decodeIfPresent(String.self, forKey: .step) {
                guard let number = Int(text) else {
                    throw DecodingError.typeMismatch(
                        Int.self,
                        DecodingError.Context(
                            codingPath: container.codingPath + [CodingKeys.step],
                            debugDescription: "`step` is not a whole number."))
                }
                step = number
            } else {
                step = nil
            }
        }
    }

    /// The lab page the requests' step numbers refer to, as a source path (`cloudtrail.md`).
    public var lab: String?
    /// Snapshots in the order the matrix shows them.
    public var snapshots: [Snapshot]
    /// The matrix rows.
    public var requests: [Request]

    /// Reads the settings; an error names the file.
    static func parse(_ text: String, path: String) throws -> MatrixSettings {
        let settings: MatrixSettings
        do {
            settings = try YAMLDecoder().decode(MatrixSettings.self, from: text)
        } catch let error as DecodingError {
            throw IAMError(path: path, reason: "The matrix settings are not valid: \(Self.describe(error))")
        } catch {
            throw IAMError(path: path, reason: "The file is not valid YAML.")
        }
        for request in settings.requests {
            let parts = request.action.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw IAMError(
                    path: path, reason: "The request action \"\(request.action)\" is not of the form service:Action.")
            }
        }
        return settings
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            let place = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(place.isEmpty ? "the top level" : place) has no \(key.stringValue)."
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let place = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(place.isEmpty ? "the top level" : place) has the wrong type."
        @unknown default: return "\(error)"
        }
    }
}
