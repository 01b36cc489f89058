import ArgumentParser

/// `labsite policy …`: works on IAM policy documents outside a site.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Review IAM policy documents.",
        subcommands: [PolicyCheckCommand.self]
    )
}
