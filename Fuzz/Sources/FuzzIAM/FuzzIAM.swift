import FuzzSupport
import LabSite
import LabSiteIAM

/// The IAM policy reader through `IAMSection.load`: the input is up to three files cut at
/// `FuzzInput.fileSeparator`, an `aws iam get-account-authorization-details` snapshot, a managed
/// policy document and `matrix.yml`, as a course keeps them under `content/iam/`. Policy documents
/// are also parsed alone, as JSON or in the IAM API's URL encoding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIAM(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let parts = FuzzInput.files(bytes, limit: 3)
    let names = ["iam/account.json", "iam/policies/FuzzPolicy.json", "iam/matrix.yml"]
    let input = course.input(with: zip(names, parts).map { (path: $0, bytes: $1) })
    do {
        let section = try IAMSection.load(from: input)
        _ = section.snapshots.map { $0.identities.count }
    } catch let error as any LocatedError {
        precondition(names.contains { "content/" + $0 == error.path }, "the error names \(error.path)")
    } catch {
        preconditionFailure("an error that names no file: \(error)")
    }
    do {
        _ = try PolicyDocument.parse(text: FuzzInput.text(bytes), path: "content/iam/policies/P.json", name: "P")
    } catch let error as any LocatedError {
        precondition(error.path == "content/iam/policies/P.json", "the error names \(error.path)")
    } catch {
        preconditionFailure("an error that names no file: \(error)")
    }
    return 0
}

/// The temporary course the files are written into: the section reads files, not bytes.
private let course = FuzzCourse()
