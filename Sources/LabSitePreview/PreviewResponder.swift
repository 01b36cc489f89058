import Foundation
import Hummingbird
import LabSite

/// Answers the preview server's requests from the site in memory: files with their content
/// type and the live-reload script in HTML, `404.html` for misses, `index.html` for folders,
/// 400 for paths that try to leave the site or are not valid, and the event stream pages listen to.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let model: PreviewModel

    func respond(to request: Request, context: Context) async throws -> Response {
        let requestPath = request.uri.path
        if requestPath == LiveReloadScript.eventsPath { return await events(request) }
        guard request.method == .get || request.method == .head else {
            return Self.text(
                .methodNotAllowed, "405 Method Not Allowed: labsite serve only answers GET and HEAD.",
                headers: [.allow: "GET, HEAD"])
        }
        let (site, state) = await model.current()
        switch PreviewPath(requestPath: requestPath) {
        case .refused:
            // A bad request rather than a forbidden file: no file answers to such a path.
            return Self.text(.badRequest, "400 Bad Request: the path leaves the site or is not a valid path.")
        case .file(let path):
            guard let site else { return Self.failurePage(state) }
            if let data = site.data(at: path) { return Self.file(path, data, status: .ok, version: state.version) }
            if site.hasIndex(inFolder: path) {
                // Relative links in the folder's index.html need the URL to end in a slash.
                let location = "/" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "/"
                return Self.text(.movedPermanently, "Moved to \(location)", headers: [.location: location])
            }
            if let page = site.data(at: SiteBuilder.notFoundPath) {
                return Self.file(SiteBuilder.notFoundPath, page, status: .notFound, version: state.version)
            }
            return Self.text(.notFound, "404 Not Found")
        }
    }

    /// `text/event-stream` of ``PreviewState``s, open until the page goes away or the server stops.
    private func events(_ request: Request) async -> Response {
        let states = await model.subscribe()
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                // Reconnect quickly after the server restarts.
                try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                // A page that goes away closes its connection, which the server sees only as the
                // end of the request side (Hummingbird allows half-closed connections), not as a
                // failed write until the next build is announced: the stream ends on that end, or
                // its socket and subscription would stay open until then.
                do {
                    try await request.body.consumeWithCancellationOnInboundClose { _ in
                        for await state in states { try await writer.write(ByteBuffer(string: state.event)) }
                    }
                } catch is CancellationError {}
                try await writer.finish(nil)
            })
    }

    private static func file(_ path: String, _ data: Data, status: HTTPResponse.Status, version: Int) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = PreviewContentType.of(path)
        headers[.cacheControl] = "no-store"
        if PreviewContentType.isDownload(path) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            headers[.contentDisposition] = "attachment; filename=\"\(name.replacingOccurrences(of: "\"", with: "_"))\""
        }
        var body = data
        if path.hasSuffix(".html") {
            body = Data(LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self), version: version).utf8)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The page shown while there has not been a successful build yet.
    private static func failurePage(_ state: PreviewState) -> Response {
        let html = """
            <!DOCTYPE html>
            <html lang="ko">
            <head><meta charset="utf-8"><title>빌드 실패</title></head>
            <body>
            <h1>빌드 실패</h1>
            <p>사이트를 아직 한 번도 빌드하지 못했다. 파일을 고쳐 저장하면 다시 빌드하고 이 페이지를 새로 고친다.</p>
            <pre>\((state.error ?? "").escapedForHTML)</pre>
            </body>
            </html>

            """
        return file("index.html", Data(html.utf8), status: .serviceUnavailable, version: state.version)
    }

    private static func text(
        _ status: HTTPResponse.Status, _ text: String, headers extra: HTTPFields = [:]
    ) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
