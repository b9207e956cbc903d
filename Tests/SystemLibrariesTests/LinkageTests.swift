import CLibXML2
import CPangoCairo
import CPoppler
import CTesseract
import Foundation  // with CLibXML2 in the same file: the ICU clash stays fixed
import Testing

/// Each C library the toolkit reads or writes with must compile, link and answer a call.
@Suite("System libraries link and answer")
struct LinkageTests {
    @Test func popplerReportsItsVersion() {
        let version = String(cString: poppler_get_version())
        #expect(version.split(separator: ".").count >= 2)
    }

    @Test func libxml2MatchesItsHeaders() {
        // xmlCheckVersion aborts on an ABI mismatch between the headers and the library.
        xmlCheckVersion(LIBXML_VERSION)
        #expect(LIBXML_VERSION >= 20900)
    }

    @Test func tesseractAndLeptonicaOpenAndReportVersions() {
        #expect(cpd_load_ocr_libraries(1, nil) == 0)
        #expect(String(cString: TessVersion()).hasPrefix("5") || String(cString: TessVersion()).hasPrefix("4"))
        let leptonica = getLeptonicaVersion()!
        defer { lept_free(leptonica) }
        #expect(String(cString: leptonica).contains("leptonica"))
    }

    @Test func pangoCairoDrawsKazakhTextIntoAPDF() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("cpd-linkage-\(UUID().uuidString).pdf").path
        let surface = cairo_pdf_surface_create(path, 595, 842)
        let context = cairo_create(surface)
        let layout = pango_cairo_create_layout(context)
        pango_layout_set_text(layout, "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі", -1)
        pango_cairo_show_layout(context, layout)
        cairo_show_page(context)
        g_object_unref(UnsafeMutableRawPointer(layout))
        cairo_destroy(context)
        cairo_surface_finish(surface)
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        cairo_surface_destroy(surface)
        try FileManager.default.removeItem(atPath: path)
    }
}
