import ArgumentParser
import Foundation
import LabSite

/// `labsite init`: writes a new course to start from into an empty or missing folder.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a new course (site settings, a home page and a sample EC2 lab) into DIR.",
        discussion: """
            DIR must be empty or missing; a folder holding anything is refused, so nothing is \
            overwritten. The course is content/site.yml with personal values, content/index.md, \
            content/labs/ec2-first-instance.md with its figure, the data folders content/alarms, \
            content/iam and content/trail (each with a README.txt saying what goes there) and a \
            .gitignore for the built site.
            """
    )

    @Argument(help: "The folder to write the course into; it must be empty or missing.")
    var directory: String = "."

    func run() throws {
        let written: [String]
        do {
            written = try CourseStarter(directory: URL(fileURLWithPath: directory), shownPath: directory).write()
        } catch let error as any LocatedError {
            Diagnostics.printError(error.errorDescription ?? error.reason)
            throw ExitCode.failure
        }
        print("labsite: wrote a new course into \(directory == "." ? "the current folder" : directory):")
        for path in written { print("  \(path)") }
        let source = directory == "." ? "" : " --source \(Self.shellQuoted(directory))"
        print("Next: labsite serve\(source)   (a preview that reloads as you edit)")
        print("      labsite build\(source)   (the site, into \(directory == "." ? "" : directory + "/")public)")
    }

    /// `text` as one shell word: as it is when it is plain, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./~+,:@".contains($0)) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
