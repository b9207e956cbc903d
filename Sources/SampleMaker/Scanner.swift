import CPangoCairo
import CTesseract
import Foundation
import OCR
import PDFReading

/// Turns a clean PDF page into what a scanner or a phone makes of it: a little rotated, grey
/// specks, saved as a JPEG photo or as an image-only PDF.
struct Scanner {
    /// A small deterministic generator (SplitMix64), so the samples come out the same each run.
    struct Noise {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    let dpi: Int
    var degrees: Double
    var noise: Noise

    /// The page as a cairo image: rotated on a white sheet, with specks.
    func scan(_ pdf: Data) throws -> OpaquePointer {
        let page = try PDFFile(data: pdf).render(page: 0, dpi: dpi)
        var rgb = [UInt32](repeating: 0, count: page.width * page.height)
        for y in 0..<page.height {
            for x in 0..<page.width {
                let gray = UInt32(page.pixels[y * page.bytesPerRow + x])
                rgb[y * page.width + x] = 0xFF00_0000 | gray << 16 | gray << 8 | gray
            }
        }
        let output = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(page.width), Int32(page.height))!
        rgb.withUnsafeMutableBytes { bytes in
            let source = cairo_image_surface_create_for_data(
                bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_RGB24, Int32(page.width), Int32(page.height),
                Int32(page.width * 4))
            let context = cairo_create(output)
            cairo_set_source_rgb(context, 0.97, 0.97, 0.96)
            cairo_paint(context)
            cairo_translate(context, Double(page.width) / 2, Double(page.height) / 2)
            cairo_rotate(context, degrees * .pi / 180)
            cairo_translate(context, -Double(page.width) / 2, -Double(page.height) / 2)
            cairo_set_source_surface(context, source, 0, 0)
            cairo_paint(context)
            cairo_destroy(context)
            cairo_surface_destroy(source)
        }
        addSpecks(to: output)
        return output
    }

    private func addSpecks(to surface: OpaquePointer) {
        var noise = self.noise
        let context = cairo_create(surface)
        let width = Double(cairo_image_surface_get_width(surface))
        let height = Double(cairo_image_surface_get_height(surface))
        for _ in 0..<4000 {
            let x = Double(noise.next() % UInt64(width))
            let y = Double(noise.next() % UInt64(height))
            let shade = 0.45 + Double(noise.next() % 40) / 100
            cairo_set_source_rgb(context, shade, shade, shade)
            cairo_rectangle(context, x, y, 1 + Double(noise.next() % 2), 1 + Double(noise.next() % 2))
            cairo_fill(context)
        }
        cairo_destroy(context)
    }

    /// A JPEG photo of the page (through leptonica, as cairo writes only PNG).
    func writeJPEG(_ pdf: Data, to url: URL) throws {
        let surface = try scan(pdf)
        defer { cairo_surface_destroy(surface) }
        let png = url.deletingPathExtension().appendingPathExtension("tmp.png")
        cairo_surface_write_to_png(surface, png.path)
        defer { try? FileManager.default.removeItem(at: png) }
        guard cpd_load_ocr_libraries(0, nil) == 0, let pix = pixRead(png.path) else { throw CocoaError(.fileReadCorruptFile) }
        var image: UnsafeMutablePointer<PIX>? = pix
        defer { pixDestroy(&image) }
        pixSetResolution(pix, Int32(dpi), Int32(dpi))
        guard pixWriteJpeg(url.path, pix, 80, 0) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// A PDF whose only content is the page's image, as a scanner saves it.
    func writeImagePDF(_ pdf: Data, to url: URL) throws {
        let surface = try scan(pdf)
        defer { cairo_surface_destroy(surface) }
        let document = cairo_pdf_surface_create(url.path, 595.276, 841.89)
        cairo_pdf_surface_set_metadata(document, CAIRO_PDF_METADATA_CREATE_DATE, "2026-11-01T09:00:00")
        cairo_pdf_surface_set_metadata(document, CAIRO_PDF_METADATA_CREATOR, "Scanner")
        let context = cairo_create(document)
        cairo_scale(context, 72 / Double(dpi), 72 / Double(dpi))
        cairo_set_source_surface(context, surface, 0, 0)
        cairo_paint(context)
        cairo_show_page(context)
        cairo_destroy(context)
        cairo_surface_finish(document)
        cairo_surface_destroy(document)
    }
}
