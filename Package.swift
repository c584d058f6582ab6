// swift-tools-version: 6.0
import PackageDescription

// Layout (fixed by the product's design):
// - Sources/: the shared core (XinyuCore), the libxml2 shim (CLibXML2), the HTTP server library
//   (XinyuServer) and the thin `xinyu` executable.
// - Importers/, Certifications/, Curriculum/: library targets that own their code and data.
// - Tests/: one Swift Testing target per module.
let package = Package(
    name: "Xinyu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "xinyu", targets: ["xinyu"]),
        .library(name: "XinyuCore", targets: ["XinyuCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // swift-nio: the server's own thread pools for blocking store work (NIOThreadPool), off the event loops.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Yams: the one data format (YAML) for rule profiles, the lesson library and scheduling rules.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // swift-crypto: the import log's SHA-256 of each feed file (BoringSSL's, with the CPU's SHA instructions).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // hummingbird-auth: bcrypt for account passwords (HummingbirdBcrypt), issue #14.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // postgres-nio: the PostgreSQL store (XinyuPostgres), issue #18.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // AsyncHTTPClient: the reminders' WeCom and DingTalk robot webhooks (issue #16), with timeouts.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // ZIPFoundation: the zip container of .xlsx sign-in sheets, read and written (issue #15), and the `.xlsx` of
        // `xinyu stats hours --format xlsx` (issue #16).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "XinyuCore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/XinyuCore"
        ),
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "Importers",
            dependencies: [
                "XinyuCore", "CLibXML2", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Importers",
            exclude: ["README.md"],
            resources: [.copy("Schema")]
        ),
        .target(
            name: "Certifications",
            dependencies: ["XinyuCore", .product(name: "Yams", package: "Yams")],
            path: "Certifications",
            exclude: ["README.md"],
            resources: [.copy("Profiles")]
        ),
        .target(
            name: "Curriculum",
            dependencies: ["XinyuCore", "Certifications", .product(name: "Yams", package: "Yams")],
            path: "Curriculum",
            exclude: ["README.md"],
            resources: [.copy("Library")]
        ),
        // Accounts, roles and scopes, tokens, sessions, the audit trail (issue #14).
        .target(
            name: "XinyuAccounts",
            dependencies: [
                "XinyuCore",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/XinyuAccounts"
        ),
        // The PostgreSQL store behind the same store boundary (issue #18); all its SQL lives here.
        .target(
            name: "XinyuPostgres",
            dependencies: [
                "XinyuCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Sources/XinyuPostgres"
        ),
        // Reminders: who must hear what, the outbox, e-mail (sendmail), WeCom/DingTalk robots, CSV outbox (issue #16).
        .target(
            name: "XinyuNotify",
            dependencies: [
                "XinyuCore", "Certifications",
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/XinyuNotify",
            exclude: ["notify.example.yaml"]
        ),
        .target(
            name: "XinyuServer",
            dependencies: [
                "XinyuCore", "Importers", "Certifications", "Curriculum", "XinyuAccounts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Sources/XinyuServer"
        ),
        .executableTarget(
            name: "xinyu",
            dependencies: [
                "XinyuCore", "Importers", "Certifications", "Curriculum", "XinyuServer", "XinyuAccounts", "XinyuPostgres",
                "XinyuNotify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Sources/xinyu"
        ),
        .testTarget(name: "XinyuCoreTests", dependencies: ["XinyuCore", "XinyuPostgres"], path: "Tests/XinyuCoreTests"),
        .testTarget(
            name: "XinyuAccountsTests",
            dependencies: ["XinyuAccounts", "XinyuCore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/XinyuAccountsTests"
        ),
        .testTarget(
            name: "ImportersTests",
            dependencies: ["Importers", "XinyuCore"],
            path: "Tests/ImportersTests",
            exclude: ["Fixtures"]  // read through #filePath, so they are not bundled
        ),
        .testTarget(
            name: "XinyuNotifyTests",
            dependencies: [
                "XinyuNotify", "XinyuCore", "Certifications",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/XinyuNotifyTests"
        ),
        .testTarget(
            name: "CertificationsTests", dependencies: ["Certifications", "XinyuCore"], path: "Tests/CertificationsTests"),
        .testTarget(
            name: "CurriculumTests", dependencies: ["Curriculum", "Certifications", "XinyuCore"], path: "Tests/CurriculumTests"),
        // Runs the built `xinyu` binary end to end (exit statuses, one-line errors, output formats).
        .testTarget(
            name: "XinyuCLITests",
            dependencies: ["xinyu", "XinyuPostgres", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/XinyuCLITests"
        ),
        .testTarget(
            name: "XinyuServerTests",
            dependencies: [
                "XinyuServer", "XinyuCore", "Importers", "XinyuAccounts", "Curriculum", "Certifications",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/XinyuServerTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
