import Foundation

/// One file of the built site: its path under the output folder and where its bytes come from.
public struct OutputFile: Sendable, Equatable {
    /// The bytes of a file labsite generated, or a file to copy as it is.
    public enum Contents: Sendable, Equatable {
        /// Bytes labsite generated.
        case data(Data)
        /// Text labsite generated, kept as the rendered string until it is written, so a large
        /// site does not hold every page twice (as a string and as bytes).
        case text(String)
        /// A file to copy as it is.
        case copy(URL)
    }

    /// The path under the output folder, with `/` separators.
    public var path: String
    /// The file's bytes.
    public var contents: Contents

    /// Creates an output file.
    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    /// A generated text file.
    public static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, contents: .text(text))
    }
}
