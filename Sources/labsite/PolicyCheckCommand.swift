import ArgumentParser
import Foundation
import LabSite
import LabSiteIAM

/// `labsite policy check FILE…`: prints the policy checker's findings like a compiler.
struct PolicyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check IAM policies offline and explain the findings in Korean.",
        discussion: """
            Each FILE is a policy document, `aws iam get-policy-version` output, or `aws iam \
            get-account-authorization-details` output (every inline and trust policy and each managed policy's \
            default version). Findings print as FILE:LINE:COLUMN: warning: [CODE] message (error: for errors), \
            line and column from 1; --format json prints Access Analyzer's finding shape instead. The exit status \
            is 1 when a file holds an error or a security warning, or cannot be read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Policy files.")
    var files: [String]

    @Option(help: "text (one line per finding) or json (Access Analyzer's ValidatePolicyFinding shape, per document).")
    var format: Format = .text

    func run() throws {
        // Files are independent: they are checked on all cores, a run of neighbouring files per
        // core with one checker, which expands a pattern the run has met before only once.
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let runLength = max(1, (files.count + cores - 1) / cores)
        let runs = WorkerThreads.runs(of: files.count, length: runLength).map { Array(files[$0]) }
        let results = WorkerThreads.map(runs, threadCount: runs.count) { run -> [Result<PolicyFile, any Error>] in
            var checker = PolicyChecker()
            return run.map { path in
                Result {
                    let bytes: [UInt8]
                    do {
                        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                    } catch {
                        throw IAMError(path: path, reason: "The file cannot be read.")
                    }
                    return try PolicyFile.read(path: path, bytes: bytes, checker: &checker)
                }
            }
        }.flatMap { run -> [Result<PolicyFile, any Error>] in
            switch run {
            case .success(let files): files
            case .failure(let error): [.failure(error)]
            }
        }
        var serious = false
        var unreadable = false
        var documents: [JSONValue] = []
        for result in results {
            switch result {
            case .success(let file):
                serious = serious || file.hasSeriousFindings
                switch format {
                case .text: file.messages.forEach { print($0) }
                case .json: documents += file.json.arrayValue ?? []
                }
            case .failure(let error):
                unreadable = true
                let located = error as? any LocatedError
                Diagnostics.printError(located?.errorDescription ?? "labsite: error: \(error)")
            }
        }
        if format == .json {
            print(JSONCompactWriter.string(.array(documents)))
        }
        if serious || unreadable { throw ExitCode(1) }
    }
}
