import Foundation
import LabSite

/// A request path checked and mapped onto a path in the built site.
///
/// Only paths inside the site are accepted: a `..` segment (also when percent-encoded, as
/// `%2e%2e`), a backslash or a NUL byte makes the request forbidden instead of being resolved,
/// so no request can name a file outside the output.
enum PreviewPath: Equatable {
    /// A file path under the site root (`guide/more.html`); a folder URL already ends in `index.html`.
    case file(String)
    /// A path that tries to leave the site or is not a valid path.
    case forbidden

    /// Maps the path of a request (`/guide/`, `/a%20b.html`) onto the site.
    init(requestPath: String) {
        guard let decoded = requestPath.removingPercentEncoding,
            !decoded.contains("\0"), !decoded.contains("\\")
        else {
            self = .forbidden
            return
        }
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                self = .forbidden
                return
            }
            segments.append(segment)
        }
        let path = segments.joined(separator: "/")
        if path.isEmpty {
            self = .file("index.html")
        } else if decoded.hasSuffix("/") {
            self = .file(path + "/index.html")
        } else {
            self = .file(path)
        }
    }
}
