import Foundation
import Intake
import OCR
import Rasterization
import Testing

/// Files made by others, broken files and hostile files: each gives facts or a specific error,
/// never a crash or a hang.
@Suite("Robustness of the intake")
struct RobustnessTests {
    static let pool = OCRPool(size: 2)
    let intake = Intake(options: IntakeOptions(pageTimeout: .seconds(60), sizeLimit: 5 * 1024 * 1024), ocr: RobustnessTests.pool)

    /// `../shared` beside the package.
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")

    static func realWorld(_ folder: String) -> [String] {
        let directory = shared.appendingPathComponent("realworld/\(folder)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted().map { directory.appendingPathComponent($0).path }
    }

    @Test(arguments: realWorld("pdf") + realWorld("pubmed"))
    func everyRealWorldFileGivesFactsOrASpecificError(path: String) async throws {
        let records = await intake.read(path)
        #expect(!records.isEmpty)
        for record in records {
            #expect(record.sha256.count == 64)
            if record.errors.isEmpty {
                #expect(record.source != nil)
                #expect(!record.facts.isEmpty || record.language != nil, "\(path) gave neither facts nor text")
            } else {
                #expect(record.errors.allSatisfy { !$0.description.isEmpty })
            }
        }
    }

    @Test func thePasswordProtectedPDFSaysSo() async {
        let records = await intake.read(Self.realWorld("pdf").first { $0.hasSuffix("libreoffice-writer-password.pdf") }!)
        #expect(records.first?.errors.first?.description.contains("password") == true)
    }

    @Test func pubmedSetsGiveOneRecordPerArticle() async {
        let records = await intake.read(Self.realWorld("pubmed").first { $0.hasSuffix("pubmed1.xml") }!)
        #expect(records.count >= 2)
        #expect(records.map(\.item) == Array(1...records.count).map { Optional($0) })
        #expect(records.allSatisfy { $0.activity == .article && $0.source == .xml })
    }

    func temporaryFile(_ name: String, _ contents: Data) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-robustness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }

    @Test(arguments: [
        ("empty.pdf", Data(), "unknown format: the file is empty"),
        ("letter.pdf", Data("Dear colleague, this is plain text.".utf8), "unknown format: not a PDF"),
        ("document.docx", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), "unknown format"),
        ("truncated.pdf", Data("%PDF-1.7\n1 0 obj\n<< /Type /Catalog".utf8), "PDF:"),
        ("bomb.xml", Data("""
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><PubmedArticleSet>&lol3;</PubmedArticleSet>
            """.utf8), "XML: refused"),
        ("xxe.xml", Data("""
            <?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><PubmedArticleSet>&xxe;</PubmedArticleSet>
            """.utf8), "XML: refused"),
        ("broken.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46]), "image:"),
        ("unknown.xml", Data("<html><body>hello</body></html>".utf8), "XML: an XML format this reader does not know"),
    ])
    func brokenAndHostileFilesGiveASpecificError(name: String, contents: Data, message: String) async throws {
        let path = try temporaryFile(name, contents)
        let records = await intake.read(path)
        #expect(records.count == 1)
        let description = records.first?.errors.first?.description ?? "no error"
        #expect(description.hasPrefix(message) || description.contains(message), "\(description)")
        #expect(!description.contains("root:"))
    }

    @Test func aFileOverTheSizeLimitIsNotRead() async throws {
        let path = try temporaryFile("huge.pdf", Data(count: 6 * 1024 * 1024))
        let records = await intake.read(path)
        #expect(records.first?.errors == [.tooLarge(bytes: 6 * 1024 * 1024, limit: 5 * 1024 * 1024)])
    }

    @Test func aMissingFileOrAFolderIsAnError() async throws {
        #expect(await intake.read("/nonexistent/file.pdf").first?.errors.first?.description.hasPrefix("cannot open the file") == true)
        #expect(await intake.read(FileManager.default.temporaryDirectory.path).first?.errors.first == .cannotOpen("not a regular file"))
    }

    @Test func aJPEGNamedPDFIsReadAsTheImageItIs() async throws {
        let scan = Self.shared.appendingPathComponent("corpus/inbox/660711467386/05_seminar.jpg")
        let path = try temporaryFile("scan.pdf", try Data(contentsOf: scan))
        let record = try #require(await intake.read(path).first)
        #expect(record.source == .imageOCR)
        #expect(record.activity == .seminar)
    }

    /// A form field poppler lays out forever when the page is drawn (Fuzz/README.md): the page
    /// costs the decoder's time limit, the record says why, and reading goes on. The test's own
    /// limit is generous: on a loaded machine the suite's other readings hold the threads too.
    @Test(.timeLimit(.minutes(3))) func aPDFThatMakesTheRendererLoopIsAnErrorNotAHang() async throws {
        let hang = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RasterizationTests/Fixtures/poppler-multiline-field-hang.pdf")
        var options = intake.options
        options.rasterizer.timeLimit = .seconds(2)
        let record = try #require(await Intake(options: options, ocr: Self.pool).read(hang.path).first)
        #expect(record.errors.contains { $0.description.contains("could not be decoded within 2 s") }, "\(record.errors)")
    }
}
