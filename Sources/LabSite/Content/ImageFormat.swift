/// An image format whose size ``ImageSize`` reads, recognised by the file's first bytes rather
/// than its name.
public enum ImageFormat: String, CaseIterable, Equatable, Sendable {
    /// PNG: the signature `89 50 4E 47 0D 0A 1A 0A`.
    case png
    /// JPEG: `FF D8 FF`, a start-of-image marker followed by another marker.
    case jpeg
    /// GIF: `GIF87a` or `GIF89a`.
    case gif
    /// WebP: a RIFF container, `RIFF`, its size, then `WEBP`.
    case webp
    /// SVG: XML text whose root element is `<svg>`, after an optional XML declaration, comments and
    /// document type declaration.
    case svg

    /// The format's usual name, as messages write it (`PNG`, `WebP`).
    public var name: String {
        switch self {
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .gif: "GIF"
        case .webp: "WebP"
        case .svg: "SVG"
        }
    }

    /// The format `bytes` start with, or `nil` for none of these.
    ///
    /// A file cut short is still recognised once its first bytes tell the format (`\x89PNG`,
    /// `FF D8 FF`, `GIF8`, `RIFF` when the file ends before the `WEBP` that would follow, `<svg`),
    /// so that reading it reports the truncation instead of an unknown format.
    public static func detect(_ bytes: some Collection<UInt8>) -> ImageFormat? {
        detect(ImageHeaderBytes(bytes))
    }

    static func detect(_ bytes: ImageHeaderBytes) -> ImageFormat? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: Array("GIF8".utf8)) { return .gif }
        if bytes.starts(with: Array("RIFF".utf8)) {
            return bytes.count < 12 || bytes.matches(Array("WEBP".utf8), at: 8) ? .webp : nil
        }
        if ImageSize.svgRootElement(in: bytes) != nil { return .svg }
        return nil
    }
}
