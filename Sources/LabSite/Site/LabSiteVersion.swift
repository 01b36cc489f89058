/// labsite's version, and those of the C libraries it runs with, for `labsite --version`.
public enum LabSiteVersion {
    /// labsite's own version.
    public static let number = "0.9.0"

    /// `labsite 0.9.0 (libcmark 0.30.2, zlib 1.3.1)`: the libraries' versions are those this
    /// process loaded, which can differ from the ones it was built against.
    public static var description: String {
        "labsite \(number) (libcmark \(MarkdownRenderer.libcmarkVersion), zlib \(Gunzip.zlibVersion))"
    }
}
