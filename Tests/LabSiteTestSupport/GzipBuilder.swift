/// Builds gzip files by hand with stored (uncompressed) deflate blocks, so tests can make valid,
/// multi-member, truncated and corrupted streams without a compressor.
package enum GzipBuilder {
    package static func member(_ payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]
        var offset = 0
        repeat {
            let count = min(65_535, payload.count - offset)
            let isLast = offset + count == payload.count
            bytes.append(isLast ? 1 : 0)
            bytes += [UInt8(count & 0xff), UInt8(count >> 8), UInt8(~count & 0xff), UInt8((~count >> 8) & 0xff)]
            bytes += payload[offset..<offset + count]
            offset += count
        } while offset < payload.count
        bytes += littleEndian(crc32(payload)) + littleEndian(UInt32(truncatingIfNeeded: payload.count))
        return bytes
    }

    package static func member(_ text: String) -> [UInt8] { member(Array(text.utf8)) }

    package static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    package static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xedb8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
