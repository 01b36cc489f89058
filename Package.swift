// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "labsite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "labsite", targets: ["labsite"]),
        .library(name: "LabSite", targets: ["LabSite"]),
        .library(name: "LabSitePreview", targets: ["LabSitePreview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
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
        // The core: content, Markdown, templates, data sections and the build, with no server code,
        // so a tool or test that only builds sites compiles no NIO.
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
        // `labsite serve`: the Hummingbird server, file watching and live reload, above the core.
        .target(
            name: "LabSitePreview",
            dependencies: [
                "LabSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "labsite",
            dependencies: [
                "LabSite",
                "LabSitePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers both test targets share (a course in a temporary folder).
        .target(name: "LabSiteTestSupport", dependencies: ["LabSite"], path: "Tests/LabSiteTestSupport"),
        .testTarget(
            name: "LabSiteTests",
            dependencies: ["LabSite", "LabSiteTestSupport"],
            exclude: ["Fixtures"]
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
