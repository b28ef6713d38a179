// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "FaceChart",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "facechart", targets: ["facechart"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
    ],
    targets: [
        // The charting core: model, clinical rules, dose maths. Pure Swift: no files, no terminal.
        .target(name: "FaceChartCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Clinical knowledge shipped as data (face views, region masks, products, patterns).
        .target(
            name: "FaceChartAssets",
            dependencies: ["FaceChartCore"],
            path: "assets",
            exclude: ["README.md"],
            resources: [.copy("faces"), .copy("clinical"), .copy("print")]
        ),
        // Per-patient JSON folders: durable saves, locks, schema versions; the derived index.
        .target(name: "FaceChartStore", dependencies: ["FaceChartCore", "CSQLite"]),
        // SQLite, the engine of the derived index (docs/architecture.md).
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The data folder as a git repository: history at checkpoints, sync with the practice's remote,
        // the record-level merge driver, verification of records and pushes, the audit trail.
        .target(name: "FaceChartSync", dependencies: ["FaceChartCore", "FaceChartStore"]),
        // What screens and the terminal share: the cell canvas, styles, glyphs, column widths, and
        // input events with their decoding. No ncurses, no clinical model.
        .target(name: "FaceChartUI"),
        // Screens as state + update + render into an in-memory canvas. No ncurses here.
        .target(name: "FaceChartScreens", dependencies: ["FaceChartCore", "FaceChartUI"]),
        // Records out of the terminal: the printed chart and aftercare sheet (HTML, PDF and PNG through
        // Chromium), FHIR R4 bundles and CSV. No ncurses, no screens.
        .target(
            name: "FaceChartExport",
            dependencies: [
                "FaceChartCore", "FaceChartAssets",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The only place that talks to ncurses.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "FaceChartTerminal", dependencies: ["CNcursesw", "FaceChartUI"]),
        // What each command does, and the terminal loop: everything the executable runs, testable.
        .target(
            name: "FaceChartCommands",
            dependencies: [
                "FaceChartCore", "FaceChartAssets", "FaceChartStore", "FaceChartUI", "FaceChartScreens", "FaceChartTerminal",
                "FaceChartExport", "FaceChartSync",
            ]
        ),
        // The command line: arguments parsed and handed to FaceChartCommands. The only target that imports ArgumentParser.
        .executableTarget(
            name: "facechart",
            dependencies: [
                "FaceChartCore", "FaceChartAssets", "FaceChartStore", "FaceChartUI", "FaceChartScreens", "FaceChartExport",
                "FaceChartCommands", "FaceChartSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Prints medians for text entry, saves, loads and listings; not part of `swift test`.
        .executableTarget(
            name: "FaceChartBenchmarks",
            dependencies: ["FaceChartCore", "FaceChartAssets", "FaceChartStore", "FaceChartUI", "FaceChartScreens"]
        ),
        // libFuzzer targets for the decoders (scripts/fuzz.sh builds them with -sanitize=fuzzer); built
        // plainly, it replays inputs. Not part of `swift test`.
        .executableTarget(
            name: "FaceChartFuzz",
            dependencies: ["FaceChartCore", "FaceChartStore", "FaceChartUI", "FaceChartTestSupport"]
        ),
        .target(
            name: "FaceChartTestSupport",
            dependencies: ["FaceChartCore", "FaceChartAssets", "FaceChartStore", "FaceChartUI", "FaceChartScreens"],
            path: "Tests/FaceChartTestSupport"
        ),
        .testTarget(name: "FaceChartUITests", dependencies: ["FaceChartUI"]),
        .testTarget(name: "FaceChartCoreTests", dependencies: ["FaceChartCore", "FaceChartAssets", "FaceChartTestSupport"]),
        .testTarget(name: "FaceChartStoreTests", dependencies: ["FaceChartStore", "FaceChartTestSupport"], exclude: ["Corpus"]),
        .testTarget(name: "FaceChartCommandsTests", dependencies: ["FaceChartCommands", "FaceChartStore", "FaceChartTestSupport"]),
        .testTarget(name: "FaceChartSyncTests", dependencies: ["FaceChartSync", "FaceChartStore", "FaceChartTestSupport"]),
        .testTarget(
            name: "FaceChartExportTests",
            dependencies: ["FaceChartExport", "FaceChartAssets", "FaceChartTestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "FaceChartScreensTests",
            dependencies: ["FaceChartUI", "FaceChartScreens", "FaceChartAssets", "FaceChartTestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "FaceChartEndToEndTests",
            dependencies: ["facechart", "FaceChartAssets", "FaceChartStore", "FaceChartUI", "FaceChartSync", "FaceChartTestSupport"]
        ),
    ]
)
