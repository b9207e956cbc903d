import CPangoCairo
import Foundation

/// Lays blocks out on A4 pages with Pango and draws them into a PDF with cairo: real tables
/// with borders, page breaks that repeat a table's header, fonts embedded and subset.
struct PDFLayout {
    static let pageWidth = 595.276
    static let pageHeight = 841.89
    static let margins = (top: 48.0, left: 62.0, right: 42.0, bottom: 54.0)
    static let cellPadding = 4.0
    static let fontFamily = "DejaVu Serif"

    /// The PDF of `blocks`, with `title` in its metadata; `creationDate` (ISO 8601) fixes the
    /// date cairo would otherwise take from the clock, for output that must not change.
    static func render(_ blocks: [Block], title: String, creationDate: String? = nil) throws -> Data {
        let output = PDFStream()
        let box = Unmanaged.passRetained(output)
        defer { box.release() }
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            let stream = Unmanaged<PDFStream>.fromOpaque(closure!).takeUnretainedValue()
            stream.data.append(data!, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, box.toOpaque(), pageWidth, pageHeight) else { throw XHTMLBlocks.Failure(description: "cairo could not create a PDF surface") }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cpd")
        if let creationDate { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, creationDate) }
        let context = cairo_create(surface)!
        var page = Page(context: context)
        for block in blocks { page.draw(block) }
        page.finish()
        cairo_destroy(context)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw XHTMLBlocks.Failure(description: "cairo could not write the PDF: \(String(cString: cairo_status_to_string(status)))")
        }
        return output.data
    }

    /// Collects the PDF's bytes as cairo writes them.
    final class PDFStream {
        var data = Data()
    }

    /// The page being drawn and the vertical position on it.
    struct Page {
        let context: OpaquePointer
        var y = margins.top
        var number = 1
        var contentWidth: Double { pageWidth - margins.left - margins.right }
        var bottom: Double { pageHeight - margins.bottom }

        init(context: OpaquePointer) { self.context = context }

        mutating func draw(_ block: Block) {
            switch block {
            case .space(let height):
                y += height
            case .text(let markup, let style, let alignment):
                let layout = Self.layout(context, markup, style: style, width: contentWidth, alignment: alignment)
                defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
                let height = Self.height(layout)
                let before = style == .title ? 4.0 : style == .heading ? 8.0 : 3.0
                if y + before + height > bottom { newPage() } else { y += before }
                show(layout, x: margins.left, y: y)
                y += height + (style == .title ? 10 : 3)
            case .table(let widths, let header, let rows):
                drawTable(widths: widths, header: header, rows: rows)
            }
        }

        mutating func drawTable(widths: [Double], header: [[Block.Cell]], rows: [[Block.Cell]]) {
            y += 4
            let given = widths.isEmpty ? Array(repeating: 1.0 / Double(max(1, (header.first ?? rows.first ?? []).count)), count: (header.first ?? rows.first ?? []).count) : widths
            // Whole dates always; whole words of the body where they fit, else as nearly as the
            // page allows (a header's long words may break: they are the same on every form).
            let words = minimumWidths(columns: given.count, rows, wordsToo: true)
            let dates = minimumWidths(columns: given.count, header + rows, wordsToo: false)
            let columns = Self.fitted(given, minimums: Self.compromise(words: words, dates: dates, total: contentWidth), total: contentWidth)
            func rowHeight(_ row: [Block.Cell]) -> Double {
                var column = 0
                var height = 0.0
                for cell in row {
                    let width = cellWidth(columns, from: column, span: cell.columnSpan)
                    let layout = Self.layout(context, cell.markup, style: cell.isHeader ? .small : .cell, width: width - 2 * cellPadding, alignment: cell.alignment, bold: cell.isHeader)
                    height = max(height, Self.height(layout))
                    g_object_unref(UnsafeMutableRawPointer(layout))
                    column += cell.columnSpan
                }
                return height + 2 * cellPadding
            }
            func drawRow(_ row: [Block.Cell]) {
                let height = rowHeight(row)
                var column = 0
                var x = margins.left
                for cell in row {
                    let width = cellWidth(columns, from: column, span: cell.columnSpan)
                    if cell.isHeader {
                        cairo_set_source_rgb(context, 0.93, 0.93, 0.93)
                        cairo_rectangle(context, x, y, width, height)
                        cairo_fill(context)
                        cairo_set_source_rgb(context, 0, 0, 0)
                    }
                    cairo_set_line_width(context, 0.6)
                    cairo_rectangle(context, x, y, width, height)
                    cairo_stroke(context)
                    let layout = Self.layout(context, cell.markup, style: cell.isHeader ? .small : .cell, width: width - 2 * cellPadding, alignment: cell.alignment, bold: cell.isHeader)
                    show(layout, x: x + cellPadding, y: y + cellPadding)
                    g_object_unref(UnsafeMutableRawPointer(layout))
                    x += width
                    column += cell.columnSpan
                }
                y += height
            }
            let headerHeight = header.map(rowHeight).reduce(0, +)
            if y + headerHeight + (rows.first.map(rowHeight) ?? 0) > bottom { newPage() }
            header.forEach(drawRow)
            for row in rows {
                if y + rowHeight(row) > bottom {
                    newPage()
                    header.forEach(drawRow)
                }
                drawRow(row)
            }
            y += 6
        }

        /// The narrowest each column can be without breaking a date (`unbreakable`), or also
        /// without breaking a word: its cells' widest such run, padding included, in points.
        func minimumWidths(columns: Int, _ rows: [[Block.Cell]], wordsToo: Bool) -> [Double] {
            var minimums = Array(repeating: 0.0, count: columns)
            for row in rows {
                var column = 0
                for cell in row {
                    if cell.columnSpan == 1, column < columns {
                        let runs = Self.unbreakable(cell.markup) + (wordsToo ? Self.words(cell.markup) : [])
                        for run in runs {
                            let layout = Self.layout(context, run, style: cell.isHeader ? .small : .cell, width: -1, alignment: .left, bold: cell.isHeader)
                            var logical = PangoRectangle()
                            pango_layout_get_extents(layout, nil, &logical)
                            g_object_unref(UnsafeMutableRawPointer(layout))
                            minimums[column] = max(minimums[column], Double(logical.width) / Double(PANGO_SCALE) + 2 * cellPadding)
                        }
                    }
                    column += cell.columnSpan
                }
            }
            return minimums
        }

        static let unbreakableRun = try! NSRegularExpression(pattern: #"<span allow_breaks="false">([^<]*)</span>"#)
        static let tag = try! NSRegularExpression(pattern: "<[^>]*>")

        /// The runs of a cell's markup no break may fall in: its dates.
        static func unbreakable(_ markup: String) -> [String] {
            unbreakableRun.matches(in: markup, range: NSRange(markup.startIndex..., in: markup)).map {
                String(markup[Range($0.range(at: 1), in: markup)!])
            }
        }

        /// The words of a cell's text (its markup without tags), as markup.
        static func words(_ markup: String) -> [String] {
            let text = tag.stringByReplacingMatches(in: markup, range: NSRange(markup.startIndex..., in: markup), withTemplate: " ")
            return text.split(whereSeparator: \.isWhitespace).map(String.init)
        }

        func cellWidth(_ columns: [Double], from column: Int, span: Int) -> Double {
            columns[min(column, columns.count)..<min(column + span, columns.count)].reduce(0, +) * contentWidth
        }

        mutating func newPage() {
            drawPageNumber()
            cairo_show_page(context)
            number += 1
            y = margins.top
        }

        mutating func finish() {
            drawPageNumber()
            cairo_show_page(context)
        }

        func drawPageNumber() {
            let layout = Self.layout(context, "\(number)", style: .small, width: contentWidth, alignment: .center)
            show(layout, x: margins.left, y: pageHeight - margins.bottom + 18)
            g_object_unref(UnsafeMutableRawPointer(layout))
        }

        func show(_ layout: OpaquePointer, x: Double, y: Double) {
            cairo_move_to(context, x, y)
            pango_cairo_show_layout(context, layout)
        }

        /// The template's column fractions, widened where a column is narrower than its widest
        /// unbreakable run and narrowed elsewhere in proportion. When even the runs do not fit,
        /// each column gets its share of the page in proportion to its run.
        static func fitted(_ fractions: [Double], minimums: [Double], total: Double) -> [Double] {
            let needed = minimums.reduce(0, +)
            guard needed > 0, needed <= total else { return needed > 0 ? minimums.map { $0 / needed } : fractions }
            var fixed = Set<Int>()
            while true {
                let free = total - fixed.map { minimums[$0] }.reduce(0, +)
                let share = fractions.indices.filter { !fixed.contains($0) }.map { fractions[$0] }.reduce(0, +)
                let widths = fractions.indices.map { fixed.contains($0) ? minimums[$0] : fractions[$0] / share * free }
                let short = widths.indices.filter { !fixed.contains($0) && widths[$0] < minimums[$0] }
                if short.isEmpty { return widths.map { $0 / total } }
                fixed.formUnion(short)
            }
        }

        /// Each column's minimum: its words' where they all fit in `total`, else its dates' plus
        /// the same share of what its words need beyond them.
        static func compromise(words: [Double], dates: [Double], total: Double) -> [Double] {
            guard words.reduce(0, +) > total else { return words }
            let beyond = zip(words, dates).map { max(0, $0 - $1) }
            let room = total - dates.reduce(0, +)
            guard room > 0, beyond.reduce(0, +) > 0 else { return dates }
            let share = room / beyond.reduce(0, +)
            return zip(dates, beyond).map { $0 + $1 * share }
        }

        static func layout(
            _ context: OpaquePointer, _ markup: String, style: Block.TextStyle, width: Double, alignment: Block.Alignment, bold: Bool = false
        ) -> OpaquePointer {
            let layout = pango_cairo_create_layout(context)!
            let size = switch style {
                case .title: 13.0
                case .heading: 11.0
                case .body, .signature: 10.0
                case .cell: 9.0
                case .small: 8.5
            }
            let weight = style == .title || style == .heading || bold ? " Bold" : ""
            let font = pango_font_description_from_string("\(fontFamily)\(weight) \(size)")
            pango_layout_set_font_description(layout, font)
            pango_font_description_free(font)
            // A negative width lays the text out on one line, to measure it.
            pango_layout_set_width(layout, width < 0 ? -1 : Int32(width * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            switch alignment {
            case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
            case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
            case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
            case .justify: pango_layout_set_justify(layout, 1)
            }
            pango_layout_set_markup(layout, markup, -1)
            return layout
        }

        static func height(_ layout: OpaquePointer) -> Double {
            var width: Int32 = 0
            var height: Int32 = 0
            pango_layout_get_size(layout, &width, &height)
            return Double(height) / Double(PANGO_SCALE)
        }
    }
}
