import FuzzSupport
import LabSite
import LabSiteCloudWatch

/// The CloudWatch alarm decoder through `CloudWatchSection.load`: the input is up to three files
/// cut at `FuzzInput.fileSeparator`, `describe-alarms` output, then its `describe-alarm-history`
/// and its `get-metric-statistics` output, as a course keeps them under `content/alarms/`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAlarms(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let parts = FuzzInput.files(FuzzInput.bytes(data, size), limit: 3)
    let names = ["alarms/fuzz.json", "alarms/fuzz.history.json", "alarms/fuzz.datapoints.json"]
    let input = course.input(with: zip(names, parts).map { (path: $0, bytes: $1) })
    do {
        let section = try CloudWatchSection.load(from: input)
        for record in section.records {
            _ = record.alarm.name
            _ = record.statistics
        }
    } catch let error as any LocatedError {
        precondition(names.contains { "content/" + $0 == error.path }, "the error names \(error.path)")
    } catch {
        preconditionFailure("an error that names no file: \(error)")
    }
    return 0
}

/// The temporary course the files are written into: the section reads files, not bytes.
private let course = FuzzCourse()
