import Foundation

extension ImageSize {
    /// SVG: the root `<svg>` element's `width` and `height`, as a browser sizes an `<img>` of it.
    ///
    /// A length counts when it is a number, unitless or in `px`, or in another absolute unit
    /// (`in`, `cm`, `mm`, `Q`, `pt`, `pc`, converted at 96 pixels an inch); percentages and
    /// font-relative units do not. With only one of the two, the other follows from the
    /// `viewBox`'s proportions; with neither, the `viewBox`'s width and height are the size.
    /// Without a `viewBox` either, the file states no size: `nil`. Lengths are rounded to whole
    /// pixels.
    static func svg(_ bytes: ImageHeaderBytes) throws(ImageSizeError) -> ImageSize? {
        guard let start = svgRootElement(in: bytes) else { return nil }
        let attributes = try svgAttributes(bytes, from: start)
        let width = attributes["width"].flatMap(svgLength)
        let height = attributes["height"].flatMap(svgLength)
        let box = attributes["viewBox"].flatMap(svgViewBox)
        let size: (Double, Double)
        switch (width, height, box) {
        case let (width?, height?, _): size = (width, height)
        case let (width?, nil, box?): size = (width, width * box.height / box.width)
        case let (nil, height?, box?): size = (height * box.width / box.height, height)
        case let (nil, nil, box?): size = (box.width, box.height)
        default: return nil
        }
        guard let pixelWidth = wholePixels(size.0), let pixelHeight = wholePixels(size.1) else { return nil }
        return ImageSize(width: pixelWidth, height: pixelHeight)
    }

    /// The offset just after the root element's name when it is `svg` (or `PREFIX:svg`), after an
    /// optional byte order mark, XML declaration, processing instructions, comments and document
    /// type declaration; `nil` when the first element is another or the text is not XML.
    static func svgRootElement(in bytes: ImageHeaderBytes) -> Int? {
        var offset = bytes.matches([0xEF, 0xBB, 0xBF], at: 0) ? 3 : 0
        while true {
            offset = skipXMLSpace(bytes, from: offset)
            guard bytes[offset] == UInt8(ascii: "<") else { return nil }
            if bytes.matches(Array("<?".utf8), at: offset) {
                guard let end = find(Array("?>".utf8), in: bytes, from: offset + 2) else { return nil }
                offset = end + 2
            } else if bytes.matches(Array("<!--".utf8), at: offset) {
                guard let end = find(Array("-->".utf8), in: bytes, from: offset + 4) else { return nil }
                offset = end + 3
            } else if bytes.matches(Array("<!".utf8), at: offset) {
                guard let end = endOfDeclaration(bytes, from: offset + 2) else { return nil }
                offset = end + 1
            } else {
                let nameStart = offset + 1
                var nameEnd = nameStart
                while let byte = bytes[nameEnd], !isXMLSpace(byte), !"/>".utf8.contains(byte) { nameEnd += 1 }
                guard let name = bytes.slice(nameStart, nameEnd - nameStart) else { return nil }
                let isSVG =
                    name.elementsEqual("svg".utf8) || (name.count > 4 && name.suffix(4).elementsEqual(":svg".utf8))
                return isSVG ? nameEnd : nil
            }
        }
    }

