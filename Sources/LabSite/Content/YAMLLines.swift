/// Turns the lines libyaml reports into the lines of the file.
///
/// libyaml follows YAML 1.1 and also ends a line at U+0085 (NEL), U+2028 and U+2029, which
/// editors, cmark and labsite's own counts do not; without this an error after one of them named a
/// line further down than the file has.
struct YAMLLines {
    /// The file line (counted from 1 in the YAML text) of each libyaml line, by index.
    private let fileLines: [Int]

    /// The lines of `yaml`, whose line ends are already `\n` alone (``LineEndings``).
    init(_ yaml: String) {
        var lines = [1]
        var line = 1
        for scalar in yaml.unicodeScalars {
            switch scalar {
            case "\n":
                line += 1
                lines.append(line)
            case "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(line)
            default:
                break
            }
        }
        fileLines = lines
    }

    /// The file line of libyaml's line `yamlLine`, both counted from 1 in the YAML text; a line past
    /// the end (libyaml's place for a problem at the end) stays past it.
    func fileLine(_ yamlLine: Int) -> Int {
        guard yamlLine >= 1 else { return 1 }
        guard yamlLine <= fileLines.count else { return (fileLines.last ?? 1) + yamlLine - fileLines.count }
        return fileLines[yamlLine - 1]
    }
}
