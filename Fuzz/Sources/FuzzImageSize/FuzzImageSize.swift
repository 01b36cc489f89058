import FuzzSupport
import LabSite

/// Image headers (`ImageSize.read`, `ImageFormat.detect`), as a figure's image file goes through
/// them: PNG, JPEG with its segments and EXIF orientation, GIF, the three kinds of WebP, and SVG's
/// prologue, root start tag and lengths.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImageSize(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let format = ImageFormat.detect(bytes)
    do {
        if let image = try ImageSize.read(bytes) {
            precondition(format != nil, "a size for bytes of no format")
            precondition(
                (1...Int(Int32.max)).contains(image.width) && (1...Int(Int32.max)).contains(image.height),
                "a size out of range: \(image.width) × \(image.height)")
        }
    } catch {
        precondition(
            error.format == format, "an error about \(error.format), bytes detected as \(String(describing: format))")
        let reason = error.reason
        precondition(
            reason.hasPrefix("The \(error.format.name) file ") && reason.hasSuffix("."),
            "a message that is no sentence: \(reason)")
    }
    // A slice that does not start at index 0 reads the same.
    let shifted = ([0] + bytes).dropFirst()
    precondition(
        (try? ImageSize.read(shifted)) == (try? ImageSize.read(bytes)), "a slice read otherwise than its array")
    return 0
}