    /// The root start tag's `width`, `height` and `viewBox` attributes, read from `offset` (just
    /// after the element's name) up to the `>` that closes it.
    static func svgAttributes(
        _ bytes: ImageHeaderBytes, from offset: Int
    ) throws(ImageSizeError) -> [String: String] {
        var attributes: [String: String] = [:]
        var offset = offset
        while true {
            offset = skipXMLSpace(bytes, from: offset)
            guard let byte = bytes[offset] else { throw .truncated(.svg) }
            if byte == UInt8(ascii: ">") { return attributes }
            if byte == UInt8(ascii: "/") {
                guard let next = bytes[offset + 1] else { throw .truncated(.svg) }
                guard next == UInt8(ascii: ">") else {
                    throw .corrupt(.svg, "its `<svg>` start tag has a `/` that is not followed by `>`")
                }
                return attributes
            }
            let nameStart = offset
            while let byte = bytes[offset], !isXMLSpace(byte), !"=/>".utf8.contains(byte) { offset += 1 }
            let name = String(decoding: bytes.slice(nameStart, offset - nameStart) ?? [], as: UTF8.self)
            guard !name.isEmpty else {
                throw .corrupt(.svg, "its `<svg>` start tag has `=` where an attribute's name should be")
            }
            offset = skipXMLSpace(bytes, from: offset)
            guard let equals = bytes[offset] else { throw .truncated(.svg) }
            guard equals == UInt8(ascii: "=") else {
                throw .corrupt(.svg, "the attribute `\(name)` of its `<svg>` start tag has no value")
            }
            offset = skipXMLSpace(bytes, from: offset + 1)
            guard let quote = bytes[offset] else { throw .truncated(.svg) }
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw .corrupt(.svg, "the value of the attribute `\(name)` of its `<svg>` start tag is not in quotes")
            }
            guard let end = find([quote], in: bytes, from: offset + 1) else { throw .truncated(.svg) }
            if ["width", "height", "viewBox"].contains(name), attributes[name] == nil,
                let value = bytes.slice(offset + 1, end - offset - 1)
            {
                attributes[name] = String(decoding: value, as: UTF8.self)
            }
            offset = end + 1
        }
    }

    /// Pixels per unit of the absolute lengths CSS defines, at 96 pixels an inch.
    static let svgUnits: [String: Double] = [
        "": 1, "px": 1, "in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6, "pt": 96.0 / 72,
        "pc": 16,
    ]

    /// A `width` or `height` in pixels, or `nil` for a percentage, a relative unit, a negative or
    /// zero length, or text that is no length.
    static func svgLength(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let number = trimmed.prefix { "0123456789+-.eE".contains($0) }
        guard let value = plainNumber(number),
            let perUnit = svgUnits[trimmed.dropFirst(number.count).lowercased()]
        else { return nil }
        let pixels = value * perUnit
        return pixels.isFinite && pixels > 0 ? pixels : nil
    }

    /// A `viewBox`'s width and height: four numbers apart by spaces or commas, both positive.
    static func svgViewBox(_ text: String) -> (width: Double, height: Double)? {
        let parts = text.split { $0 == "," || $0.isWhitespace }
        guard parts.count == 4, let width = plainNumber(parts[2]), let height = plainNumber(parts[3]),
            plainNumber(parts[0]) != nil, plainNumber(parts[1]) != nil, width > 0, height > 0
        else { return nil }
        return (width, height)
    }

    /// A decimal number as CSS and SVG write them; unlike `Double(_:)` this refuses `inf`, `nan`
    /// and hexadecimal.
    static func plainNumber(_ text: some StringProtocol) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ "0123456789+-.eE".contains($0) }), let value = Double(String(text)),
            value.isFinite
        else { return nil }
        return value
    }

    /// `value` rounded to whole pixels, when that is from 1 to ``largest``.
    static func wholePixels(_ value: Double) -> Int? {
        guard value.isFinite, value >= 0.5, value < Double(largest) else { return nil }
        return Int(value.rounded())
    }

    /// Whether `byte` is XML white space: space, tab, carriage return or line feed.
    static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    static func skipXMLSpace(_ bytes: ImageHeaderBytes, from offset: Int) -> Int {
        var offset = offset
        while let byte = bytes[offset], isXMLSpace(byte) { offset += 1 }
        return offset
    }

    /// Where `needle` first occurs at or after `offset`, or `nil`.
    static func find(_ needle: [UInt8], in bytes: ImageHeaderBytes, from offset: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var index = max(offset, 0)
        while index < bytes.count {
            if bytes.bytes[index] == first, bytes.matches(needle, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The `>` ending a `<!DOCTYPE …>` declaration that starts before `offset`: one outside quotes
    /// and outside the internal subset in `[…]`.
    static func endOfDeclaration(_ bytes: ImageHeaderBytes, from offset: Int) -> Int? {
        var index = offset
        var inSubset = false
        var quote: UInt8?
        while let byte = bytes[index] {
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                inSubset = true
            } else if byte == UInt8(ascii: "]") {
                inSubset = false
            } else if byte == UInt8(ascii: ">") && !inSubset {
                return index
            }
            index += 1
        }
        return nil
    }
}
