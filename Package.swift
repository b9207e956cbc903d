// swift-tools-version:6.1
import PackageDescription

/// Thin system-library targets: each is a module map over the C library's own headers,
/// found through pkg-config. The Swift code that uses them wraps them where it needs them.
let systemLibraries: [Target] = [
    .systemLibrary(
        name: "CPoppler", path: "Sources/SystemLibraries/CPoppler",
        pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
    .systemLibrary(
        name: "CLibXML2", path: "Sources/SystemLibraries/CLibXML2",
        pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(
        name: "CGLib", path: "Sources/SystemLibraries/CGLib",
        pkgConfig: "glib-2.0", providers: [.apt(["libglib2.0-dev"])]),
    .systemLibrary(
        name: "CPangoCairo", path: "Sources/SystemLibraries/CPangoCairo",
        pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
    // Tesseract and Leptonica (libtesseract-dev, libleptonica-dev): their headers, and the
    // functions the toolkit calls, opened on first use rather than linked (include/CTesseract.h).
    .target(name: "CTesseract", path: "Sources/SystemLibraries/CTesseract", linkerSettings: [.linkedLibrary("dl")]),
]

let package = Package(
    name: "cpd",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CPDKit", targets: ["CPDRules", "Wording", "CPDActivityFile", "CPDReport", "FactExtraction", "PersonNames", "JournalLists", "Intake", "Confirmation", "OCR", "PDFReading", "Forms", "ProfessionalRegister", "WorkerConfirmation", "Watch"]),
        .executable(name: "cpd", targets: ["cpd"]),
        // What the fuzz targets in Fuzz/ link: the readers of untrusted files, nothing else.
        .library(name: "CPDReaders", targets: ["FactExtraction", "Intake", "OCR", "PDFReading", "XMLRecords"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Hummingbird's own: `cpd serve --watch` runs the workspace and the watch in one group.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: systemLibraries + [
        // The law as code: criteria, windows, thresholds, levels. Pure Swift, no I/O.
        .target(name: "CPDRules"),
        // Activities typed by hand (YAML or JSON) with line-accurate validation errors.
        .target(
            name: "CPDActivityFile",
            dependencies: ["CPDRules", "PersonNames", .product(name: "Yams", package: "Yams")]),
        // CSV rows (CSV.swift) with the line each starts on, for messages that point at the line.
        .target(name: "CSVRows", dependencies: [.product(name: "CSV", package: "CSV.swift")]),
        // The journal lists the user supplies: SCImago quartiles and the recommended journals.
        .target(name: "JournalLists", dependencies: ["CPDRules", "CSVRows"]),
        // People's names as registers hold them and documents print them.
        .target(name: "PersonNames"),
        // Facts (activity, volumes, dates, people, language) read from a document's text.
        // The wordings are data: Lexicon/*.yaml, one file per language (Lexicon/README.md).
        .target(
            name: "FactExtraction", dependencies: ["CPDRules", "PersonNames", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Lexicon")]),
        // Text, positions and page images from PDFs (poppler-glib).
        .target(name: "PDFReading", dependencies: ["CPoppler", "OCR"]),
        // Text recognition of page images (tesseract + leptonica): orientation, skew, a pool of engines.
        .target(name: "OCR", dependencies: ["CTesseract"]),
        // Publication records and CPD activity exports from XML (libxml2, hardened).
        .target(
            name: "XMLRecords", dependencies: ["CLibXML2", "CPDRules"], exclude: ["README.md"],
            resources: [.copy("cpd-activities-1.xsd")]),
        // PDF pages and image files to gray pixels in a child process (`cpd` itself) with time
        // and memory limits, so a decoder that loops or explodes costs one file.
        .target(name: "Rasterization", dependencies: ["OCR", "PDFReading"]),
        // Any evidence file to facts: detects the kind, reads text or recognises it, extracts.
        .target(
            name: "Intake",
            dependencies: [
                "CGLib", "CPDRules", "FactExtraction", "JournalLists", "OCR", "PDFReading", "PersonNames", "Rasterization", "XMLRecords",
            ]),
        // A worker's folder assessed: the intake's records decided under the rules and Appendix 3.
        .target(name: "Confirmation", dependencies: ["CPDRules", "Intake", "PersonNames"]),
        // The templates of the forms, the single source of their wording (folder Templates/).
        .target(name: "FormTemplates", path: "Templates", resources: [.copy("forms"), .copy("review")]),
        // The languages of the outputs and the message catalogue that words findings in each.
        .target(
            name: "Wording",
            dependencies: ["CPDRules", "FormTemplates", .product(name: "Mustache", package: "swift-mustache")]),
        // The Appendix 2 confirmation and the refusal notice: HTML from the templates, PDF laid
        // out from that same HTML with pango and cairo.
        .target(
            name: "Forms",
            dependencies: [
                "CLibXML2", "CPangoCairo", "CPDReport", "CPDRules", "Confirmation", "FormTemplates", "Intake", "Wording",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // One worker's confirmation as every caller runs it: identify, stop at a blocked record, read,
        // assess, write the forms, record them in the register.
        .target(
            name: "WorkerConfirmation",
            dependencies: ["CPDRules", "Confirmation", "Forms", "Intake", "PersonNames", "ProfessionalRegister", "Wording"]),
        // The watch over an HR inbox: inotify and rescans, settling, state in SQLite, forms kept current.
        .target(
            name: "Watch",
            dependencies: [
                "CGLib", "CPDReport", "CPDRules", "Confirmation", "Forms", "Intake", "PersonNames", "SharedDatabase",
                "WorkerConfirmation", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ]),
        // Schema changes to the SQLite file the watch and the register share, one process at a time.
        .target(name: "SharedDatabase", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        // The professional register (order ҚР ДСМ-253/2020): workers, changes, assessments,
        // expiring certificates, reports; SQLite through GRDB. Also reads the register extract
        // (workers by IIN) the confirmation commands take.
        .target(
            name: "ProfessionalRegister",
            dependencies: ["CPDRules", "CSVRows", "SharedDatabase", "XMLRecords", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["README.md"],
            resources: [.copy("professional-register-1.xsd")]),
        // Assessments and the rules table as JSON and as text for a person.
        .target(name: "CPDReport", dependencies: ["CPDRules", "FactExtraction", "Intake", "Wording"]),
        // The officer's web workspace (`cpd serve`): accounts, sessions, pages over the watch's and
        // the register's database (Hummingbird).
        .target(
            name: "ReviewWorkspace",
            dependencies: [
                "CPangoCairo", "CPDRules", "Confirmation", "FactExtraction", "FormTemplates", "Forms", "Intake", "OCR", "PersonNames", "ProfessionalRegister",
                "Rasterization", "SharedDatabase", "Watch", "WorkerConfirmation", "Wording",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // The `cpd` subcommands; the executable target only calls `main()`.
        .target(
            name: "CPDCommand",
            dependencies: [
                "CPDRules", "CPDActivityFile", "CPDReport", "Confirmation", "FactExtraction", "Forms", "Intake", "JournalLists", "OCR", "PersonNames",
                "ProfessionalRegister", "ReviewWorkspace", "Watch", "WorkerConfirmation", "Wording",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .executableTarget(name: "cpd", dependencies: ["CPDCommand", "Rasterization"]),
        // Times the reading of PDFs and scans against pdftotext and the tesseract CLI (Benchmarks/README.md).
        // Times cpd watch: drop-to-forms latency and a 1,000-file backlog against cpd assess.
        .executableTarget(name: "WatchBenchmark", path: "Benchmarks/WatchBenchmark"),
        // 100,000 workers imported and queried: swift run -c release RegisterBenchmark
        .executableTarget(
            name: "RegisterBenchmark", dependencies: ["ProfessionalRegister", "CPDRules"], path: "Benchmarks/RegisterBenchmark"),
        // Draws the sample evidence in Samples/ (run: swift run make-samples).
        .executableTarget(name: "make-samples", dependencies: ["Forms", "OCR", "PDFReading", "CPangoCairo", "CTesseract"], path: "Sources/SampleMaker"),

        .testTarget(name: "RasterizationTests", dependencies: ["CPangoCairo", "OCR", "Rasterization"], exclude: ["Fixtures"]),
        .testTarget(name: "CPDRulesTests", dependencies: ["CPDRules"]),
        .testTarget(name: "CPDActivityFileTests", dependencies: ["CPDActivityFile"]),
        .testTarget(name: "CPDReportTests", dependencies: ["CPDReport"]),
        .testTarget(name: "WordingTests", dependencies: ["Wording", "CPDRules"]),
        .testTarget(
            name: "FactExtractionTests", dependencies: ["FactExtraction", .product(name: "Yams", package: "Yams")],
            exclude: ["WordingBank"]),
        .testTarget(name: "PersonNamesTests", dependencies: ["PersonNames"]),
        .testTarget(name: "CSVRowsTests", dependencies: ["CSVRows"]),
        .testTarget(name: "JournalListsTests", dependencies: ["JournalLists"]),
        .testTarget(name: "IntakeTests", dependencies: ["Intake", "OCR", "CPDRules", "FactExtraction", "PersonNames", "Rasterization"]),
        .testTarget(name: "OCRTests", dependencies: ["OCR", "CTesseract"], exclude: ["Fixtures"]),
        .testTarget(name: "PDFReadingTests", dependencies: ["PDFReading", "OCR", "CPangoCairo"], exclude: ["Fixtures"]),
        .testTarget(name: "CorpusTests", dependencies: ["Confirmation", "Intake", "OCR", "CPDRules", "JournalLists", "PersonNames"]),
        .testTarget(
            name: "FormsTests", dependencies: ["Forms", "Confirmation", "CPDRules", "Intake", "PDFReading", "PersonNames", "Wording"],
            exclude: ["Golden"]),
        .testTarget(name: "ConfirmationTests", dependencies: ["Confirmation", "CPDRules", "Intake", "PersonNames"]),
        .testTarget(
            name: "WorkerConfirmationTests",
            dependencies: ["WorkerConfirmation", "Confirmation", "CPDRules", "Forms", "Intake", "PersonNames", "ProfessionalRegister", "Wording"]),
        .testTarget(name: "ProfessionalRegisterTests", dependencies: ["ProfessionalRegister", "CPDRules", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "WatchTests",
            dependencies: [
                "Watch", "WorkerConfirmation", "Confirmation", "Forms", "Intake", "OCR", "CPDRules", "PersonNames", "Wording", .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "XMLRecordsTests", dependencies: ["XMLRecords", "CPDRules"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ReviewWorkspaceTests",
            dependencies: [
                "ReviewWorkspace", "CPDRules", "FormTemplates", "Intake", "OCR", "ProfessionalRegister", "Watch", "WorkerConfirmation",
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        // The real `cpd serve` driven in headless Chromium over WebDriver (chromedriver); `cpd serve --watch` as a process.
        .testTarget(
            name: "ReviewBrowserTests",
            dependencies: [
                "CPDRules", "Forms", "Intake", "OCR", "PDFReading", "ProfessionalRegister", "Watch", "WorkerConfirmation",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "CPDCommandTests", dependencies: ["CPDCommand"], exclude: ["Snapshots"]),
        .testTarget(
            name: "SystemLibrariesTests",
            dependencies: ["CPoppler", "CLibXML2", "CTesseract", "CPangoCairo"]),
    ],
    swiftLanguageModes: [.v6]
)
