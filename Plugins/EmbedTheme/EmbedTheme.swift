import Foundation
import PackagePlugin

/// Compiles the package's `templates/` (the default theme) into the target as `BuiltinTheme.files`.
///
/// SwiftPM runs this plugin only when it plans the build anew (after a change to `Package.swift`
/// or to a target's list of files), not on every build. So the command's inputs are the theme's
/// folders as well as its files: editing a file reruns EmbedThemeTool, and so does adding or removing
/// one, which changes its folder; the tool lists `templates/` itself each time it runs.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let templates = context.package.directoryURL.appendingPathComponent("templates")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltinTheme.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme in \(target.name)",
                executable: try context.tool(named: "EmbedThemeTool").url,
                arguments: [templates.path, output.path],
                inputFiles: try [templates] + visibleEntries(under: templates),
                outputFiles: [output]
            )
        ]
    }

    /// Every file and folder under `folder` outside hidden ones, sorted.
    private func visibleEntries(under folder: URL) throws -> [URL] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path)
            .filter { path in !path.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
            .map { folder.appendingPathComponent($0) }
    }
}
