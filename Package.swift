// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Trygg",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "trygg", targets: ["trygg"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "TryggCore",
            path: "Sources/TryggCore"
        ),
        .target(
            name: "TryggStore",
            dependencies: [
                "TryggCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            path: "Sources/TryggStore"
        ),
        .target(
            name: "TryggDemo",
            dependencies: ["TryggCore", "TryggStore"],
            path: "Sources/TryggDemo",
            resources: [.copy("Resources")]
        ),
        .target(
            name: "TryggReports",
            dependencies: [
                "TryggCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            path: "Sources/TryggReports"
        ),
        // A small SMTP client: no maintained Swift SMTP package is in the mirror.
        .target(
            name: "TryggMail",
            dependencies: [
                "TryggCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Sources/TryggMail"
        ),
        .target(
            name: "TryggWeb",
            dependencies: [
                "TryggCore",
                "TryggStore",
                "TryggReports",
                "TryggMail",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                // Its zlib deflate, for gzip-compressed answers.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                // The counters and the text format of /metrics.
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Sources/TryggWeb",
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "trygg",
            dependencies: [
                "TryggWeb",
                "TryggReports",
                "TryggDemo",
                "TryggStore",
                "TryggCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Sources/trygg"
        ),
        .executableTarget(
            name: "TryggBench",
            dependencies: [
                "TryggWeb",
                "TryggDemo",
                "TryggStore",
                "TryggCore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Sources/TryggBench"
        ),
        .testTarget(
            name: "TryggCoreTests",
            dependencies: ["TryggCore", "TryggDemo"]
        ),
        .testTarget(
            name: "TryggStoreTests",
            dependencies: ["TryggStore", "TryggCore", "TryggDemo"]
        ),
        .testTarget(
            name: "TryggWebTests",
            dependencies: [
                "TryggWeb",
                "TryggReports",
                "TryggDemo",
                "TryggStore",
                "TryggCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The reviewed HTML of central pages, read by SnapshotTests from the source tree.
            exclude: ["Snapshots"]
        ),
    ]
)

// libFuzzer targets, one per parser of outside input (script/fuzz builds them with
// -sanitize=fuzzer,address). Declared only when asked for: their entry point is libFuzzer's, so a
// normal `swift build` could not link them.
if Context.environment["TRYGG_FUZZ"] != nil {
    // SwiftPM compiles library targets with -sanitize=address only (-sanitize=fuzzer goes to the
    // executables): without coverage of the parsers themselves, libFuzzer saw every input alike
    // and explored nothing.
    let coverage = SwiftSetting.unsafeFlags(["-sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table"])
    for target in package.targets where ["TryggCore", "TryggReports"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [coverage]
    }
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["TryggCore"], path: "Sources/Fuzz/FuzzSupport", swiftSettings: [coverage]))
    let fuzzers: [(String, [Target.Dependency])] = [
        ("FuzzCSV", ["TryggCore"]), ("FuzzXlsx", ["TryggReports"]), ("FuzzGeoJSON", ["TryggCore"]),
        ("FuzzPersonalData", ["TryggCore"]), ("FuzzIncidentJSON", ["TryggCore"]), ("FuzzOpen311", ["TryggCore"]),
        ("FuzzMultipart", ["TryggReports"]), ("FuzzCrimeStatistics", ["TryggCore"]),
        ("FuzzForm", ["TryggCore", .product(name: "Hummingbird", package: "hummingbird")]), ("FuzzSMTPReply", ["TryggCore"]), ("FuzzSurvey", ["TryggCore"]),
        ("FuzzPhoto", ["TryggCore"]), ("FuzzLineMerge", ["TryggCore"]), ("FuzzHeaders", ["TryggCore"]),
    ]
    for (name, dependencies) in fuzzers {
        package.targets.append(.executableTarget(name: name, dependencies: dependencies + ["FuzzSupport"], path: "Sources/Fuzz/\(name)",
                                                 swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    }
}
