import FuzzSupport
import LabSite
import LabSiteIAM

/// The policy checker through `PolicyFile.read`, what `labsite policy check` runs on each file:
/// the input is one file, a policy document, `get-policy-version` or
/// `get-account-authorization-details` output (URL-encoded documents included). Every finding
/// must point inside the file, have a line from 1 and a message, and the JSON report must hold every document.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicyCheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    do {
        let file = try PolicyFile.read(path: "policy.json", bytes: bytes)
        for finding in file.documents.flatMap(\.findings) {
            precondition(
                finding.span.lowerBound >= 0 && finding.span.lowerBound <= finding.span.upperBound
                    && finding.span.upperBound <= bytes.count,
                "a finding outside the file: \(finding.span) of \(bytes.count) bytes")
            precondition(!finding.message.isEmpty, "a finding without a message")
            let start = file.source.position(ofByte: finding.span.lowerBound)
            precondition(start.line >= 1 && start.column >= 0 && start.offset >= 0, "a position before the file")
        }
        _ = file.messages
        precondition(file.json.arrayValue?.count == file.documents.count, "a JSON report without every document")
    } catch let error as any LocatedError {
        precondition(error.path == "policy.json", "the error names \(error.path)")
    } catch {
        preconditionFailure("an error that names no file: \(error)")
    }
    return 0
}
