import CLibXML2
import Foundation

/// A rendered form, cut into the blocks a page is laid out from: the PDF is drawn from the same
/// XHTML the HTML file holds, so a template is the one source of a form's wording.
enum Block: Equatable {
    enum Alignment: Equatable { case left, center, right, justify }

    struct Cell: Equatable {
        var markup: String
        var columnSpan: Int
        var isHeader: Bool
        var alignment: Alignment
    }

    /// A heading (1 or 2) or a paragraph; `markup` is Pango markup.
    case text(markup: String, style: TextStyle, alignment: Alignment)
    /// Column widths as fractions of the page, and rows of cells; header rows repeat on each page.
    case table(widths: [Double], header: [[Cell]], rows: [[Cell]])
    case space(Double)

    /// `cell` is a table cell's body text, a little smaller than a paragraph's.
    enum TextStyle: Equatable { case title, heading, body, cell, small, signature }
}

enum XHTMLBlocks {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The blocks of the document's `<body>`. The XHTML comes from our own templates; it is still
    /// parsed without network or entity expansion, like any XML here.
    static func blocks(of xhtml: String) throws -> [Block] {
        let bytes = Array(xhtml.utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOBLANKS.rawValue)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "form.xhtml", "UTF-8", options)
            }
        }) else {
            throw Failure(description: "the rendered form is not well-formed XHTML: \(lastError())")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), let body = children(root).first(where: { name($0) == "body" }) else {
            throw Failure(description: "the rendered form has no <body>")
        }
        var blocks: [Block] = []
        collect(body, into: &blocks)
        return blocks
    }

    private static func collect(_ node: xmlNodePtr, into blocks: inout [Block]) {
        for child in children(node) {
            let classes = attribute(child, "class")?.split(separator: " ").map(String.init) ?? []
            let alignment: Block.Alignment = classes.contains("center") ? .center : classes.contains("right") ? .right : classes.contains("justify") ? .justify : .left
            switch name(child) {
            case "h1": blocks.append(.text(markup: markup(child), style: .title, alignment: .center))
            case "h2": blocks.append(.text(markup: markup(child), style: .heading, alignment: alignment))
            case "p":
                let style: Block.TextStyle = classes.contains("small") ? .small : classes.contains("signature") ? .signature : .body
                blocks.append(.text(markup: markup(child), style: style, alignment: alignment))
            case "table": blocks.append(table(child))
            case "hr", "br": blocks.append(.space(8))
            case "div", "section", "header", "footer", "main": collect(child, into: &blocks)
            default: break
            }
        }
    }

    private static func table(_ node: xmlNodePtr) -> Block {
        let widths = (attribute(node, "data-widths") ?? "").split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        var header: [[Block.Cell]] = []
        var rows: [[Block.Cell]] = []
        func readRows(_ parent: xmlNodePtr, asHeader: Bool) {
            for row in children(parent) where name(row) == "tr" {
                let cells = children(row).filter { ["td", "th"].contains(name($0)) }.map { cell in
                    let classes = attribute(cell, "class") ?? ""
                    return Block.Cell(
                        markup: markup(cell), columnSpan: Int(attribute(cell, "colspan") ?? "1") ?? 1, isHeader: name(cell) == "th",
                        alignment: classes.contains("center") ? .center : classes.contains("right") ? .right : .left)
                }
                if asHeader { header.append(cells) } else { rows.append(cells) }
            }
        }
        for part in children(node) where ["thead", "tbody", "tfoot"].contains(name(part)) {
            readRows(part, asHeader: name(part) == "thead")
        }
        readRows(node, asHeader: false)  // rows written straight inside <table>
        return .table(widths: normalized(widths), header: header, rows: rows)
    }

    private static func normalized(_ widths: [Double]) -> [Double] {
        let total = widths.reduce(0, +)
        return total > 0 ? widths.map { $0 / total } : widths
    }

    /// Pango markup of an element's inline content: text escaped, <b>, <i>, <u>, <br/>,
    /// <span class="small"> and <span class="date">.
    static func markup(_ node: xmlNodePtr) -> String {
        var result = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = content(current).replacingOccurrences(of: "\n", with: " ")
                result += escape(text.replacingOccurrences(of: "  ", with: " "))
            case XML_ELEMENT_NODE:
                switch name(current) {
                case "b", "strong": result += "<b>\(markup(current))</b>"
                case "i", "em": result += "<i>\(markup(current))</i>"
                case "u": result += "<u>\(markup(current))</u>"
                case "br": result += "\n"
                case "span" where (attribute(current, "class") ?? "").contains("small"): result += "<span size=\"smaller\">\(markup(current))</span>"
                // A date is never broken across lines, whatever the width of its column.
                case "span" where (attribute(current, "class") ?? "").split(separator: " ").contains("date"):
                    result += "<span allow_breaks=\"false\">\(markup(current))</span>"
                default: result += markup(current)
                }
            default: break
            }
            child = current.pointee.next
        }
        return result.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    private static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    private static func name(_ node: xmlNodePtr) -> String { String(cString: node.pointee.name) }

    /// Attribute and text values read from the tree itself: nothing allocated, nothing to free.
    private static func attribute(_ node: xmlNodePtr, _ attribute: String) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if let name = current.pointee.name, String(cString: name) == attribute {
                return text(of: current.pointee.children)
            }
            property = current.pointee.next
        }
        return nil
    }

    private static func content(_ node: xmlNodePtr) -> String {
        node.pointee.content.map { String(cString: $0) } ?? ""
    }

    private static func text(of first: xmlNodePtr?) -> String {
        var result = ""
        var node = first
        while let current = node {
            if let content = current.pointee.content { result += String(cString: content) }
            node = current.pointee.next
        }
        return result
    }

    private static func lastError() -> String {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return "unknown error" }
        return "line \(error.pointee.line): \(String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines))"
    }
}
