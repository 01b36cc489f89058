import Foundation

/// The `labsite` executable this test run built, and a way to run it as a user would.
///
/// SwiftPM puts the executable beside the test bundle, in the scratch path and configuration the
/// tests were built with, so a stale `labsite` in another build folder can never stand in for it.
enum BuiltExecutable {
    /// Why the executable could not be found.
    struct Missing: Error, CustomStringConvertible {
        var searched: URL
        var description: String {
            "No labsite executable beside the test bundle at \(searched.path); build it with the tests "
                + "(`swift build --build-tests`, as scripts/test does) before running them."
        }
    }

    /// The executable beside the test bundle.
    static func url() throws -> URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let beside = bundle.appendingPathComponent("labsite")
        guard FileManager.default.isExecutableFile(atPath: beside.path) else { throw Missing(searched: beside) }
        return beside
    }

    /// Runs `labsite` with `arguments` in `directory`, `input` on its standard input, and returns its
    /// exit status and output.
    static func run(_ arguments: [String], in directory: URL? = nil, input: Data? = nil) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let process = Process()
        process.executableURL = try url()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            // Written from another thread: a large input could fill the pipe while labsite's output fills its own.
            let writer = stdin.fileHandleForWriting
            Thread.detachNewThread {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        // Both pipes are read to the end before waiting, so a large output cannot fill one and stall.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }
}
