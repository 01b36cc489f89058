/// The width and height, in CSS pixels, at which a browser shows an image by default, read from
/// the file's header alone.
///
/// Formats: PNG (the `IHDR` chunk), JPEG (the frame header, SOF0–SOF15, turned by the EXIF
/// orientation as browsers turn it), GIF (the logical screen), WebP (lossy `VP8 `, lossless `VP8L`
/// and extended `VP8X`) and SVG (the root element's `width` and `height`, else its `viewBox`).
/// Reading never goes past the end of the bytes and never traps, whatever they hold.
public struct ImageSize: Equatable, Hashable, Sendable {
    /// The width in pixels, at least 1.
    public var width: Int
    /// The height in pixels, at least 1.
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The largest width or height any of the formats can state (PNG's 2³¹ − 1).
    static let largest = Int(Int32.max)

    /// The size of the image in `bytes`.
    ///
    /// - Returns: the size; `nil` when the bytes are none of the ``ImageFormat``s, or an SVG file
    ///   that states no size in pixels (no `width` and `height` in `px`, unitless or another
    ///   absolute unit, and no `viewBox`).
    /// - Throws: ``ImageSizeError`` when the bytes are one of the formats but end inside the
    ///   header or break its rules.
    public static func read(_ bytes: some Collection<UInt8>) throws(ImageSizeError) -> ImageSize? {
        let bytes = ImageHeaderBytes(bytes)
        switch ImageFormat.detect(bytes) {
        case .png: return try png(bytes)
        case .jpeg: return try jpeg(bytes)
        case .gif: return try gif(bytes)
        case .webp: return try webp(bytes)
        case .svg: return try svg(bytes)
        case nil: return nil
        }
    }

    /// A size from a header's numbers, which must be 1 or more and at most ``largest``.
    static func checked(_ width: Int, _ height: Int, _ format: ImageFormat) throws(ImageSizeError) -> ImageSize {
        guard width > 0, height > 0 else {
            throw .corrupt(format, "its header gives a width or height of 0 (\(width) × \(height))")
        }
        guard width <= largest, height <= largest else {
            throw .corrupt(format, "its header gives a size over 2³¹ − 1 pixels (\(width) × \(height))")
        }
        return ImageSize(width: width, height: height)
    }

    /// PNG: the signature, then the `IHDR` chunk (length 13) with the width and height as
    /// big-endian 32-bit numbers. Apple's `CgBI` chunk, which iOS puts before `IHDR`, is skipped.
    static func png(_ bytes: ImageHeaderBytes) throws(ImageSizeError) -> ImageSize {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= signature.count || signature.starts(with: bytes.bytes) else {
            throw .corrupt(.png, "its signature is not the PNG signature 89 50 4E 47 0D 0A 1A 0A")
        }
        guard bytes.has(signature.count, at: 0) else { throw .truncated(.png) }
        guard bytes.starts(with: signature) else {
            throw .corrupt(.png, "its signature is not the PNG signature 89 50 4E 47 0D 0A 1A 0A")
        }
        var chunk = signature.count
        if bytes.fourCC(at: chunk + 4) == "CgBI", let length = bytes.bigEndian(4, at: chunk) {
            chunk += 12 + length
        }
        guard let length = bytes.bigEndian(4, at: chunk), let name = bytes.fourCC(at: chunk + 4) else {
            throw .truncated(.png)
        }
        guard name == "IHDR" else { throw .corrupt(.png, "its first chunk is `\(name)`, not IHDR") }
        guard length == 13 else { throw .corrupt(.png, "its IHDR chunk is \(length) bytes long, not 13") }
        guard let width = bytes.bigEndian(4, at: chunk + 8), let height = bytes.bigEndian(4, at: chunk + 12) else {
            throw .truncated(.png)
        }
        return try checked(width, height, .png)
    }

    /// GIF: `GIF87a` or `GIF89a`, then the logical screen's width and height as little-endian
    /// 16-bit numbers.
    static func gif(_ bytes: ImageHeaderBytes) throws(ImageSizeError) -> ImageSize {
        guard let version = bytes.slice(0, 6) else { throw .truncated(.gif) }
        guard version.elementsEqual("GIF87a".utf8) || version.elementsEqual("GIF89a".utf8) else {
            let text = bytes.fourCC(at: 2).map { "GIF" + $0.dropFirst() } ?? "GIF"
            throw .corrupt(.gif, "its version `\(text)` is neither GIF87a nor GIF89a")
        }
        guard let width = bytes.littleEndian(2, at: 6), let height = bytes.littleEndian(2, at: 8) else {
            throw .truncated(.gif)
        }
        return try checked(width, height, .gif)
    }
}
