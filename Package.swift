// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "tungnha",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tungnha", targets: ["tungnha"]),
        .library(name: "TungnhaKit", targets: ["TungnhaKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SHA-256 for batch checksums: Foundation on Linux has no CryptoKit.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Spreadsheets: an .xlsx file is a ZIP of XML parts; the register is read from one, reports written as one.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
    ],
    targets: [
        // Compiles seed/*.tsv into the library, so the binary works from any folder.
        .executableTarget(name: "seed-embed", path: "Sources/seed-embed"),
        .plugin(name: "EmbedSeed", capability: .buildTool(), dependencies: ["seed-embed"]),
        // SQLite's process-wide settings, which only C can make (sqlite3_config takes variable arguments).
        .target(name: "SQLiteProcess", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "TungnhaKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the few statements a merge runs millions of times.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
                "SQLiteProcess",
            ],
            plugins: ["EmbedSeed"]
        ),
        .executableTarget(
            name: "tungnha",
            dependencies: [
                "TungnhaKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "tungnha-bench", dependencies: ["TungnhaKit"], path: "bench/Sources"),
        .testTarget(
            name: "TungnhaKitTests",
            dependencies: [
                "TungnhaKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "TungnhaCLITests", dependencies: ["tungnha", "TungnhaKit"]),
    ],
    swiftLanguageModes: [.v6]
)
