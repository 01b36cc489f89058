import Foundation
import Testing

/// The core's folders are layers too, in the order ARCHITECTURE.md gives; the compiler cannot see
/// folders inside one target, so this test does: no file may name a type declared in a folder
/// above its own.
@Suite("Folder layers of the core")
struct FolderLayerTests {
    /// Lowest first, as in ARCHITECTURE.md.
    static let order = [
        "Diagnostics", "Concurrency", "HTML", "Compression", "Identifiers", "JSON", "CSV", "Content", "Highlight",
        "Markdown",
        "Charts",
        "Templates", "Search", "Site",
    ]

    @Test("every folder of the core is in the order, and none names a type of a folder above it")
    func noUpwardUse() throws {
        let core = Repository.root.appendingPathComponent("Sources/LabSite")
        let folders = try FileManager.default.contentsOfDirectory(atPath: core.path).sorted()
        #expect(folders == Self.order.sorted())
        var files: [(folder: String, name: String, text: String)] = []
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: core.appendingPathComponent(folder).path) {
                let text = try String(contentsOf: core.appendingPathComponent("\(folder)/\(name)"), encoding: .utf8)
                // Comments may name anything.
                let code = text.split(separator: "\n").map { $0.components(separatedBy: "//")[0] }
                files.append((folder, name, code.joined(separator: "\n")))
            }
        }
        // Top-level declarations only: nested names such as `Entry` repeat across folders.
        let declaration =
            /(?m)^(?:public |package |final |indirect )*(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)/
        var owner: [String: String] = [:]
        for file in files {
            for match in file.text.matches(of: declaration) { owner[String(match.output.1)] = file.folder }
        }
        for file in files {
            let level = Self.order.firstIndex(of: file.folder) ?? 0
            let words = Set(file.text.split { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init))
            for word in words {
                guard let folder = owner[word], let above = Self.order.firstIndex(of: folder), above > level
                else { continue }
                Issue.record("\(file.folder)/\(file.name) uses \(word) from \(folder), a folder above it")
            }
        }
    }
}
