import Foundation

/// Why an image's size could not be read: the file is one of the ``ImageFormat``s by its first
/// bytes, but ends too soon or says something its format does not allow.
///
/// The message does not name the file; the caller, which knows the path, puts it in front
/// (`content/labs/images/a.png: error: The PNG file ends inside its header.`).
public enum ImageSizeError: LocalizedError, Equatable, Sendable {
    /// The file ends before the header that gives the size.
    case truncated(ImageFormat)
    /// The header breaks the format's rules; the associated text says how, as a clause
    /// (`its first chunk is `IDAT`, not IHDR`).
    case corrupt(ImageFormat, String)

    /// The format the file was recognised as.
    public var format: ImageFormat {
        switch self {
        case .truncated(let format), .corrupt(let format, _): format
        }
    }

    /// The cause as a full sentence.
    public var reason: String {
        switch self {
        case .truncated(.jpeg):
            "The JPEG file ends before its frame header, which gives the image's size."
        case .truncated(.svg):
            "The SVG file ends before its `<svg>` start tag is closed."
        case .truncated(let format):
            "The \(format.name) file ends inside its header."
        case .corrupt(let format, let cause):
            "The \(format.name) file is corrupt: \(cause)."
        }
    }

    /// The same as ``reason``.
    public var errorDescription: String? { reason }
}
