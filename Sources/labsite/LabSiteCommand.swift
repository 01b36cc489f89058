import ArgumentParser

/// The `labsite` command: builds Korean AWS lab handouts into a static site.
@main
struct LabSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labsite",
        abstract: "Builds Korean AWS lab handouts, trail logs, alarms and policies into a static site.",
        subcommands: [
            BuildCommand.self, EventsCommand.self, PDFCommand.self, PolicyCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: BuildCommand.self
    )
}
