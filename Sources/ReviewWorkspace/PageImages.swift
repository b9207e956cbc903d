import CPangoCairo
import Foundation
import Intake
import OCR
import Rasterization

/// A document's pages as the officer sees them, to put beside the facts. The lines facts were
/// read from are marked over the image from their provenance's regions, fractions of the page,
/// so the image's resolution is free.
enum PageImages {
    /// Pages are shown at this resolution: legible, and a few hundred kilobytes each.
    static let dpi = 100
    /// A photo is scaled down to this width at most.
    static let maximumWidth = 1400

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Page `number` (from 1) of the file, as PNG. Decoding runs in the limited child process the
    /// intake uses, so a hostile file costs the server nothing but a refusal.
    static func png(of path: String, source: SourceKind?, page number: Int, rasterizer: Rasterizer) throws -> Data {
        let image: RasterImage
        switch source {
        case .pdfText, .pdfOCR:
            image = try rasterizer.renderPage(ofPDF: path, index: number - 1, dpi: dpi)
        case .imageOCR:
            let pages = try rasterizer.decodeImage(at: path)
            guard pages.indices.contains(number - 1) else { throw Failure(description: "no page \(number)") }
            image = pages[number - 1]
        case .xml, nil:
            throw Failure(description: "a record has no page to show")
        }
        return try png(image)
    }

    /// The image as PNG through cairo, gray or colour as it is, scaled to `maximumWidth`.
    static func png(_ image: RasterImage) throws -> Data {
        let scale = min(1, Double(maximumWidth) / Double(max(image.width, 1)))
        let width = max(1, Int((Double(image.width) * scale).rounded())), height = max(1, Int((Double(image.height) * scale).rounded()))
        // cairo reads 32-bit pixels in native order; a gray byte becomes the same value in each channel.
        var pixels = [UInt32](repeating: 0, count: image.width * image.height)
        image.pixels.withUnsafeBytes { bytes in
            for y in 0..<image.height {
                let row = y * image.bytesPerRow
                for x in 0..<image.width {
                    switch image.format {
                    case .gray8:
                        let gray = UInt32(bytes[row + x])
                        pixels[y * image.width + x] = 0xFF00_0000 | gray << 16 | gray << 8 | gray
                    case .bgra32:
                        let at = row + x * 4
                        pixels[y * image.width + x] = 0xFF00_0000 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
                    }
                }
            }
        }
        guard let output = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { throw Failure(description: "no memory for the page") }
        defer { cairo_surface_destroy(output) }
        pixels.withUnsafeMutableBytes { bytes in
            let source = cairo_image_surface_create_for_data(
                bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_RGB24, Int32(image.width), Int32(image.height), Int32(image.width * 4))
            let context = cairo_create(output)
            cairo_scale(context, scale, scale)
            cairo_set_source_surface(context, source, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD)
            cairo_paint(context)
            cairo_destroy(context)
            cairo_surface_destroy(source)
        }
        final class Sink { var data = Data() }
        let sink = Sink()
        let status = cairo_surface_write_to_png_stream(output, { closure, bytes, length in
            let sink = Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue()
            sink.data.append(bytes!, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw Failure(description: "the page could not be written as PNG") }
        return sink.data
    }
}
