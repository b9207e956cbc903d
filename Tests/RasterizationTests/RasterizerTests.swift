import CPangoCairo
import Foundation
import OCR
import Testing

@testable import Rasterization

/// The child process that decodes page images and photos: what it returns, and what a file
/// that makes a decoder loop or explode costs (its limit, and one error).
@Suite("Rasterizer")
struct RasterizerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    /// A Kazakh certificate scanned to an image-only PDF, and a phone photo (truth.json).
    static let scanPDF = shared.appendingPathComponent("corpus/inbox/720105316225/01_seminar.pdf").path
    static let photo = shared.appendingPathComponent("corpus/inbox/870922471602/04_advanced-training.jpg").path

    let rasterizer = Rasterizer.installed()

    @Test func aScannedPageComesBackAsTheInProcessRenderWouldGiveIt() throws {
        let image = try rasterizer.renderPage(ofPDF: Self.scanPDF, index: 0, dpi: 300)
        #expect(image.dpi == 300)
        #expect(image.format == .gray8)
        // An A4 page at 300 dpi.
        #expect((2400...2600).contains(image.width) && (3400...3600).contains(image.height))
        #expect(image.pixels.contains { $0 < 128 }, "the page has print on it")
    }

    @Test func aPhotoComesBackWithItsResolution() throws {
        let images = try rasterizer.decodeImage(at: Self.photo)
        let direct = try loadImage(path: Self.photo)
        #expect(images.count == 1)
        #expect(images.first?.pixels == direct.first?.pixels)
        #expect(images.first?.dpi == direct.first?.dpi)
    }

    /// libjpeg writes its complaint to standard error, where an officer's terminal or the
    /// service's log would show it bare; it comes back as the refusal's reason instead.
    @Test func aDamagedJPEGIsRefusedInTheDecodersWords() throws {
        let photo = try Data(contentsOf: URL(fileURLWithPath: Self.photo))
        var bytes = photo
        // Zeros inside the entropy-coded data; the end marker stays, so the file is not "cut short".
        let scan = try #require(photo.firstRange(of: Data([0xFF, 0xDA]))).upperBound
        for index in scan + 2_000..<scan + 2_010 { bytes[index] = 0 }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-damaged-\(UUID().uuidString).jpg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try bytes.write(to: URL(fileURLWithPath: path))
        do {
            _ = try rasterizer.decodeImage(at: path)
            Issue.record("a damaged JPEG decoded")
        } catch {
            #expect(error.description.contains("Corrupt JPEG data"), "\(error)")
        }
    }

    @Test func aRefusalCarriesTheReadersReason() {
        #expect(throws: RasterizationError.refused("not a PDF file (no %PDF- header)")) {
            try rasterizer.renderPage(ofPDF: #filePath, index: 0, dpi: 300)
        }
        #expect(throws: RasterizationError.refused("the PDF has no page 5")) {
            try rasterizer.renderPage(ofPDF: Self.scanPDF, index: 4, dpi: 300)
        }
    }

    /// poppler 22.12 lays out this broken multiline form field forever, taking 30 MB more each
    /// second; in-process it would hang the reading for good.
    @Test(.timeLimit(.minutes(1))) func aPageThatMakesPopplerLoopCostsItsTimeLimit() throws {
        var limited = rasterizer
        limited.timeLimit = .seconds(2)
        let started = ContinuousClock.now
        #expect(throws: RasterizationError.timedOut(what: "page 1", seconds: 2)) {
            try limited.renderPage(ofPDF: Self.fixtures.appendingPathComponent("poppler-multiline-field-hang.pdf").path, index: 0, dpi: 300)
        }
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test(.timeLimit(.minutes(1))) func aPageBeyondTheMemoryLimitFailsWithTheReason() throws {
        // An A0 page is drawn at about 100 megapixels: 400 MB of colour, over a 300 MB limit.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-a0-\(UUID().uuidString).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let surface = cairo_pdf_surface_create(path, 2_384, 3_370)
        let context = cairo_create(surface)
        cairo_move_to(context, 72, 72)
        cairo_show_text(context, "x")
        cairo_destroy(context)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)

        var limited = rasterizer
        limited.memoryLimit = 300 << 20
        do {
            _ = try limited.renderPage(ofPDF: path, index: 0, dpi: 300)
            Issue.record("a 100-megapixel page rendered within 300 MB")
        } catch {
            #expect(error.description.contains("300 MB") || error.description.contains("no memory"), "\(error)")
        }
        // With the default limit it renders.
        #expect(try rasterizer.renderPage(ofPDF: path, index: 0, dpi: 300).width > 0)
    }

    @Test func aMissingChildProgramIsNamed() {
        let missing = Rasterizer(executable: "/nonexistent/cpd")
        do {
            _ = try missing.decodeImage(at: Self.photo)
            Issue.record("a missing program decoded")
        } catch {
            #expect(error.description.contains("/nonexistent/cpd"))
        }
    }

    @Test func pgmRoundTripsSeveralImagesAndRefusesACutStream() throws {
        let first = RasterImage(width: 3, height: 2, bytesPerRow: 4, format: .gray8, pixels: [1, 2, 3, 0, 4, 5, 6, 0], dpi: 150)
        let second = RasterImage(width: 1, height: 1, bytesPerRow: 1, format: .gray8, pixels: [255], dpi: 0)
        let stream = PGMStream.encode(first) + PGMStream.encode(second)
        guard case .images(let images) = try PGMStream.decode(stream) else { Issue.record("no images"); return }
        #expect(images.map(\.pixels) == [[1, 2, 3, 4, 5, 6], [255]])
        #expect(images.map(\.dpi) == [150, 0])
        #expect(throws: PGMStream.Malformed.self) { try PGMStream.decode(stream.dropLast()) }
        guard case .failure(let reason) = try PGMStream.decode(PGMStream.failure("no")) else { Issue.record("no failure"); return }
        #expect(reason == "no")
    }
}
