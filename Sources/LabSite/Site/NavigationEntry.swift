/// One page in the site's navigation (`assets/nav.js`), shared by every page so that page size
/// does not grow with the number of pages.
struct NavigationEntry: Encodable, Sendable, Equatable {
    struct Step: Encodable, Sendable, Equatable {
        var number: Int
        var id: String
        var title: String
    }

    var title: String
    /// Relative to the site root.
    var url: String
    var steps: [Step]

    init(page: BuiltPage) {
        title = page.title
        url = page.url
        steps = page.steps.map { Step(number: $0.stepNumber ?? 0, id: $0.id, title: $0.title) }
    }
}
