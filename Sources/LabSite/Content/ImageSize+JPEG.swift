extension ImageSize {
    /// JPEG: the markers after the start of image are walked, each segment skipped by its length,
    /// up to the first frame header (SOF0–SOF15 but DHT `C4`, JPG `C8` and DAC `CC`), whose
    /// height and width are big-endian 16-bit numbers after the sample precision.
    ///
    /// An EXIF `APP1` segment before it may turn the image: browsers show it turned by its
    /// orientation (`image-orientation: from-image`), so orientations 5–8 swap width and height.
    /// Bytes between segments that are not a marker are skipped up to the next `FF`, as libjpeg
    /// does with its "extraneous bytes" warning.
    static func jpeg(_ bytes: ImageHeaderBytes) throws(ImageSizeError) -> ImageSize {
        var offset = 2
        // The orientation of the first EXIF segment; `nil` until one is read.
        var turned: Bool?
        while true {
            // A marker is FF, any number of FF fill bytes, then the marker's code.
            while let byte = bytes[offset], byte != 0xFF { offset += 1 }
            while bytes[offset] == 0xFF { offset += 1 }
            guard let marker = bytes[offset] else { throw .truncated(.jpeg) }
            offset += 1
            switch marker {
            case 0x00:
                // A stuffed zero belongs inside entropy-coded data, which comes only after a frame header.
                continue
            case 0x01, 0xD0...0xD8:
                // TEM, RST0–RST7 and SOI stand alone, without a length.
                continue
            case 0xD9:
                throw .corrupt(.jpeg, "its image ends (EOI marker) before a frame header gives its size")
            case 0xDA:
                throw .corrupt(.jpeg, "its image data (SOS marker) starts before a frame header gives its size")
            default:
                break
            }
            guard let length = bytes.bigEndian(2, at: offset) else { throw .truncated(.jpeg) }
            guard length >= 2 else {
                let code = String(marker, radix: 16, uppercase: true)
                throw .corrupt(.jpeg, "the segment of its marker FF\(code) gives its length as \(length), under 2")
            }
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard length >= 8 else {
                    throw .corrupt(.jpeg, "its frame header is \(length) bytes long, too short to hold a size")
                }
                guard let height = bytes.bigEndian(2, at: offset + 3), let width = bytes.bigEndian(2, at: offset + 5)
                else { throw .truncated(.jpeg) }
                guard height > 0 else {
                    throw .corrupt(
                        .jpeg,
                        "its frame header gives the height as 0, to be set later by a DNL marker, "
                            + "which labsite does not read")
                }
                let size = try checked(width, height, .jpeg)
                return turned == true ? ImageSize(width: size.height, height: size.width) : size
            }
            if marker == 0xE1, turned == nil, let segment = bytes.slice(offset + 2, length - 2) {
                turned = Self.exifTurnsImage(ImageHeaderBytes(segment))
            }
            offset += length
        }
    }

    /// Whether an `APP1` segment's payload is EXIF data whose orientation (tag 0112 in the first
    /// image file directory) is 5, 6, 7 or 8: turned a quarter, so shown with width and height
    /// swapped; `nil` when the segment is not EXIF (XMP, for one). Malformed EXIF counts as not
    /// turned, as browsers ignore it.
    static func exifTurnsImage(_ segment: ImageHeaderBytes) -> Bool? {
        guard segment.matches(Array("Exif".utf8) + [0, 0], at: 0) else { return nil }
        let tiff = ImageHeaderBytes(segment.bytes.dropFirst(6))
        let bigEndian: Bool
        if tiff.matches([0x4D, 0x4D, 0x00, 0x2A], at: 0) {
            bigEndian = true
        } else if tiff.matches([0x49, 0x49, 0x2A, 0x00], at: 0) {
            bigEndian = false
        } else {
            return false
        }
        func number(_ length: Int, at offset: Int) -> Int? {
            bigEndian ? tiff.bigEndian(length, at: offset) : tiff.littleEndian(length, at: offset)
        }
        guard let directory = number(4, at: 4), let count = number(2, at: directory) else { return false }
        for entry in 0..<count {
            let start = directory + 2 + entry * 12
            guard let tag = number(2, at: start) else { return false }
            guard tag == 0x0112 else { continue }
            // SHORT (type 3), one value, in the first two bytes of the value field.
            guard number(2, at: start + 2) == 3, let orientation = number(2, at: start + 8) else { return false }
            return (5...8).contains(orientation)
        }
        return false
    }
}
