// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Paiban",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "paiban", targets: ["paiban"]),
        .library(name: "Paiban", targets: ["Paiban"]),
        .library(name: "PaibanSolver", targets: ["PaibanSolver"]),
        .library(name: "PaibanIO", targets: ["PaibanIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The domain: scenario, roster, calendar, rules and their audits. Foundation only.
        .target(name: "Paiban"),
        // Debian's libglpk-dev ships no glpk.pc, so the modulemap links "glpk" itself.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // setjmp guard around GLPK calls: Swift cannot call setjmp, and GLPK aborts on API misuse.
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
        .target(name: "PaibanSolver", dependencies: ["Paiban", "CGLPK", "CGLPKGuard"]),
        // iconv (GB18030 rosters) is part of glibc on Linux and a separate library on macOS.
        .target(name: "PaibanIO", dependencies: ["Paiban", .product(name: "Yams", package: "Yams")],
                linkerSettings: [.linkedLibrary("iconv", .when(platforms: [.macOS]))]),
        .target(name: "PaibanReport", dependencies: ["Paiban"]),
        .executableTarget(
            name: "paiban",
            dependencies: [
                "Paiban", "PaibanSolver", "PaibanIO", "PaibanReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "paiban-bench",
            dependencies: ["Paiban", "PaibanSolver", "PaibanIO"],
            path: "Benchmarks/paiban-bench"
        ),
        // Curtois & Qu benchmark instances 1-24 against their best-known values (Benchmarks/curtois/README.md).
        .executableTarget(
            name: "curtois-bench",
            dependencies: ["Paiban", "PaibanSolver", "PaibanIO"],
            path: "Benchmarks/curtois",
            exclude: ["README.md"]
        ),
        // Tests' own reading of the Curtois & Qu format, hard constraints and objective, from the benchmark's
        // README alone: Foundation only, none of Paiban's modules, so Paiban's importer and audit are held to it.
        .target(name: "CurtoisReference", path: "Tests/CurtoisReference"),
        .testTarget(name: "PaibanTests", dependencies: ["Paiban", "PaibanSolver", "PaibanIO", "CurtoisReference"]),
        .testTarget(name: "PaibanIOTests", dependencies: ["Paiban", "PaibanIO", "CurtoisReference"]),
        .testTarget(name: "PaibanCLITests", dependencies: ["paiban", "curtois-bench", "CurtoisReference"]),
    ]
)
