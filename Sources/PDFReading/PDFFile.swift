import CPoppler
import Foundation
import OCR

/// An open PDF document. `@unchecked Sendable` because poppler's document is not safe to use
/// from two threads at once: every call into it is made with `lock` held.
public final class PDFFile: @unchecked Sendable {
    public let pageCount: Int
    private let document: OpaquePointer
    private let lock = NSLock()

    public convenience init(path: String) throws(PDFReadError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .damaged("\(path) cannot be opened for reading")
        }
        let head: Data
        do {
            defer { try? handle.close() }
            head = try handle.read(upToCount: 1024) ?? Data()
        } catch {
            throw .damaged("\(path) cannot be read: \(error.localizedDescription)")
        }
        try Self.checkHeader(head)
        var error: UnsafeMutablePointer<GError>?
        // A URI needs an absolute path; a relative one is the current directory's.
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        guard let uri = g_filename_to_uri(absolute, nil, &error) else { throw Self.readError(taking: error) }
        defer { g_free(uri) }
        try self.init(opening: poppler_document_new_from_file(uri, nil, &error), error: error)
    }

    public convenience init(data: Data) throws(PDFReadError) {
        try Self.checkHeader(data.prefix(1024))
        var error: UnsafeMutablePointer<GError>?
        let bytes = data.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(bytes) }
        try self.init(opening: poppler_document_new_from_bytes(bytes, nil, &error), error: error)
    }

    private init(opening document: OpaquePointer?, error: UnsafeMutablePointer<GError>?) throws(PDFReadError) {
        guard let document else { throw Self.readError(taking: error) }
        let count = Int(poppler_document_get_n_pages(document))
        // A broken page tree can claim pages poppler cannot load; the first one tells.
        let first = count > 0 ? poppler_document_get_page(document, 0) : nil
        guard let first else {
            g_object_unref(UnsafeMutableRawPointer(document))
            if count == 0 { throw .empty }
            throw .damaged("its first page cannot be loaded")
        }
        g_object_unref(UnsafeMutableRawPointer(first))
        self.document = document
        self.pageCount = count
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(document)) }

    /// The page's text layer in reading order. A page that cannot be loaded has no lines.
    /// The page's text in reading order, then the values typed into its form fields: a
    /// certificate made from a fillable template carries the holder's name there, and poppler's
    /// page text leaves such values out.
    public func text(ofPage index: Int) -> PageText {
        PageText(pageIndex: index, lines: withPage(index) { page in page.map { Self.lines(of: $0) + Self.formFieldLines(of: $0) } ?? [] })
    }

    /// The page's width and height in points.
    public func size(ofPage index: Int) -> (width: Double, height: Double) {
        withPage(index) { page in
            var width = 0.0, height = 0.0
            if let page { poppler_page_get_size(page, &width, &height) }
            return (width, height)
        }
    }

    /// The page as an 8-bit gray image on white, `dpi` dots per inch, for OCR.
    public func render(page index: Int, dpi: Int = 300) throws(PDFReadError) -> RasterImage {
        try withPage(index) { page throws(PDFReadError) in
            guard let page else { throw .renderFailed("page \(index + 1) cannot be loaded") }
            return try Self.rasterize(page, dpi: dpi, number: index + 1)
        }
    }

    private func withPage<T, E: Error>(_ index: Int, _ body: (OpaquePointer?) throws(E) -> T) throws(E) -> T {
        precondition((0..<pageCount).contains(index), "page \(index) of a \(pageCount)-page PDF")
        lock.lock()
        defer { lock.unlock() }
        let page = poppler_document_get_page(document, Int32(index))
        defer { page.map { g_object_unref(UnsafeMutableRawPointer($0)) } }
        return try body(page)
    }

    // MARK: Text

    /// The non-empty values of the page's text fields, top to bottom, each boxed by its field
    /// (poppler's form rectangles have their origin at the bottom left).
    private static func formFieldLines(of page: OpaquePointer) -> [TextLine] {
        guard let mapping = poppler_page_get_form_field_mapping(page) else { return [] }
        defer { poppler_page_free_form_field_mapping(mapping) }
        var height = 0.0, width = 0.0
        poppler_page_get_size(page, &width, &height)
        var lines: [TextLine] = []
        var node: UnsafeMutablePointer<GList>? = mapping
        while let current = node {
            if let entry = current.pointee.data?.assumingMemoryBound(to: PopplerFormFieldMapping.self).pointee,
                poppler_form_field_get_field_type(entry.field) == POPPLER_FORM_FIELD_TEXT,
                let value = poppler_form_field_text_get_text(entry.field)
            {
                let text = String(cString: value).trimmingCharacters(in: .whitespacesAndNewlines)
                g_free(value)
                let area = entry.area
                if !text.isEmpty {
                    lines.append(TextLine(text: text, box: Box(x: area.x1, y: height - area.y2, width: area.x2 - area.x1, height: area.y2 - area.y1)))
                }
            }
            node = current.pointee.next
        }
        return lines.sorted { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
    }

    /// Poppler's text of the page comes with one rectangle per character. Lines are cut at the
    /// newlines and boxed by their visible characters' rectangles.
    private static func lines(of page: OpaquePointer) -> [TextLine] {
        guard let cText = poppler_page_get_text(page) else { return [] }
        defer { g_free(cText) }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var rectangleCount: guint = 0
        poppler_page_get_text_layout(page, &rectangles, &rectangleCount)
        defer { g_free(rectangles) }
        let layout = UnsafeBufferPointer(start: rectangles, count: rectangles == nil ? 0 : Int(rectangleCount))

        let text = String(cString: cText)
        // Poppler marks right-to-left runs with bidi controls that have no rectangle of their own.
        let positioned = text.unicodeScalars.filter { !isBidiControl($0) }.count
        let hasBoxes = positioned == layout.count

        var lines: [TextLine] = []
        var line = String.UnicodeScalarView()
        var box: Box?
        var previous: Box?
        var next = 0
        func closeLine() {
            let lineText = String(line)
            if !lineText.allSatisfy(\.isWhitespace) {
                lines.append(TextLine(text: lineText, box: box ?? Box(x: 0, y: 0, width: 0, height: 0)))
            }
            line.removeAll()
            box = nil
            previous = nil
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                next += 1
                closeLine()
                continue
            }
            if !isBidiControl(scalar) {
                if hasBoxes {
                    let r = layout[next]
                    let character = Box(x: r.x1, y: r.y1, width: r.x2 - r.x1, height: r.y2 - r.y1)
                    if scalar.properties.isWhitespace {
                        previous = nil
                    } else {
                        // Poppler runs table cells on one line together ("ContinentAsia"):
                        // a gap wider than a space between two glyphs gets one.
                        if let previous, character.x - previous.maxX > Self.wordGap * max(character.height, previous.height) {
                            line.append(" ")
                        }
                        box = box.map { $0.union(character) } ?? character
                        previous = character
                    }
                }
                next += 1
            }
            line.append(scalar)
        }
        closeLine()
        return lines
    }

    /// A horizontal gap between glyphs, as a share of their height, that separates words: wider
    /// than letter spacing and kerning, narrower than a space in most fonts (about 0.25 em).
    private static let wordGap = 0.4

    private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    // MARK: Rendering

    /// Cairo's limit on either side of an image surface.
    private static let maximumSide = 32_767

    /// The most pixels a page is rendered with (100 megapixels, 400 MB while drawn): a larger
    /// page is rendered at a lower resolution, down to `minimumDPI`, and refused beyond that.
    public static let pixelBudget = 100_000_000
    /// Below this, print is too coarse to recognise.
    public static let minimumDPI = 150

    private static func rasterize(_ page: OpaquePointer, dpi requested: Int, number: Int) throws(PDFReadError) -> RasterImage {
        var widthInPoints = 0.0, heightInPoints = 0.0
        poppler_page_get_size(page, &widthInPoints, &heightInPoints)
        // Compared before converted: a damaged MediaBox gives any double (10^29, infinity), and
        // converting one too large for Int traps.
        guard widthInPoints.isFinite, heightInPoints.isFinite, widthInPoints > 0, heightInPoints > 0,
            widthInPoints < 1e7, heightInPoints < 1e7
        else {
            throw .renderFailed("page \(number): \(widthInPoints)×\(heightInPoints) pt cannot be rendered at \(requested) dpi or less")
        }
        let area = widthInPoints / 72 * heightInPoints / 72
        let affordable = Int(min(Double(requested), (Double(pixelBudget) / area).squareRoot()))
        guard affordable >= min(requested, minimumDPI) else {
            throw .pageTooLarge(page: number, widthPoints: Int(widthInPoints), heightPoints: Int(heightInPoints))
        }
        let dpi = min(requested, affordable)
        let scale = Double(dpi) / 72
        let width = Int((widthInPoints * scale).rounded(.up)), height = Int((heightInPoints * scale).rounded(.up))
        guard dpi > 0, (1...maximumSide).contains(width), (1...maximumSide).contains(height) else {
            throw .renderFailed(
                "page \(number): \(Int(widthInPoints))×\(Int(heightInPoints)) pt at \(dpi) dpi is \(width)×\(height) pixels")
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw .renderFailed("page \(number): no memory for a \(width)×\(height) image")
        }
        let context = cairo_create(surface)
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        poppler_page_render_for_printing(page, context)
        let status = cairo_status(context)
        cairo_destroy(context)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .renderFailed("page \(number): \(String(cString: cairo_status_to_string(status)))")
        }
        cairo_surface_flush(surface)

        let stride = Int(cairo_image_surface_get_stride(surface))
        // Kept as gray: a quarter of the memory, and all that OCR reads.
        return RasterImage.grayscale(
            width: width, height: height, bytesPerRow: stride, format: .bgra32,
            bytes: UnsafeRawBufferPointer(start: cairo_image_surface_get_data(surface), count: stride * height), dpi: dpi)
    }

    // MARK: Errors

    private static func checkHeader(_ head: Data) throws(PDFReadError) {
        guard !head.isEmpty else { throw .empty }
        guard head.range(of: Data("%PDF-".utf8)) != nil else { throw .notAPDF }
    }

    private static func readError(taking error: UnsafeMutablePointer<GError>?) -> PDFReadError {
        guard let error else { return .damaged("poppler gave no reason") }
        defer { g_error_free(error) }
        if error.pointee.domain == poppler_error_quark() && error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
            return .encrypted
        }
        return .damaged(String(cString: error.pointee.message))
    }
}
