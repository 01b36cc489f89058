import Foundation
import Testing

@testable import LabSite
@testable import LabSitePreview

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP connection to `labsite serve` on 127.0.0.1 through plain sockets, sending a request's
/// exact bytes: an HTTP client library would choose the version and the `Connection` header
/// itself, and would resolve `..` in the path before sending it.
///
/// Its calls block, so the tests run them with ``onThread(_:)``, off the cooperative threads the
/// server's own tasks need.
final class RawHTTPConnection: @unchecked Sendable {
    private let descriptor: Int32
    /// Bytes read and not yet taken as a response.
    private var buffer: [UInt8] = []
    /// Whether the server closed its side of the connection.
    private(set) var closedByServer = false

    /// Connects to `port`; a read waits at most 10 seconds for a byte, so that a server that
    /// neither answers nor closes fails the test instead of hanging it.
    init(port: Int) throws {
        #if canImport(Glibc)
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(descriptor) }

    /// Sends `text` as it is.
    func write(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw POSIXError(.EPIPE) }
            bytes = bytes.dropFirst(sent)
        }
    }

    /// Reads one more piece; false when the server closed the connection or sent nothing for 10 s.
    private func readMore() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count == 0 { closedByServer = true }
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }

    /// Everything the server sends until it closes the connection; `closedByServer` tells whether
    /// it did, rather than falling silent.
    func readToEnd() -> RawHTTPResponse {
        while readMore() {}
        defer { buffer = [] }
        return RawHTTPResponse(buffer)
    }

    /// One response whose body is as long as its `Content-Length` says, leaving the connection open.
    func readResponse() -> RawHTTPResponse {
        while true {
            let response = RawHTTPResponse(buffer)
            if let length = response.header("content-length").flatMap(Int.init),
                let headerLength = response.headerLength, buffer.count >= headerLength + length
            {
                let end = headerLength + length
                defer { buffer.removeFirst(end) }
                return RawHTTPResponse(Array(buffer[..<end]))
            }
            guard readMore() else { return response }
        }
    }

    /// What the server sent so far once it holds `text`, or when it stops sending.
    func read(until text: String) -> RawHTTPResponse {
        while !String(decoding: buffer, as: UTF8.self).contains(text), readMore() {}
        return RawHTTPResponse(buffer)
    }
}

/// A response as the bytes on the wire: status line, header lines and body, all as sent.
struct RawHTTPResponse {
    /// Every byte received.
    var bytes: [UInt8]
    /// `HTTP/1.0 200 OK`.
    var statusLine: String
    /// Names in lowercase, values as sent.
    var headers: [(name: String, value: String)]
    /// The bytes after the blank line that ends the headers.
    var body: [UInt8]
    /// How many bytes the status line and the headers take, with the blank line; `nil` while
    /// they are not all there.
    var headerLength: Int?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        let end = bytes.indices.first { bytes[$0...].starts(with: separator) }
        let head = String(decoding: bytes[..<(end ?? bytes.endIndex)], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        statusLine = lines.first ?? ""
        headers = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (
                line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            )
        }
        headerLength = end.map { $0 + separator.count }
        body = end.map { Array(bytes[($0 + separator.count)...]) } ?? []
    }

    /// The value of the header `name` (any case), or `nil`.
    func header(_ name: String) -> String? {
        headers.first { $0.name == name.lowercased() }?.value
    }

    /// The body as UTF-8 text.
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Runs `work` on a thread of its own and returns its result: blocking socket calls must not
/// hold the few cooperative threads that the server under test answers on.
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// A `labsite serve` of the site at `root` (no data sections) on a free port of 127.0.0.1, with
/// `model` as its state, for `body`.
func withPreviewServer(
    root: URL, model: PreviewModel = PreviewModel(), _ body: @Sendable (_ port: Int) async throws -> Void
) async throws {
    let log = PreviewServerTests.EventLog()
    let server = PreviewServer(builder: SiteBuilder(sourceDirectory: root, sectionTypes: []), port: 0)
    let task = Task { try await server.run(model: model) { log.record($0) } }
    defer { task.cancel() }
    #expect(try await PreviewServerTests.waitUntil { log.url != nil })
    let url = try #require(log.url)
    let port = try #require(url.split(separator: ":").last.flatMap { Int($0.dropLast()) })
    try await body(port)
    task.cancel()
    _ = try? await task.value
}
