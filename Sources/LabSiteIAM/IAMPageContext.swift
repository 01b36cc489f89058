import LabSite

/// The variables of one of the IAM section's templates, written by the section.
struct IAMPageContext: TemplateContext {
    /// Which template, and what it shows.
    enum Page: Sendable {
        /// `partials/iam-index.mustache`.
        case index
        /// `partials/iam-policy.mustache`.
        case policy(ManagedPolicy)
        /// `partials/iam-identity.mustache`.
        case identity(IAMIdentity)
        /// `partials/iam-matrix.mustache`.
        case matrix
        /// `partials/iam-matrix-card.mustache`: an identity's rows for some requests, on a lab page.
        case matrixCard(IAMIdentity, requests: [MatrixSettings.Request], from: String)
        /// `partials/iam-findings-card.mustache`: a policy's findings, on a lab page.
        case findingsCard(ManagedPolicy, policyURL: String)
        /// `partials/iam-least-privilege-card.mustache`: an identity's least privilege, on a lab page.
        case leastPrivilege(LeastPrivilege, from: String)
    }

    var section: IAMSection
    var page: Page

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        switch page {
        case .index: section.writeIndexPage(to: &sink)
        case .policy(let policy):
            let path = section.policyPath(arn: policy.arn) ?? "\(IAMSection.folder)/policies/unknown.html"
            section.writePolicyPage(policy, path: path, to: &sink)
        case .identity(let identity): section.writeIdentityPage(identity, to: &sink)
        case .matrix: section.writeMatrixPage(to: &sink)
        case .matrixCard(let identity, let requests, let page):
            section.writeMatrixCard(identity, requests: requests, from: page, to: &sink)
        case .findingsCard(let policy, let url):
            sink.set("name", text: policy.name)
            sink.set("url", text: url)
            section.writeReview(policy.document, path: policy.sourcePath, linesOnPage: false, to: &sink)
        case .leastPrivilege(let least, let page):
            section.writeLeastPrivilege(least, from: page, to: &sink)
        }
    }
}
