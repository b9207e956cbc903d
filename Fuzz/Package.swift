// swift-tools-version:6.1
import PackageDescription

/// libFuzzer targets for the readers of untrusted files. A package of its own so that the main
/// build and `swift test` never see them; Scripts/fuzz builds them with
/// `--sanitize=fuzzer --sanitize=address`, and with `-enable-testing` because they reach
/// internal API (`@testable import`).
let package = Package(
    name: "cpd-fuzz",
    dependencies: [.package(name: "cpd", path: "..")],
    targets: [
        // Bytes as a PDF: poppler's parse, every page's text layer and form fields, a render.
        .executableTarget(name: "FuzzPDF", dependencies: [.product(name: "CPDReaders", package: "cpd")]),
        // Bytes as an image file: leptonica's decoders, the gray conversion, deskew and rotation.
        .executableTarget(name: "FuzzImage", dependencies: [.product(name: "CPDReaders", package: "cpd")]),
        // Bytes as XML: the hardened parse and every record format's mapping.
        .executableTarget(name: "FuzzXML", dependencies: [.product(name: "CPDReaders", package: "cpd")]),
        // Bytes as UTF-8 text: the fact extractor.
        .executableTarget(name: "FuzzFacts", dependencies: [.product(name: "CPDReaders", package: "cpd")]),
        // Bytes as any file the intake receives: kind detection, then the XML intake end to end.
        .executableTarget(name: "FuzzFileKind", dependencies: [.product(name: "CPDReaders", package: "cpd")]),
    ],
    swiftLanguageModes: [.v6]
)
