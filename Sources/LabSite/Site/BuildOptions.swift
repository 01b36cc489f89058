/// Choices made on the command line that change what a build produces.
public struct BuildOptions: Sendable, Equatable {
    /// Replace account ids, access keys, IP addresses and principal ids from logs with stand-ins.
    public var redact: Bool
    /// The most bytes one compressed input file may inflate to; more is treated as a decompression bomb.
    public var inflateLimit: Int

    /// Creates options; by default values are shown as they are and ``Gunzip/defaultLimit`` applies.
    public init(redact: Bool = false, inflateLimit: Int = Gunzip.defaultLimit) {
        self.redact = redact
        self.inflateLimit = inflateLimit
    }
}
