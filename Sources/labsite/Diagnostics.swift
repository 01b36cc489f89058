import ArgumentParser
import Foundation
import LabSite

/// Prints labsite's errors as `path:line: error: reason` on stderr, one per line, and exits 1.
enum Diagnostics {
    /// Runs `work`; a labsite error is printed, followed by `failure`, and the command exits 1.
    static func reporting<T>(
        failure: String = "the output folder was not changed.", _ work: () async throws -> T
    ) async throws -> T {
        do {
            return try await work()
        } catch let errors as BuildErrors {
            for line in errors.reportLines { printError(line) }
            printError(
                "labsite: the build failed with \(errors.count) error(s); the output folder was not changed.")
            throw ExitCode.failure
        } catch let error as any LocatedError {
            printError(error.errorDescription ?? error.reason)
            printError("labsite: the build failed; \(failure)")
            throw ExitCode.failure
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
