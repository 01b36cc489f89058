import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Gives each HTTP/1 request the connection handling its version asks for: an HTTP/1.0 connection
/// closes after the response unless the request asked for `Connection: keep-alive`.
///
/// Hummingbird converts NIO's requests into swift-http-types' `HTTPRequest`, which has no version,
/// answers every request as `HTTP/1.1`, and keeps a connection open after a response unless the
/// request's `Connection` header is exactly `close`. An HTTP/1.0 client (ApacheBench, some proxies)
/// that did not ask for keep-alive reads the response until the connection closes, so it waited
/// for a close that never came, and a body of unknown length (the event stream) came in chunked
/// coding, which HTTP/1.0 does not have. This handler sits between NIO's HTTP/1 decoder and that
/// conversion, where the version is still known, and:
/// - marks a request that does not keep its connection (NIO's `isKeepAlive`: HTTP/1.0 without
///   `keep-alive`, or any `close` token) with `Connection: close`, which is what makes Hummingbird
///   end the connection after the response;
/// - answers with the request's version, so that NIO's encoder frames a 1.0 response without
///   chunked coding, and with `Connection: keep-alive` or `close` for a 1.0 client;
/// - closes the connection after a keep-alive 1.0 response whose length is not known in advance,
///   since only the close can end such a body.
final class HTTP1ConnectionHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// What the response to one request depends on.
    private struct Exchange {
        var version: HTTPVersion
        var keepAlive: Bool
        var isHead: Bool
    }

    /// Requests read and not answered yet, oldest first: a client may send the next request
    /// before the response to the last one.
    private var pending = CircularBuffer<Exchange>()
    /// Whether the connection closes once the response being written ends.
    private var closesAfterResponse = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        let keepAlive = head.isKeepAlive
        pending.append(Exchange(version: head.version, keepAlive: keepAlive, isHead: head.method == .HEAD))
        if !keepAlive { head.headers.replaceOrAdd(name: "Connection", value: "close") }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.status.code >= 200:
            let exchange =
                pending.popFirst() ?? Exchange(version: .http1_1, keepAlive: true, isHead: false)
            head.version = exchange.version
            if exchange.version == .http1_0 {
                let delimited =
                    exchange.isHead || head.status == .noContent || head.status == .notModified
                    || head.headers.contains(name: "content-length")
                let keepsAlive = exchange.keepAlive && delimited
                head.headers.replaceOrAdd(name: "Connection", value: keepsAlive ? "keep-alive" : "close")
                // A request without keep-alive already makes Hummingbird close the connection.
                closesAfterResponse = exchange.keepAlive && !keepsAlive
            } else if !exchange.keepAlive {
                head.headers.replaceOrAdd(name: "Connection", value: "close")
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where closesAfterResponse:
            closesAfterResponse = false
            context.write(data, promise: promise)
            context.flush()
            // NIO shuts the socket's output once the response is sent; the client then closes it.
            context.close(mode: .output, promise: nil)
        default:
            context.write(data, promise: promise)
        }
    }
}

/// Hummingbird's HTTP/1 channel with an ``HTTP1ConnectionHandler`` after the HTTP decoder.
struct PreviewHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    private let base: HTTP1Channel

    init(responder: @escaping HTTPChannelHandler.Responder) {
        base = HTTP1Channel(responder: responder)
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(HTTP1ConnectionHandler(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 as ``PreviewHTTP1Channel`` serves it.
    static var previewHTTP1: HTTPServerBuilder {
        HTTPServerBuilder { responder in PreviewHTTP1Channel(responder: responder) }
    }
}
