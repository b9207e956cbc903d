import Foundation
import OCR
import PDFReading
import Testing

@Suite("Opening PDFs")
struct OpeningTests {
    enum Expectation: Sendable {
        /// Text whose words are all in `pdftotext -layout`'s, making up at least this share of them.
        case text(coverage: Double = 0.95)
        case imageOnly
        case fails(PDFReadError)
    }

    static let realWorld: [String: Expectation] = [
        "002-trivial-libre-office-writer.pdf": .text(), "crazyones-pdfa.pdf": .text(),
        "google-doc-document.pdf": .text(), "habibi-rotated.pdf": .text(), "minimal-document.pdf": .text(),
        "pdfkit.pdf": .text(), "with-attachment.pdf": .text(),
        // pdftotext also shows the form's filled-in values (Alice, Bob): annotations, not page text.
        "libreoffice-form.pdf": .text(coverage: 0.85),
        // pdftotext shows the Arabic word a second time; poppler-glib's page text has it once.
        "habibi.pdf": .text(coverage: 0.5),
        "grayscale-image.pdf": .imageOnly, "imagemagick-CCITTFaxDecode.pdf": .imageOnly,
        "imagemagick-lzw.pdf": .imageOnly,
        "libreoffice-writer-password.pdf": .fails(.encrypted),
        "unreadablemetadata.pdf": .fails(.damaged("its first page cannot be loaded")),
    ]

    @Test func everyRealWorldPDFHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Shared.realWorldPDFs)
        #expect(Set(files) == Set(Self.realWorld.keys))
    }

    /// Each opens and gives poppler's text and a rendering, or fails with its specific error.
    @Test(arguments: realWorld.keys.sorted())
    func aRealWorldPDFOpensOrFailsSpecifically(name: String) throws {
        let path = Shared.realWorldPDFs + "/" + name
        switch Self.realWorld[name]! {
        case .fails(let expected):
            #expect(throws: expected) { try PDFFile(path: path) }
        case .text(let coverage):
            let pdf = try PDFFile(path: path)
            let text = (0..<pdf.pageCount).map { pdf.text(ofPage: $0).text }.joined(separator: "\n")
            let ours = words(text), reference = words(try pdftotext(path))
            #expect(!ours.isEmpty && ours.isSubset(of: reference), "\(ours.subtracting(reference))")
            #expect(Double(ours.count) >= coverage * Double(reference.count))
            _ = try pdf.render(page: 0, dpi: 50)
        case .imageOnly:
            let pdf = try PDFFile(path: path)
            #expect((0..<pdf.pageCount).allSatisfy { pdf.text(ofPage: $0).lines.isEmpty })
            let image = try pdf.render(page: 0, dpi: 300)
            #expect(image.pixels.contains { $0 < 128 }, "the scan is drawn, not a white page")
        }
    }

    @Test func aTruncatedPDFIsDamaged() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: Shared.russianTextPDF))
        let directory = try TemporaryDirectory()
        let path = try directory.file("truncated.pdf", whole.prefix(whole.count / 2))
        #expect(throws: PDFReadError.damaged("PDF document is damaged")) { try PDFFile(path: path) }
        #expect(throws: PDFReadError.damaged("PDF document is damaged")) { try PDFFile(data: whole.prefix(whole.count / 2)) }
    }

    @Test func anEmptyFileIsEmpty() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("empty.pdf", Data())
        #expect(throws: PDFReadError.empty) { try PDFFile(path: path) }
        #expect(throws: PDFReadError.empty) { try PDFFile(data: Data()) }
    }

    @Test func aFileWithoutThePDFHeaderIsNotAPDF() throws {
        let directory = try TemporaryDirectory()
        let jpeg = try Data(contentsOf: URL(fileURLWithPath: Shared.path("corpus/inbox/660711467386/05_seminar.jpg")))
        #expect(throws: PDFReadError.notAPDF) { try PDFFile(path: try directory.file("photo.pdf", jpeg)) }
        #expect(throws: PDFReadError.notAPDF) { try PDFFile(path: try directory.file("notes.pdf", Data("%PD no".utf8))) }
    }

    @Test func aHeaderAfterLeadingJunkStillCounts() throws {
        let pdf = try Data(contentsOf: URL(fileURLWithPath: Shared.russianTextPDF))
        let file = try PDFFile(data: Data(repeating: 0x20, count: 100) + pdf)
        #expect(file.text(ofPage: 0).text.contains("СВИДЕТЕЛЬСТВО"))
    }

    @Test func aMissingFileIsNotFound() {
        #expect(throws: PDFReadError.notFound) { try PDFFile(path: "/nonexistent/certificate.pdf") }
    }
}

