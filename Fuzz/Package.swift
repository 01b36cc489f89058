// swift-tools-version:5.4
// 5.4, not the root package's 6.0: from tools version 5.5 on, SwiftPM compiles an executable's
// entry point as `<Module>_main` and links it with `--defsym main=<Module>_main` (so tests can link
// executables). A harness has no entry point of its own: libFuzzer's `main` calls
// `LLVMFuzzerTestOneInput`, so that alias would name a symbol that does not exist.
import PackageDescription

// libFuzzer harnesses for labsite's parsers of user files, one executable per harness. Build and run
// them with scripts/fuzz (Fuzz/README.md), which passes AddressSanitizer and libFuzzer's coverage
// (`-sanitize=address -sanitize-coverage=…`) on the command line, so they reach the root package's
// targets and its dependencies, not only these: coverage only guides where code is instrumented,
// and AddressSanitizer only checks what it compiled.
//
// `-sanitize=fuzzer` itself cannot go on the command line: it links libFuzzer, `main` included, into
// every executable, and the root package's build-tool plugin runs one (EmbedThemeTool), which would
// then fail to link. So only the harnesses take it, in their own settings below, with
// `-parse-as-library` (no top-level code, no `main` of their own).
let package = Package(
    name: "labsite-fuzz",
    dependencies: [.package(name: "labsite", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "LabSite", package: "labsite")]),
        harness("FuzzGunzip", ["LabSite"]),
        harness("FuzzJSON", ["LabSite"]),
        harness("FuzzTrail", ["LabSite", "LabSiteCloudTrail"]),
        harness("FuzzEventForms", ["LabSite", "LabSiteCloudTrail"]),
        harness(
            "FuzzMarkdown", ["LabSite", "LabSiteCloudTrail", "LabSiteCloudWatch", "LabSiteIAM"]),
        harness("FuzzFrontMatter", ["LabSite"]),
        harness("FuzzAlarms", ["LabSite", "LabSiteCloudWatch"]),
        harness("FuzzIAM", ["LabSite", "LabSiteIAM"]),
        harness("FuzzPolicyCheck", ["LabSite", "LabSiteIAM"]),
        harness("FuzzImageSize", ["LabSite"]),
        harness("FuzzHighlight", ["LabSite"]),
    ]
)

/// One harness: an executable whose only entry point is `LLVMFuzzerTestOneInput`; libFuzzer's
/// `main` runs it.
func harness(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: "labsite") },
        swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
    )
}
