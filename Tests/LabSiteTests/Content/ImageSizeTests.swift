import Foundation
import Testing

@testable import LabSite

@Suite("Image sizes")
struct ImageSizeTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixtures.url("images/" + name)))
    }

    @Test(
        "each format's header gives the size a browser shows",
        arguments: [
            ("png-37x21.png", ImageFormat.png, 37, 21),
            ("jpeg-baseline-40x30.jpg", .jpeg, 40, 30),
            ("jpeg-progressive-41x23.jpg", .jpeg, 41, 23),
            ("jpeg-exif-50x20.jpg", .jpeg, 50, 20),
            ("jpeg-exif-orientation-6-60x20.jpg", .jpeg, 20, 60),
            ("gif-17x9.gif", .gif, 17, 9),
            ("webp-lossy-33x17.webp", .webp, 33, 17),
            ("webp-lossless-35x19.webp", .webp, 35, 19),
            ("webp-extended-31x15.webp", .webp, 31, 15),
            ("svg-px-120x80.svg", .svg, 120, 80),
            ("svg-viewbox-300x150.svg", .svg, 300, 150),
            ("svg-percent-viewbox-64x32.svg", .svg, 64, 32),
            ("svg-width-only-200x100.svg", .svg, 200, 100),
        ])
    func fixture(name: String, format: ImageFormat, width: Int, height: Int) throws {
        let bytes = try Self.bytes(name)
        #expect(ImageFormat.detect(bytes) == format)
        #expect(try ImageSize.read(bytes) == ImageSize(width: width, height: height))
        // Any collection of bytes reads the same, a slice that does not start at index 0 too.
        #expect(try ImageSize.read(([0] + bytes).dropFirst()) == ImageSize(width: width, height: height))
        #expect(try ImageSize.read(Data(bytes)) == ImageSize(width: width, height: height))
    }

    @Test(
        "a file cut short is an error naming its format",
        arguments: [
            ("png-truncated.png", "The PNG file ends inside its header."),
            ("jpeg-truncated.jpg", "The JPEG file ends before its frame header, which gives the image's size."),
            ("gif-truncated.gif", "The GIF file ends inside its header."),
            ("webp-truncated.webp", "The WebP file ends inside its header."),
            ("svg-truncated.svg", "The SVG file ends before its `<svg>` start tag is closed."),
        ])
    func truncatedFixture(name: String, message: String) throws {
        let error = try #require(throws: ImageSizeError.self) { try ImageSize.read(try Self.bytes(name)) }
        #expect(error.errorDescription == message)
        #expect(error.localizedDescription == message)
    }

    @Test("every prefix of every fixture reads as the whole file, as nil or as a truncation; never past the end")
    func everyPrefix() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("images").path)
            .filter { !$0.hasSuffix(".txt") && !$0.contains("truncated") }.sorted()
        #expect(names.count == 14)
        for name in names {
            let bytes = try Self.bytes(name)
            let whole = try ImageSize.read(bytes)
            for length in 0..<bytes.count {
                do {
                    let size = try ImageSize.read(bytes.prefix(length))
                    // A size read from a prefix is the whole file's: the header was already complete.
                    #expect(size == nil || size == whole, "\(name) cut at \(length)")
                } catch .truncated(let format) {
                    #expect(format == ImageFormat.detect(bytes), "\(name) cut at \(length)")
                } catch {
                    Issue.record("\(name) cut at \(length): \(error.reason)")
                }
            }
        }
    }

    @Test("bytes of no known format, and an SVG file that states no size, have no size")
    func unknown() throws {
        for bytes in [
            [], Array("hello".utf8), Array("<html><svg width='3' height='4'/></html>".utf8),
            Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8), Array("<!-- unfinished".utf8), [0x89, 0x50],
        ] {
            #expect(ImageFormat.detect(bytes) == nil)
            #expect(try ImageSize.read(bytes) == nil)
        }
        let percent = try Self.bytes("svg-percent-no-size.svg")
        #expect(ImageFormat.detect(percent) == .svg)
        #expect(try ImageSize.read(percent) == nil)
    }

    @Test(
        "SVG lengths: px, unitless and absolute units count, rounded; relative units fall back to the viewBox",
        arguments: [
            (#"<svg width="72pt" height="1in">"#, ImageSize(width: 96, height: 96)),
            (#"<svg width=" 10.6 " height='2.54cm'/>"#, ImageSize(width: 11, height: 96)),
            (#"<svg width="1e2px" height="5E1">"#, ImageSize(width: 100, height: 50)),
            (#"<svg width="10em" height="10" viewBox="0 0 30 10">"#, ImageSize(width: 30, height: 10)),
            (#"<svg height="40" viewBox="-5 -5 20 10">"#, ImageSize(width: 80, height: 40)),
            (#"<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="5" height="6">"#, ImageSize(width: 5, height: 6)),
            (
                "\u{FEFF}<?xml version='1.0'?>\n<?xml-stylesheet href='a.css'?><svg\twidth='7'\nheight='8'>",
                ImageSize(width: 7, height: 8)
            ),
            (#"<!DOCTYPE svg [ <!ENTITY a "b>c"> ]><svg width="9" height="9">"#, ImageSize(width: 9, height: 9)),
            (#"<svg data-x=">" width="3" height="4">"#, ImageSize(width: 3, height: 4)),
            (#"<svg width="3" width="300" height="4">"#, ImageSize(width: 3, height: 4)),
        ])
    func svgLengths(text: String, size: ImageSize) throws {
        #expect(try ImageSize.read(Array(text.utf8)) == size)
    }

    @Test(
        "SVG lengths that give no size",
        arguments: [
            #"<svg width="-10" height="10">"#, #"<svg width="inf" height="nan">"#, #"<svg width="0x10" height="1">"#,
            #"<svg width="0.2" height="5">"#, #"<svg width="1e300" height="1e300">"#,
            #"<svg viewBox="0 0 0 10">"#, #"<svg viewBox="0 0 10">"#, #"<svg viewBox="a b 10 10">"#,
        ])
    func svgNoSize(text: String) throws {
        #expect(try ImageSize.read(Array(text.utf8)) == nil)
    }

    @Test(
        "broken headers are errors that say what is wrong",
        arguments: [
            (
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0B] + [UInt8](repeating: 0, count: 20),
                "The PNG file is corrupt: its signature is not the PNG signature 89 50 4E 47 0D 0A 1A 0A."
            ),
            (
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IDAT".utf8)
                    + [UInt8](repeating: 0, count: 13),
                "The PNG file is corrupt: its first chunk is `IDAT`, not IHDR."
            ),
            (
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
                    + [0, 0, 0, 0, 0, 0, 0, 5, 8, 2, 0, 0, 0],
                "The PNG file is corrupt: its header gives a width or height of 0 (0 × 5)."
            ),
            (
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
                    + [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 5, 8, 2, 0, 0, 0],
                "The PNG file is corrupt: its header gives a size over 2³¹ − 1 pixels (4294967295 × 5)."
            ),
            (
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + [0x00, 0x01, 0x60, 0x7E],
                "The PNG file is corrupt: its first chunk is `\\x00\\x01`~`, not IHDR."
            ),
            (
                [0xFF, 0xD8, 0xFF, 0xD9],
                "The JPEG file is corrupt: its image ends (EOI marker) before a frame header gives its size."
            ),
            (
                [0xFF, 0xD8, 0xFF, 0xDA, 0, 2],
                "The JPEG file is corrupt: its image data (SOS marker) starts before a frame header gives its size."
            ),
            (
                [0xFF, 0xD8, 0xFF, 0xE0, 0, 1],
                "The JPEG file is corrupt: the segment of its marker FFE0 gives its length as 1, under 2."
            ),
            (
                [0xFF, 0xD8, 0xFF, 0xC0, 0, 7, 8, 0, 1, 0, 1],
                "The JPEG file is corrupt: its frame header is 7 bytes long, too short to hold a size."
            ),
            (
                [0xFF, 0xD8, 0xFF, 0xC2, 0, 11, 8, 0, 0, 0, 9, 1, 1, 0x11, 0],
                "The JPEG file is corrupt: its frame header gives the height as 0, to be set later by a DNL marker, "
                    + "which labsite does not read."
            ),
            (
                Array("GIF88a".utf8) + [1, 0, 1, 0],
                "The GIF file is corrupt: its version `GIF88a` is neither GIF87a nor GIF89a."
            ),
            (
                Array("GIF89a".utf8) + [0, 0, 1, 0],
                "The GIF file is corrupt: its header gives a width or height of 0 (0 × 1)."
            ),
            (
                Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 \u{4}\u{0}\u{0}\u{0}".utf8),
                "The WebP file is corrupt: its VP8 chunk is 4 bytes long, under 10."
            ),
            (
                Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 \u{A}\u{0}\u{0}\u{0}".utf8) + [
                    1, 0, 0, 0x9D, 1, 0x2A, 1, 0, 1, 0,
                ],
                "The WebP file is corrupt: its VP8 data does not start with a key frame."
            ),
            (
                Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 \u{A}\u{0}\u{0}\u{0}".utf8) + [
                    0, 0, 0, 0x9D, 1, 0x2B, 1, 0, 1, 0,
                ],
                "The WebP file is corrupt: its VP8 key frame lacks the start code 9D 01 2A."
            ),
            (
                Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8L\u{5}\u{0}\u{0}\u{0}".utf8) + [0x2E, 0, 0, 0, 0],
                "The WebP file is corrupt: its VP8L data does not start with the signature byte 2F."
            ),
            (
                Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8L\u{5}\u{0}\u{0}\u{0}".utf8) + [0x2F, 0, 0, 0, 0x20],
                "The WebP file is corrupt: its VP8L version is 1, not 0."
            ),
            (
                Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8X\u{2}\u{0}\u{0}\u{0}".utf8),
                "The WebP file is corrupt: its VP8X chunk is 2 bytes long, under 10."
            ),
            (
                Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPALPH\u{2}\u{0}\u{0}\u{0}".utf8),
                "The WebP file is corrupt: its first chunk is `ALPH`, not VP8, VP8L or VP8X."
            ),
            (
                Array("<svg width='1' / height='2'>".utf8),
                "The SVG file is corrupt: its `<svg>` start tag has a `/` that is not followed by `>`."
            ),
            (
                Array("<svg width>".utf8),
                "The SVG file is corrupt: the attribute `width` of its `<svg>` start tag has no value."
            ),
            (
                Array("<svg width=1>".utf8),
                "The SVG file is corrupt: the value of the attribute `width` of its `<svg>` start tag is not in quotes."
            ),
            (
                Array("<svg ='1'>".utf8),
                "The SVG file is corrupt: its `<svg>` start tag has `=` where an attribute's name should be."
            ),
        ] as [([UInt8], String)])
    func corrupt(bytes: [UInt8], message: String) throws {
        let error = try #require(throws: ImageSizeError.self) { try ImageSize.read(bytes) }
        #expect(error.reason == message)
        #expect(error.format == ImageFormat.detect(bytes))
    }

    @Test("JPEG: fill bytes, stray bytes between segments and standalone markers are skipped")
    func jpegMarkers() throws {
        let frame: [UInt8] = [0xFF, 0xC1, 0, 11, 8, 0, 7, 0, 9, 1, 1, 0x11, 0]
        let bytes: [UInt8] =
            [0xFF, 0xD8, 0xFF, 0xFF, 0xD0, 0x12, 0x34, 0xFF, 0x01, 0xFF, 0xFE, 0, 4, 0xFF, 0xC4] + frame
        #expect(try ImageSize.read(bytes) == ImageSize(width: 9, height: 7))
        // DHT, JPG and DAC use codes among the frame headers' but are not frame headers.
        for code: UInt8 in [0xC4, 0xC8, 0xCC] {
            let segment: [UInt8] = [0xFF, code, 0, 8, 8, 0, 1, 0, 1, 1]
            #expect(try ImageSize.read([0xFF, 0xD8] + segment + frame) == ImageSize(width: 9, height: 7))
        }
    }

    @Test("JPEG EXIF orientation: 5–8 swap width and height, little- and big-endian; broken EXIF is ignored")
    func exifOrientation() throws {
        let frame: [UInt8] = [0xFF, 0xC0, 0, 11, 8, 0, 7, 0, 9, 1, 1, 0x11, 0]
        func app1(_ payload: [UInt8]) -> [UInt8] {
            let length = payload.count + 2
            return [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        }
        func exif(_ tiff: [UInt8]) -> [UInt8] {
            [0xFF, 0xD8] + app1(Array("Exif".utf8) + [0, 0] + tiff) + frame
        }
        for orientation: UInt8 in 1...8 {
            let turned = orientation >= 5
            let little: [UInt8] = [
                0x49, 0x49, 0x2A, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0,
            ]
            let big: [UInt8] = [
                0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0,
            ]
            let expected = turned ? ImageSize(width: 7, height: 9) : ImageSize(width: 9, height: 7)
            #expect(try ImageSize.read(exif(little)) == expected)
            #expect(try ImageSize.read(exif(big)) == expected)
        }
        let brokenDirectory: [UInt8] = [0x49, 0x49, 0x2A, 0, 0xFF, 0xFF, 0, 0]
        let wrongType: [UInt8] = [0x49, 0x49, 0x2A, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 4, 0, 1, 0, 0, 0, 6, 0, 0, 0]
        let notTIFF: [UInt8] = Array("XXXX".utf8)
        for tiff in [brokenDirectory, wrongType, notTIFF, []] {
            #expect(try ImageSize.read(exif(tiff)) == ImageSize(width: 9, height: 7))
        }
        // The first EXIF segment decides; an XMP segment before it is no EXIF.
        let six: [UInt8] = [0x49, 0x49, 0x2A, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]
        let one: [UInt8] = [0x49, 0x49, 0x2A, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0]
        let xmp = app1(Array("http://ns.adobe.com/xap/1.0/".utf8) + [0])
        let exifSix = app1(Array("Exif".utf8) + [0, 0] + six)
        let exifOne = app1(Array("Exif".utf8) + [0, 0] + one)
        #expect(try ImageSize.read([0xFF, 0xD8] + xmp + exifSix + frame) == ImageSize(width: 7, height: 9))
        #expect(try ImageSize.read([0xFF, 0xD8] + exifOne + exifSix + frame) == ImageSize(width: 9, height: 7))
    }

    @Test("the messages are full sentences")
    func messages() {
        for format in ImageFormat.allCases {
            for error in [ImageSizeError.truncated(format), .corrupt(format, "its header is odd")] {
                #expect(error.reason.hasPrefix("The \(format.name) file "))
                #expect(error.reason.hasSuffix("."))
            }
        }
    }
}
