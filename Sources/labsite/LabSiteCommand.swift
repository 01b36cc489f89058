import ArgumentParser
import LabSite

/// The `labsite` command: builds Korean AWS lab handouts into a static site.
@main
struct LabSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labsite",
        abstract: "Builds Korean AWS lab handouts, trail logs, alarms and policies into a static site.",
        version: LabSiteVersion.description,
        subcommands: [
            BuildCommand.self, EventsCommand.self, InitCommand.self, PDFCommand.self, PolicyCommand.self,
            ServeCommand.self,
        ],
        defaultSubcommand: BuildCommand.self
    )
}
