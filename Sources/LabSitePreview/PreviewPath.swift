import Foundation
import LabSite

/// A request path checked and mapped onto a path in the built site.
///
/// Only paths inside the site are accepted: a `..` segment (also when percent-encoded, as
/// `%2e%2e`), a backslash, a NUL byte or an encoding that is not UTF-8 refuses the request
/// instead of being resolved, so no request can name a file outside the output. The path is
/// decoded once: `%252e%252e` names a file called `%2e%2e`, which no site has.
enum PreviewPath: Equatable {
    /// A file path under the site root (`guide/more.html`); a folder URL already ends in `index.html`.
    case file(String)
    /// A path that tries to leave the site or is not a valid path.
    case refused

    /// Maps the path of a request (`/guide/`, `/a%20b.html`) onto the site.
    init(requestPath: String) {
        guard let decoded = requestPath.removingPercentEncoding,
            !decoded.contains("\0"), !decoded.contains("\\")
        else {
            self = .refused
            return
        }
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                self = .refused
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
