import Foundation

/// The shared material in `../shared` beside the package root (three levels up from here).
enum Shared {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared").standardized

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let realWorldPDFs = path("realworld/pdf")
    /// A Russian certificate of advanced training with a text layer (truth.json: pdf-text).
    static let russianTextPDF = path("corpus/inbox/790122483937/11_advanced-training.pdf")
    /// A Kazakh certificate scanned to an image-only PDF (truth.json: pdf-ocr, kk).
    static let kazakhScanPDF = path("corpus/inbox/720105316225/01_seminar.pdf")
}

/// Files of this test target's `Fixtures/`: minimized inputs that once broke the reader.
enum Fixtures {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }
}

/// A scratch directory removed with the value.
final class TemporaryDirectory {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pdf-tests-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String, _ bytes: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try bytes.write(to: file)
        return file.path
    }
}

/// `pdftotext -layout` of a file, the reference for our text.
func pdftotext(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    process.arguments = ["-q", "-layout", path, "-"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// Words without poppler's bidi marks, which the two outputs place differently.
func words(_ text: String) -> Set<String> {
    let bidi = CharacterSet(charactersIn: "\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}")
    return Set(text.components(separatedBy: bidi).joined().split(whereSeparator: \.isWhitespace).map(String.init))
}
