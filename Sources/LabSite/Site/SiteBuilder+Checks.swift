import Foundation

/// The checks a site must pass before anything is written: step numbering and output collisions
/// (links are checked by ``LinkChecker``).
extension SiteBuilder {
    /// Steps must be numbered 1, 2, 3, … so that `#step-N` links and printed handouts agree.
    static func stepErrors(in page: BuiltPage) -> [SiteError] {
        guard let path = page.sourcePath else { return [] }
        var errors: [SiteError] = []
        // Counted over the headings rather than `page.steps`, which would make an array per page.
        var index = 0
        for step in page.headings where step.stepNumber != nil {
            if step.stepNumber != index + 1 {
                errors.append(
                    SiteError(
                        path: path, line: step.line,
                        reason: "This is step \(step.stepNumber ?? 0), but it is the \(index + 1). step of the page; "
                            + "number the steps 1, 2, 3, … without gaps."))
            }
            index += 1
        }
        return errors
    }

    /// Two sources written to one output path would silently lose one of them.
    static func collisions(in paths: [String]) -> [SiteError] {
        var seen: Set<String> = []
        // Sized up front: growing it rehashed every path of a large trail's site several times.
        seen.reserveCapacity(paths.count)
        return paths.compactMap { path in
            seen.insert(path).inserted
                ? nil
                : SiteError(
                    path: path, line: nil,
                    reason: "Two sources would be written to the same output file \(path); rename one of them.")
        }
    }

    /// `error` as a located error, at `path` when it does not say where it happened.
    static func located(_ error: any Error, path: String) -> any LocatedError {
        if let located = error as? any LocatedError { return located }
        return SiteError(path: path, line: nil, reason: error.localizedDescription)
    }
}
