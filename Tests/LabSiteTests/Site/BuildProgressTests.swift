import Foundation
import Synchronization
import Testing

@testable import LabSite

@Suite("Build progress")
struct BuildProgressTests {
    @Test("a build reports its stages in order, each counted to its end")
    func stagesInOrder() async throws {
        let site = try TemporarySite(files: SiteBuilderTests.theme.merging(SiteBuilderTests.pages) { $1 })
        let reports = Mutex<[[BuildProgress.Part]]>([])
        var builder = SiteBuilder(sourceDirectory: site.root, outputDirectory: site.output, sectionTypes: [])
        builder.progress = BuildProgress { parts in reports.withLock { $0.append(parts) } }
        try await builder.build()
        let seen = reports.withLock { $0 }
        var begun: [BuildProgress.Stage] = []
        for parts in seen {
            for part in parts where !begun.contains(part.stage) { begun.append(part.stage) }
        }
        // No section streams pages here, so event pages begin and end at once beside the rest.
        let expected: [BuildProgress.Stage] = [.load, .markdown, .sections, .checks, .templates, .handout, .write]
        #expect(begun.filter { $0 != .streamed } == expected)
        #expect(seen.last == [])
        let markdown = seen.compactMap { $0.first { $0.stage == .markdown } }
        #expect(markdown.first?.total == 2)
        #expect(markdown.map(\.done).max() == 2)
        let templates = seen.compactMap { $0.first { $0.stage == .templates } }
        #expect(templates.map(\.done).max() == templates.first?.total)
    }

    @Test("each change reports every stage under way; a stage not begun is not counted")
    func parts() {
        let reports = Mutex<[[BuildProgress.Part]]>([])
        let progress = BuildProgress { parts in reports.withLock { $0.append(parts) } }
        progress.advance(.templates)
        progress.begin(.templates, total: 3)
        progress.begin(.streamed, total: 10)
        progress.advance(.templates, by: 2)
        progress.end(.templates)
        progress.end(.streamed)
        #expect(
            reports.withLock { $0 } == [
                [],
                [.init(stage: .templates, done: 0, total: 3)],
                [.init(stage: .templates, done: 0, total: 3), .init(stage: .streamed, done: 0, total: 10)],
                [.init(stage: .templates, done: 2, total: 3), .init(stage: .streamed, done: 0, total: 10)],
                [.init(stage: .streamed, done: 0, total: 10)],
                [],
            ])
    }
}
