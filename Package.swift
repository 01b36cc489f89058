// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "labsite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "labsite", targets: ["labsite"]),
        .library(name: "LabSite", targets: ["LabSite"]),
        .library(name: "LabSiteCloudTrail", targets: ["LabSiteCloudTrail"]),
        .library(name: "LabSiteCloudWatch", targets: ["LabSiteCloudWatch"]),
        .library(name: "LabSiteIAM", targets: ["LabSiteIAM"]),
        .library(name: "LabSitePreview", targets: ["LabSitePreview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The core: content, Markdown, templates, JSON, compression, charts, the section protocol and
        // the build, with no server code and no data section, so nothing in it can reach above it.
        .target(
            name: "LabSite",
            dependencies: [
                "CCmark",
                "CZlib",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedTheme"]
        ),
        // The data sections, each knowing only the core: CloudTrail logs, CloudWatch alarms, IAM policies.
        .target(name: "LabSiteCloudTrail", dependencies: ["LabSite"]),
        .target(name: "LabSiteCloudWatch", dependencies: ["LabSite"]),
        .target(name: "LabSiteIAM", dependencies: ["LabSite"]),
        // `labsite serve`: the Hummingbird server, file watching and live reload, above the core.
        .target(
            name: "LabSitePreview",
            dependencies: [
                "LabSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "labsite",
            dependencies: [
                "LabSite",
                "LabSiteCloudTrail",
                "LabSiteCloudWatch",
                "LabSiteIAM",
                "LabSitePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers every test target shares: a course in a temporary folder, the committed fixtures in
        // Tests/Fixtures, the course's section list.
        .target(
            name: "LabSiteTestSupport",
            dependencies: ["LabSite", "LabSiteCloudTrail", "LabSiteCloudWatch", "LabSiteIAM"],
            path: "Tests/LabSiteTestSupport"
        ),
        // Test targets mirror the library targets; labsiteTests holds what needs the whole course
        // (the executable, the default site, incremental rebuilds of it).
        .testTarget(name: "LabSiteTests", dependencies: ["LabSite", "LabSiteTestSupport"]),
        .testTarget(name: "LabSiteCloudTrailTests", dependencies: ["LabSiteCloudTrail", "LabSiteTestSupport"]),
        .testTarget(name: "LabSiteCloudWatchTests", dependencies: ["LabSiteCloudWatch", "LabSiteTestSupport"]),
        .testTarget(name: "LabSiteIAMTests", dependencies: ["LabSiteIAM", "LabSiteTestSupport"]),
        .testTarget(
            name: "labsiteTests",
            dependencies: [
                "LabSite", "LabSiteCloudTrail", "LabSiteCloudWatch", "LabSiteIAM", "LabSiteTestSupport",
            ]
        ),
        .testTarget(
            name: "LabSitePreviewTests",
            dependencies: [
                "LabSite",
                "LabSitePreview",
                "LabSiteTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // Compiles templates/ (the default theme) into LabSite as `BuiltinTheme.files` at build time.
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["EmbedThemeTool"]),
        .executableTarget(name: "EmbedThemeTool"),
    ]
)
