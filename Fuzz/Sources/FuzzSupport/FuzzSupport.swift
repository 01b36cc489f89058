import Foundation
import LabSite

/// What every harness shares: the input as text, split into files, and one temporary course folder.
public enum FuzzInput {
    /// The byte line that separates the files of a multi-file input (`describe-alarms` output, then
    /// its history, then its datapoints); the dictionaries list it so mutations keep the shape.
    public static let fileSeparator: [UInt8] = Array("\n#---#\n".utf8)

    /// The repository's root folder, found from this source file so a harness runs from any folder.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // FuzzSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // Fuzz
        .deletingLastPathComponent()

    /// The input as libFuzzer hands it over, copied into an array.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The bytes as text; invalid UTF-8 becomes U+FFFD, so every input reaches the parser as text.
    public static func text(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// `text` with its line endings as labsite reads a page: `\r\n` and a lone `\r` end a line as
    /// `\n` does (cmark and libyaml count them so).
    public static func unifiedLineEndings(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The number of lines of `text` counted as ``unifiedLineEndings(_:)`` ends them, plus one for
    /// the place after a final line ending.
    public static func lineCount(_ text: String) -> Int {
        var count = 1
        var afterCarriageReturn = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "\n") && !afterCarriageReturn) { count += 1 }
            afterCarriageReturn = byte == UInt8(ascii: "\r")
        }
        return count
    }

    /// `bytes` cut at every ``fileSeparator``, at most `limit` parts (the last keeps the rest).
    public static func files(_ bytes: [UInt8], limit: Int) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        let separator = fileSeparator
        // Indexing, not `elementsEqual`: in a debug build the generic comparison costs more than
        // the parse the harness is there for.
        while parts.count < limit - 1, index + separator.count <= bytes.count {
            var length = 0
            while length < separator.count, bytes[index + length] == separator[length] { length += 1 }
            if length == separator.count {
                parts.append(bytes[start..<index])
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(bytes[start...])
        return parts
    }
}

/// The folder ``FuzzCourse`` made, removed when libFuzzer exits normally (a C `atexit` function
/// cannot capture it).
nonisolated(unsafe) private var temporaryCourse: String?

/// A course folder under the system's temporary folder, made once per process and removed at exit;
/// the section harnesses write their input files into it, and nowhere else.
public final class FuzzCourse: @unchecked Sendable {
    /// The folder holding `content/`.
    public let root: URL
    /// `root/content`.
    public var contentDirectory: URL { root.appendingPathComponent("content", isDirectory: true) }

    /// Makes an empty course folder; a harness that cannot make one cannot run, so it stops.
    public init() {
        // /dev/shm is a tmpfs where Linux has one: a harness writes files on every run, and on a
        // disk those writes wait for other programs' I/O (a tenth of the speed on a busy machine).
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        let temporary =
            FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        root = temporary.appendingPathComponent(
            "labsite-fuzz-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: contentDirectory, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot make the temporary course folder \(root.path): \(error)")
        }
        temporaryCourse = root.path
        atexit { if let path = temporaryCourse { try? FileManager.default.removeItem(atPath: path) } }
    }

    /// Replaces the course's files with `files` (paths under `content/`) and returns the section
    /// input that lists them.
    ///
    /// Files of earlier inputs stay on disk but are not listed, so the section never reads them;
    /// leaving them saves a removal per run.
    public func input(with files: [(path: String, bytes: ArraySlice<UInt8>)]) -> SectionInput {
        for file in files {
            let url = contentDirectory.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            } catch {
                fatalError("cannot write \(url.path): \(error)")
            }
        }
        let content = ContentTree(
            settings: SiteSettings(title: "fuzz"), pages: [], files: files.map(\.path).sorted())
        return SectionInput(content: content, contentDirectory: contentDirectory, options: BuildOptions())
    }
}
