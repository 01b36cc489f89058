import CZlib
import Foundation

/// Why a gzip stream could not be inflated.
public enum GunzipError: Error, Equatable, Sendable {
    /// The data does not start with the gzip magic bytes `1f 8b`.
    case notGzip
    /// The data ends before the gzip stream does.
    case truncated
    /// zlib found a bad header, bad deflate data or a checksum that does not match; zlib's message.
    case corrupt(String)
    /// Inflating would produce more than `limit` bytes.
    case tooLarge(limit: Int)

    /// The cause as a full sentence, for `path: error: reason`.
    public var reason: String {
        switch self {
        case .notGzip:
            return "The file is not a gzip file (it does not start with the gzip magic bytes 1f 8b)."
        case .truncated:
            return "The gzip file is truncated: the data ends before the compressed stream does."
        case .corrupt(let message):
            return "The gzip file is corrupt: \(message)."
        case .tooLarge(let limit):
            return "The gzip file inflates to more than \(limit) bytes (the inflate limit); "
                + "it is treated as a decompression bomb."
        }
    }
}

/// Inflates gzip data with zlib, member after member, under a ceiling on the inflated size.
///
/// This is the only file that imports CZlib, so zlib's unsafe API stays in one place.
public enum Gunzip {
    /// The most bytes one file may inflate to unless the caller says otherwise: 256 MiB, as the
    /// CloudTrail reader documents; more is treated as a decompression bomb.
    public static let defaultLimit = 256 * 1024 * 1024

    /// The version of the zlib library this process runs with, such as `1.3.1`.
    public static var zlibVersion: String { String(cString: CZlib.zlibVersion()) }

    /// Whether `bytes` starts with the gzip magic bytes.
    public static func isGzip<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1f && iterator.next() == 0x8b
    }

    /// The inflated bytes of `data` when it is gzip, otherwise `data` itself (plain `.json`).
    public static func inflateIfCompressed(
        _ data: [UInt8], limit: Int = Gunzip.defaultLimit
    ) throws(GunzipError) -> [UInt8] {
        isGzip(data) ? try inflate(data, limit: limit) : data
    }

    /// Inflates every gzip member of `data`, concatenated, failing beyond `limit` inflated bytes.
    ///
    /// Trailing zero bytes after the last member are ignored, as `gzip -d` does (tape padding);
    /// any other trailing data is an error.
    public static func inflate(
        _ data: [UInt8], limit: Int = Gunzip.defaultLimit
    ) throws(GunzipError) -> [UInt8] {
        guard isGzip(data) else { throw .notGzip }
        let stream = try InflateStream()
        // Left uninitialized: zlib writes every byte that is kept, and the rest is cut off before
        // returning, so zeroing it first would only write every byte twice.
        let capacity = Swift.min(limit + 1, Swift.max(64 * 1024, expectedSize(of: data) + 1))
        var output = [UInt8](unsafeUninitializedCapacity: capacity) { _, count in count = capacity }
        var produced = 0
        var consumed = 0
        while true {
            if produced == output.count {
                guard output.count <= limit else { throw .tooLarge(limit: limit) }
                let grown = Swift.min(output.count * 2, limit + 1)
                output.append(contentsOf: repeatElement(0, count: grown - output.count))
            }
            let step = try data.withUnsafeBufferPointer { input throws(GunzipError) in
                try output.withUnsafeMutableBufferPointer { buffer throws(GunzipError) in
                    try stream.inflate(
                        input: UnsafeBufferPointer(rebasing: input[consumed...]),
                        output: UnsafeMutableBufferPointer(rebasing: buffer[produced...]))
                }
            }
            consumed += step.consumed
            produced += step.produced
            if produced > limit { throw .tooLarge(limit: limit) }
            if step.endOfMember {
                let rest = data[consumed...]
                if rest.allSatisfy({ $0 == 0 }) { break }
                guard isGzip(rest) else {
                    throw .corrupt("there is data after the end of the gzip stream that is not another gzip member")
                }
                try stream.reset()
            } else if step.consumed == 0 && step.produced == 0 && consumed == data.count {
                throw .truncated
            }
        }
        output.removeSubrange(produced...)
        return output
    }

    /// A guess at the inflated size of `data`: the size its gzip trailer records (of the last member,
    /// modulo 4 GiB), unless that is less than the data itself; then 10 times the data, as CloudTrail
    /// JSON compresses about 8–12 times.
    private static func expectedSize(of data: [UInt8]) -> Int {
        guard data.count >= 18 else { return data.count * 10 }
        let trailer = data[(data.count - 4)...].reversed().reduce(0) { $0 << 8 | Int($1) }
        return trailer >= data.count ? trailer : data.count * 10
    }
}

/// Owns one zlib `z_stream` for its lifetime; `inflateEnd` runs in `deinit`.
private final class InflateStream {
    struct Step {
        var consumed: Int
        var produced: Int
        var endOfMember: Bool
    }

    private var stream = z_stream()

    init() throws(GunzipError) {
        // 15 + 16: the largest window, gzip wrapper only (the caller has checked the magic bytes).
        let status = labsite_inflateInit2(&stream, 15 + 16)
        guard status == Z_OK else { throw .corrupt("zlib could not start inflating (status \(status))") }
    }

    deinit { inflateEnd(&stream) }

    func reset() throws(GunzipError) {
        let status = inflateReset(&stream)
        guard status == Z_OK else { throw .corrupt("zlib could not start the next member (status \(status))") }
    }

    func inflate(input: UnsafeBufferPointer<UInt8>, output: UnsafeMutableBufferPointer<UInt8>) throws(GunzipError)
        -> Step
    {
        // zlib's counters are 32-bit; feed at most 1 GiB per call.
        let inputCount = Swift.min(input.count, 1 << 30)
        let outputCount = Swift.min(output.count, 1 << 30)
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = uInt(inputCount)
        stream.next_out = output.baseAddress
        stream.avail_out = uInt(outputCount)
        let status = CZlib.inflate(&stream, Z_NO_FLUSH)
        let step = Step(
            consumed: inputCount - Int(stream.avail_in), produced: outputCount - Int(stream.avail_out),
            endOfMember: status == Z_STREAM_END)
        switch status {
        case Z_OK, Z_STREAM_END:
            return step
        case Z_BUF_ERROR:
            // No progress possible: either the output is full (the caller grows it) or the input ran out.
            if outputCount == 0 { return step }
            throw .truncated
        case Z_NEED_DICT:
            throw .corrupt("the deflate stream asks for a preset dictionary, which gzip never uses")
        case Z_MEM_ERROR:
            throw .corrupt("zlib ran out of memory")
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "invalid compressed data"
            throw .corrupt(message)
        }
    }
}
