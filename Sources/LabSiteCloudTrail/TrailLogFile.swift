import LabSite

/// One log file of the site's trail, as the bucket pages show it.
struct TrailLogFile: Sendable {
    /// The file under `content/` as the builder lists it (`trail/AWSLogs/…`), never redacted.
    var contentPath: String
    /// The path shown in pages and errors (`content/trail/AWSLogs/…`), redacted with `--redact`.
    var displayPath: String
    /// The folders from the bucket root to the file (`AWSLogs`, account, `CloudTrail`, region, …),
    /// safe as file names and redacted with `--redact`.
    var folders: [String]
    /// The file name, safe as a file name and redacted with `--redact`.
    var fileName: String
    /// The events of the file, as positions in ``TrailSection/events``, in time order (the order of
    /// ``TrailSection/events``; `TrailEvent.position` is the record's place in the file).
    var eventIndices: [Int]
    /// Where the file is published as a download, from the site root; `nil` when it is not published.
    var downloadPath: String?
    /// What the file holds: a log file as S3 has it, or one of the other forms events come in.
    var container: TrailFile.Container = .records

    /// The file's page, from the site root.
    var pagePath: String { Self.folderPath(folders) + fileName + ".html" }

    /// The folder of bucket pages for `folders`, ending in `/`.
    static func folderPath(_ folders: [String]) -> String {
        "events/bucket/" + folders.map { $0 + "/" }.joined()
    }

    /// A path segment made safe as a file or folder name in a link: letters, digits, `.`, `_`, `-`.
    static func safeSegment(_ text: String) -> String {
        // Event ids and log file names are almost always safe already; checking bytes is far
        // cheaper than rebuilding the text for every event.
        if !text.isEmpty, text.utf8.allSatisfy(isSafe), text.utf8.contains(where: { $0 != UInt8(ascii: ".") }) {
            return text
        }
        let mapped = String(
            text.unicodeScalars.map { scalar -> Character in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "._-".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        return mapped.allSatisfy({ $0 == "." }) ? "_" + mapped : mapped
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }
}
