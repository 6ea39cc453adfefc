// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "tenderlint",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tenderlint", targets: ["tenderlint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // The PostgreSQL store of the inventory (TenderInventoryPostgres).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // C libraries from Debian, each wrapped by exactly one Swift target.
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // Document model: blocks, clauses, source locations, normalisation. No dependencies.
        .target(name: "TenderDocument"),
        // The only target that imports libxml2: a small Swift XML tree with line numbers and limits.
        .target(name: "TenderXML", dependencies: ["CLibXML2"]),
        // Dutch language analysis: Snowball stemming, tokens, sentences, quantities.
        .target(name: "TenderLanguage", dependencies: ["CStemmer"]),
        // Readers for every input format, format sniffing, input limits.
        .target(name: "TenderFormats", dependencies: [
            "TenderDocument", "TenderXML",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The rule and model-article catalogue and its compiled matcher.
        .target(name: "TenderRules", dependencies: [
            "TenderDocument", "TenderLanguage", "Yams",
            // SHA-256 for the catalogue cache's key and checksum.
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The engine: findings, domains, burden, model proposals.
        .target(name: "TenderLint", dependencies: ["TenderDocument", "TenderLanguage", "TenderRules", "TenderFormats", "Yams"]),
        // `tenderlint compare`: clauses of a document aligned with a standard's, or a region's documents with one another.
        .target(name: "TenderCompare", dependencies: ["TenderDocument", "TenderLanguage", "TenderFormats", "TenderLint", "TenderRules"]),
        // One reporter per output format (lint and compare).
        .target(name: "TenderReport", dependencies: ["TenderDocument", "TenderLint", "TenderRules", "TenderCompare"]),
        // `tenderlint redline`: the document handed back with a comment per finding and the model
        // articles as tracked changes (DOCX, ODT/FODT), or a corrected copy and a diff (text, Markdown).
        .target(name: "TenderRedline", dependencies: [
            "TenderDocument", "TenderXML", "TenderLanguage", "TenderRules", "TenderLint", "TenderReport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Fault isolation: worker processes that read (and lint) documents, so that a document
        // that crashes, hangs or exhausts a reader takes down one worker, not the program.
        .target(name: "TenderIsolation", dependencies: ["TenderDocument", "TenderFormats", "TenderRules", "TenderLint"]),
        // Corpus mode: the SQLite store (GRDB), the incremental parallel scan, aggregates and their reports.
        .target(name: "TenderInventory", dependencies: [
            "TenderDocument", "TenderFormats", "TenderRules", "TenderLint", "TenderReport", "TenderIsolation", "TenderXML", "Yams",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The inventory in PostgreSQL (`--db postgres://…`), for several analysts on one corpus: the
        // same schema and SQL as the SQLite store, behind TenderInventory's `InventoryDatabase`.
        .target(name: "TenderInventoryPostgres", dependencies: [
            "TenderInventory",
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        // The local web page (`tenderlint serve`): upload or paste, annotated result, downloads.
        .target(name: "TenderServer", dependencies: [
            "TenderDocument", "TenderFormats", "TenderRules", "TenderLint", "TenderReport", "TenderIsolation", "TenderRedline",
            .product(name: "Hummingbird", package: "hummingbird"),
            // The team server's sign-in: the authenticator middleware, basic authentication.
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "HummingbirdBasicAuth", package: "hummingbird-auth"),
            // SHA-256 of the team password, compared in constant time.
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // `tenderlint lsp`: a Language Server over stdio (JSON-RPC with Content-Length framing).
        .target(name: "TenderLSP", dependencies: ["TenderDocument", "TenderFormats", "TenderRules", "TenderLint", "TenderReport"]),
        // The executable: argument parsing and wiring only.
        .executableTarget(name: "tenderlint", dependencies: [
            "TenderDocument", "TenderFormats", "TenderRules", "TenderLint", "TenderReport", "TenderInventory", "TenderInventoryPostgres",
            "TenderServer", "TenderIsolation", "TenderCompare", "TenderLSP", "TenderRedline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // libFuzzer targets for the readers (scripts/fuzz.sh builds it with -sanitize=fuzzer,address).
        .executableTarget(name: "TenderFuzz", dependencies: ["TenderDocument", "TenderFormats", "TenderLint", "TenderRules"]),

        .testTarget(name: "TenderDocumentTests", dependencies: ["TenderDocument"]),
        .testTarget(name: "TenderLanguageTests", dependencies: ["TenderLanguage", "TenderDocument"]),
        .testTarget(name: "TenderInventoryTests", dependencies: [
            "TenderInventory", "TenderLint", "TenderRules", "TenderFormats", "TenderReport", "TenderIsolation",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Against a real PostgreSQL server (scripts/start-postgres.sh; TENDERLINT_TEST_POSTGRES_URL).
        .testTarget(name: "TenderInventoryPostgresTests", dependencies: [
            "TenderInventoryPostgres", "TenderInventory", "TenderLint", "TenderRules", "TenderReport",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .testTarget(name: "TenderRulesTests", dependencies: ["TenderRules", "TenderLint", "TenderDocument", "TenderLanguage", "TenderFormats", "Yams"]),
        .testTarget(name: "EndToEndTests", dependencies: ["tenderlint"], exclude: ["LSP"]),
        .testTarget(name: "TenderIsolationTests", dependencies: [
            "TenderIsolation", "TenderDocument", "TenderFormats", "TenderLint", "TenderRules",
        ], exclude: ["Crashers"]),
        .testTarget(name: "TenderXMLTests", dependencies: ["TenderXML"]),
        .testTarget(name: "TenderFormatsTests", dependencies: [
            "TenderFormats", "TenderDocument", "TenderXML", "TenderLint", "TenderRules",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], resources: [.copy("Fixtures")]),
        .testTarget(name: "TenderReportTests", dependencies: ["TenderReport", "TenderLint", "TenderRules", "TenderDocument"],
                    exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "TenderCompareTests", dependencies: [
            "TenderCompare", "TenderReport", "TenderLint", "TenderRules", "TenderDocument", "TenderFormats",
        ], exclude: ["Fixtures"]),
        .testTarget(name: "TenderRedlineTests", dependencies: [
            "TenderRedline", "TenderLint", "TenderRules", "TenderDocument", "TenderFormats", "TenderXML",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "TenderLintTests", dependencies: ["TenderLint", "TenderRules", "TenderDocument"]),
        .testTarget(name: "TenderServerTests", dependencies: [
            "TenderServer", "TenderLint", "TenderRules", "TenderReport", "TenderIsolation", "TenderDocument",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ], exclude: ["Browser", "LanguageTool"]),
    ],
    swiftLanguageModes: [.v6]
)
