import LabSite

/// The `Content-Type` the preview server sends for a file, by its extension.
enum PreviewContentType {
    private static let types: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json",
        "svg": "image/svg+xml",
        "xml": "application/xml",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "yml": "text/plain; charset=utf-8",
        "yaml": "text/plain; charset=utf-8",
        "gz": "application/gzip",
        "pdf": "application/pdf",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
    ]

    /// The type of `path`; unknown extensions are sent as bytes.
    static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return types[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// A `.gz` file is a download: the browser saves it as it is instead of inflating it, which
    /// it would do if the server claimed a gzip `Content-Encoding`.
    static func isDownload(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".gz")
    }
}
