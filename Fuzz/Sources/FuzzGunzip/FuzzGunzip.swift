import FuzzSupport
import LabSite

/// gzip inflate (`Gunzip`), as trail log files `.json.gz` go through it: every member, trailing
/// padding, truncation and the inflate limit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGunzip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    // A small limit, so the decompression-bomb check is reached within -rss_limit_mb.
    let limit = 1 << 20
    do {
        let inflated = try Gunzip.inflate(bytes, limit: limit)
        precondition(inflated.count <= limit, "inflate returned \(inflated.count) bytes over its limit \(limit)")
    } catch {
        _ = error.reason
    }
    _ = try? Gunzip.inflateIfCompressed(bytes, limit: limit)
    return 0
}
