import Foundation
import LabSite
import Testing

/// Renders a course with a ``RenderCache`` and without, for the tests of incremental rebuilds in
/// the core and in the preview server.
package enum RenderComparison {
    /// Every output file's bytes.
    package static func bytes(_ files: [OutputFile]) throws -> [String: Data] {
        var bytes: [String: Data] = [:]
        for file in files {
            switch file.contents {
            case .data(let data): bytes[file.path] = data
            case .text(let text): bytes[file.path] = Data(text.utf8)
            case .copy(let url): bytes[file.path] = try Data(contentsOf: url)
            }
        }
        return bytes
    }

    /// Renders with the cache and without, and expects the same bytes; returns what the cache redid.
    package static func check(
        _ root: URL, cache: inout RenderCache, _ step: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> RenderCache.Statistics {
        let builder = SiteBuilder(sourceDirectory: root, sectionTypes: courseSections)
        let incremental = try bytes(try await builder.renderSite(cache: &cache).files)
        let clean = try bytes(try await builder.renderSite().files)
        #expect(incremental.keys.sorted() == clean.keys.sorted(), "\(step): file list", sourceLocation: sourceLocation)
        for (path, data) in clean where incremental[path] != data {
            Issue.record("\(step): \(path) differs from a clean build", sourceLocation: sourceLocation)
        }
        return cache.statistics
    }
}
