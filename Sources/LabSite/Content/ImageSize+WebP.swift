extension ImageSize {
    /// WebP: after `RIFF`, the RIFF size and `WEBP`, the first chunk says which kind of file it is.
    ///
    /// - `VP8 ` (lossy): a key frame's 3-byte tag, the start code `9D 01 2A`, then width and
    ///   height as 14 bits each of little-endian 16-bit numbers (the top 2 bits are scaling).
    /// - `VP8L` (lossless): the signature byte `2F`, then width − 1 and height − 1 as 14 bits each.
    /// - `VP8X` (extended: animation, alpha, metadata): flags and 3 reserved bytes, then the canvas
    ///   width − 1 and height − 1 as little-endian 24-bit numbers.
    static func webp(_ bytes: ImageHeaderBytes) throws(ImageSizeError) -> ImageSize {
        // `ImageFormat.detect` has seen `RIFF`, and `WEBP` after the size when the file is that long.
        guard bytes.has(12, at: 0) else { throw .truncated(.webp) }
        guard let chunk = bytes.fourCC(at: 12), let length = bytes.littleEndian(4, at: 16) else {
            throw .truncated(.webp)
        }
        let payload = 20
        switch chunk {
        case "VP8 ":
            guard length >= 10 else { throw .corrupt(.webp, "its VP8 chunk is \(length) bytes long, under 10") }
            guard let tag = bytes[payload], bytes.has(10, at: payload) else { throw .truncated(.webp) }
            guard tag & 1 == 0 else { throw .corrupt(.webp, "its VP8 data does not start with a key frame") }
            guard bytes.matches([0x9D, 0x01, 0x2A], at: payload + 3) else {
                throw .corrupt(.webp, "its VP8 key frame lacks the start code 9D 01 2A")
            }
            guard let width = bytes.littleEndian(2, at: payload + 6),
                let height = bytes.littleEndian(2, at: payload + 8)
            else { throw .truncated(.webp) }
            return try checked(width & 0x3FFF, height & 0x3FFF, .webp)
        case "VP8L":
            guard length >= 5 else { throw .corrupt(.webp, "its VP8L chunk is \(length) bytes long, under 5") }
            guard let signature = bytes[payload], let bits = bytes.littleEndian(4, at: payload + 1) else {
                throw .truncated(.webp)
            }
            guard signature == 0x2F else {
                throw .corrupt(.webp, "its VP8L data does not start with the signature byte 2F")
            }
            guard bits >> 29 == 0 else { throw .corrupt(.webp, "its VP8L version is \(bits >> 29), not 0") }
            return try checked((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1, .webp)
        case "VP8X":
            guard length >= 10 else { throw .corrupt(.webp, "its VP8X chunk is \(length) bytes long, under 10") }
            guard let width = bytes.littleEndian(3, at: payload + 4),
                let height = bytes.littleEndian(3, at: payload + 7)
            else { throw .truncated(.webp) }
            return try checked(width + 1, height + 1, .webp)
        default:
            throw .corrupt(.webp, "its first chunk is `\(chunk)`, not VP8, VP8L or VP8X")
        }
    }
}
