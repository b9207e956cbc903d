import CPangoCairo
import Foundation
import PDFReading
import Testing

/// Pages too large to render within the pixel budget: rendered at a lower resolution while
/// that reads, refused with the page's size beyond.
@Suite("Page size limits")
struct PageSizeLimitTests {
    /// A one-page PDF of `width`×`height` points, drawn by cairo, with a line of text.
    func pdf(width: Double, height: Double) throws -> (path: String, remove: () -> Void) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-page-\(UUID().uuidString).pdf").path
        let surface = cairo_pdf_surface_create(path, width, height)
        let context = cairo_create(surface)
        cairo_move_to(context, 72, 72)
        cairo_show_text(context, "x")
        cairo_destroy(context)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return (path, { try? FileManager.default.removeItem(atPath: path) })
    }

    @Test(.timeLimit(.minutes(1))) func aPageOf7800PointsIsRefusedUnrendered() throws {
        let (path, remove) = try pdf(width: 7_800, height: 7_800)
        defer { remove() }
        let file = try PDFFile(path: path)
        #expect(throws: PDFReadError.pageTooLarge(page: 1, widthPoints: 7_800, heightPoints: 7_800)) { try file.render(page: 0) }
    }

    @Test func anA0PageIsRenderedWithinTheBudgetAtALowerResolution() throws {
        let (path, remove) = try pdf(width: 2_384, height: 3_370)
        defer { remove() }
        let image = try PDFFile(path: path).render(page: 0)
        #expect(image.width * image.height <= PDFFile.pixelBudget)
        #expect((PDFFile.minimumDPI..<300).contains(image.dpi))
    }
}