@Suite("Text of a page")
struct TextTests {
    @Test func aRussianCertificateGivesItsWordsInLines() throws {
        let pdf = try PDFFile(path: Shared.russianTextPDF)
        #expect(pdf.pageCount == 1)
        let page = pdf.text(ofPage: 0)
        #expect(page.pageIndex == 0)
        #expect(page.text.contains("СВИДЕТЕЛЬСТВО"))
        #expect(page.text.contains("72 академических часов"))
        #expect(page.lines.first?.text == "СВИДЕТЕЛЬСТВО О ПОВЫШЕНИИ")
        #expect(words(page.text) == words(try pdftotext(Shared.russianTextPDF)))

        // The title is centred near the top of an A4 page, about 23 pt tall; every box is on
        // the page, and the lines go down the page.
        let title = page.lines[0].box
        #expect(abs((title.x + title.maxX) / 2 - 595.0 / 2) < 10)
        #expect(title.y > 50 && title.y < 120 && title.height > 15 && title.height < 30)
        for line in page.lines {
            #expect(line.box.x >= 0 && line.box.maxX <= 596 && line.box.y >= 0 && line.box.maxY <= 842)
            #expect(line.box.width > 0 && line.box.height > 0)
        }
        #expect(page.lines.map(\.box.y) == page.lines.map(\.box.y).sorted())
    }

    /// Poppler wraps right-to-left runs in bidi controls that have no rectangles; the boxes of
    /// the characters after them stay in step.
    @Test func rightToLeftTextKeepsItsBoxes() throws {
        let page = try PDFFile(path: Shared.realWorldPDFs + "/habibi.pdf").text(ofPage: 0)
        let line = try #require(page.lines.first)
        #expect(page.lines.count == 1 && line.text.contains("habibi"))
        #expect(abs(line.box.x - 63.2) < 1 && abs(line.box.maxX - 100.1) < 1 && abs(line.box.height - 14) < 1)
    }

    @Test func pagesCanBeReadFromSeveralTasksAtOnce() async throws {
        let pdf = try PDFFile(path: Shared.realWorldPDFs + "/habibi-rotated.pdf")
        let alone = (0..<pdf.pageCount).map { pdf.text(ofPage: $0).text }
        let together = await withTaskGroup(of: (Int, String).self) { group in
            for index in 0..<pdf.pageCount * 4 {
                group.addTask { (index % pdf.pageCount, pdf.text(ofPage: index % pdf.pageCount).text) }
            }
            return await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
        }
        #expect((0..<pdf.pageCount).map { together[$0] } == alone)
    }
}

@Suite("Rendering and reading scans")
struct RenderingTests {
    @Test func aPageRendersAtTheAskedResolution() throws {
        let image = try PDFFile(path: Shared.russianTextPDF).render(page: 0)
        // A4 is 595.28 × 841.89 pt: 2481 × 3508 pixels at 300 dpi.
        #expect((image.width, image.height, image.dpi) == (2481, 3508, 300))
        #expect(image.format == .gray8 && image.bytesPerRow == image.width)
        #expect(image.pixels.first == 255, "white paper")
    }

    @Test func aRotatedPageRendersTurned() throws {
        let image = try PDFFile(path: Shared.realWorldPDFs + "/habibi-rotated.pdf").render(page: 0, dpi: 72)
        #expect(image.width > image.height)
    }

    @Test func aResolutionBeyondThePixelBudgetIsLoweredToFitIt() throws {
        let image = try PDFFile(path: Shared.russianTextPDF).render(page: 0, dpi: 3000)
        #expect(image.width * image.height <= PDFFile.pixelBudget)
        #expect((300..<3000).contains(image.dpi), "\(image.dpi) dpi")
    }

    /// MediaBox widths of 10^29 and 10^400 (infinite as a double) made the render trap converting
    /// the page's pixel size to Int.
    @Test(arguments: [
        ("mediabox-30-digits.pdf", "page 1: 1e+29×842.0 pt cannot be rendered at 300 dpi or less"),
        ("mediabox-401-digits.pdf", "page 1: inf×842.0 pt cannot be rendered at 300 dpi or less"),
    ])
    func aPageNoResolutionFitsFailsToRender(name: String, reason: String) throws {
        let pdf = try PDFFile(path: Fixtures.path(name))
        #expect(throws: PDFReadError.renderFailed(reason)) { try pdf.render(page: 0, dpi: 300) }
    }

    /// ImageMagick's scans are 16 pixels square at 300 dpi: too small to read, not an error.
    @Test func aScanTooSmallToReadGivesNoText() throws {
        let image = try PDFFile(path: Shared.realWorldPDFs + "/imagemagick-CCITTFaxDecode.pdf").render(page: 0)
        #expect((image.width, image.height) == (16, 16))
        let page = try OCREngine().recognize(image)
        #expect(page.text.isEmpty && page.lines.isEmpty)
    }

    @Test func aKazakhScannedPDFIsReadByOCR() throws {
        let pdf = try PDFFile(path: Shared.kazakhScanPDF)
        #expect(pdf.text(ofPage: 0).text.isEmpty)
        let page = try OCREngine().recognize(try pdf.render(page: 0))
        for word in ["СЕРТИФИКАТ", "Туребеков Айдос Нурланович", "шұғыл көмек", "тақырыбындағы", "36 сағат көлемінде"] {
            #expect(page.text.contains(word), "\(word) in \(page.text)")
        }
    }
}

@Suite("Form fields")
struct FormFieldTests {
    @Test func valuesTypedIntoFormFieldsAreReadWithThePage() throws {
        let pdf = try PDFFile(path: Shared.realWorldPDFs + "/libreoffice-form.pdf")
        let lines = pdf.text(ofPage: 0).lines.map(\.text)
        #expect(lines.contains("Alice"))
        #expect(lines.contains("Bob"))
        #expect(lines.first == "Example for a Form", "the page's own text comes first")
    }
}
