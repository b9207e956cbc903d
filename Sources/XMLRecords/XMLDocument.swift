import CLibXML2

/// libxml2 sets up its global tables on first use; doing that from two threads at once is a race,
/// so it is done exactly once, before any parse (a global `let` is initialised once, atomically).
private let libxml2Initialised: Void = xmlInitParser()

/// The parser options: never touch the network, keep lines past 65535 exact, merge CDATA into
/// text. Deliberately absent: `XML_PARSE_NOENT` (substitute entities), `XML_PARSE_DTDLOAD`
/// (fetch the external DTD) and `XML_PARSE_HUGE` (lift libxml2's size and depth limits).
private let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

/// What the C callbacks of one parse learn: the first error and, if the DTD declared one, the
/// entity that made the document refused. One instance per parse, reached through `_private`.
private final class ParseReport {
    var firstError: (line: Int, message: String)?
    var forbiddenEntity: String?
}

/// Parses `bytes` in memory and hands the root element to `body`; the tree is freed on return, so
/// nothing from it may escape `body` except Swift values.
///
/// A DTD that declares any entity stops the parse at that declaration, before anything can be
/// expanded or fetched; the external DTD a DOCTYPE names is never loaded.
func withXMLDocument<Result>(
    _ bytes: UnsafeRawBufferPointer, body: (ParsedElement) throws(XMLRecordError.Reason) -> Result
) throws(XMLRecordError.Reason) -> Result {
    _ = libxml2Initialised
    guard bytes.count <= Int(Int32.max) else { throw .tooLarge(bytes: bytes.count, limit: Int(Int32.max)) }
    guard let base = bytes.baseAddress else { throw .empty }
    guard let context = xmlNewParserCtxt() else { throw .notWellFormed(line: 1, message: "libxml2 could not allocate a parser") }
    defer { xmlFreeParserCtxt(context) }
    guard let sax = context.pointee.sax else { throw .notWellFormed(line: 1, message: "libxml2 could not allocate a parser") }

    let report = ParseReport()
    // The handler table is the context's own copy, so changing it affects no other parse.
    sax.pointee.entityDecl = refuseEntity
    sax.pointee.unparsedEntityDecl = refuseUnparsedEntity
    sax.pointee.externalSubset = nil
    sax.pointee.serror = recordError
    context.pointee._private = Unmanaged.passUnretained(report).toOpaque()
    // libxml2 returns the document only when it is well-formed, and frees it otherwise.
    let document = xmlCtxtReadMemory(
        context, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, nil, parseOptions)
    context.pointee._private = nil
    defer { if let document { xmlFreeDoc(document) } }

    if let entity = report.forbiddenEntity {
        throw .forbiddenDoctype(reason: "the DTD declares \(entity); entity declarations are refused")
    }
    guard let document, context.pointee.nsWellFormed != 0, let root = xmlDocGetRootElement(document)
    else {
        let error = report.firstError ?? (line: 1, message: "the document is not well-formed XML")
        throw .notWellFormed(line: error.line, message: error.message)
    }
    return try body(ParsedElement(root: root))
}

private func report(of context: UnsafeMutableRawPointer?) -> ParseReport? {
    // SAX callbacks receive the parser context as their user data.
    guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self),
        let opaque = parser.pointee._private
    else { return nil }
    return Unmanaged<ParseReport>.fromOpaque(opaque).takeUnretainedValue()
}

private let refuseEntity: entityDeclSAXFunc = { context, name, type, _, systemID, _ in
    let kind =
        switch xmlEntityType(UInt32(type)) {
        case XML_INTERNAL_PARAMETER_ENTITY, XML_EXTERNAL_PARAMETER_ENTITY: "the parameter entity"
        default: "the entity"
        }
    let target = systemID.map { " (external: \(String(cString: $0)))" } ?? ""
    refuse("\(kind) “\(name.map { String(cString: $0) } ?? "")”\(target)", context)
}

private let refuseUnparsedEntity: unparsedEntityDeclSAXFunc = { context, name, _, systemID, _ in
    let target = systemID.map { " (external: \(String(cString: $0)))" } ?? ""
    refuse("the unparsed entity “\(name.map { String(cString: $0) } ?? "")”\(target)", context)
}

private func refuse(_ entity: String, _ context: UnsafeMutableRawPointer?) {
    guard let report = report(of: context), report.forbiddenEntity == nil else { return }
    report.forbiddenEntity = entity
    xmlStopParser(context?.assumingMemoryBound(to: xmlParserCtxt.self))
}

private let recordError: xmlStructuredErrorFunc = { context, error in
    guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue,
        let report = report(of: context), report.firstError == nil
    else { return }
    report.firstError = (line: Int(error.pointee.line), message: errorMessage(error))
}

/// libxml2's message without its trailing newline.
func errorMessage(_ error: UnsafePointer<xmlError>) -> String {
    guard let message = error.pointee.message else { return "unknown error" }
    return String(cString: message).normalisedSpace ?? "unknown error"
}

/// An element of a parsed document, read by local name so that namespace versions do not matter.
/// Valid only inside the `withXMLDocument` (or `XMLRecords.withDocument`) body that produced it.
public struct ParsedElement {
    let node: xmlNodePtr
    /// An XPath-like location, `/PubmedArticleSet/PubmedArticle[2]/MedlineCitation`, with a
    /// position wherever the parent has more than one element of that name. Built on the way
    /// down, so that a set of ten thousand articles costs no walk back up per article.
    let path: String

    init(root: xmlNodePtr) {
        node = root
        path = "/" + nameAsWritten(root)
    }

    private init(node: xmlNodePtr, path: String) {
        self.node = node
        self.path = path
    }

    /// The name without its namespace prefix.
    public var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }

    /// The name as written, with its prefix (`work:title`).
    var qualifiedName: String { nameAsWritten(node) }

    public var line: Int { xmlGetLineNo(node) }

    public var children: [ParsedElement] {
        var nodes: [(node: xmlNodePtr, name: String)] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { nodes.append((current, nameAsWritten(current))) }
            child = current.pointee.next
        }
        var totals: [String: Int] = [:]
        for child in nodes { totals[child.name, default: 0] += 1 }
        var positions: [String: Int] = [:]
        return nodes.map { child in
            positions[child.name, default: 0] += 1
            let step = totals[child.name, default: 0] > 1 ? "\(child.name)[\(positions[child.name, default: 0])]" : child.name
            return ParsedElement(node: child.node, path: "\(path)/\(step)")
        }
    }

    public func children(_ name: String) -> [ParsedElement] { children.filter { $0.name == name } }

    /// The first element down a path of local names: `child("Journal", "JournalIssue", "PubDate")`.
    public func child(_ path: String...) -> ParsedElement? {
        var current = self
        for name in path {
            guard let next = current.children.first(where: { $0.name == name }) else { return nil }
            current = next
        }
        return current
    }

    /// The text of the element and its descendants, whitespace runs collapsed, nil when blank.
    var text: String? { collectText(node.pointee.children).normalisedSpace }

    /// An attribute's value by local name (`lang` finds `xml:lang`), nil when absent or blank.
    public func attribute(_ name: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, String(cString: attributeName) == name {
                return collectText(current.pointee.children).normalisedSpace
            }
            attribute = current.pointee.next
        }
        return nil
    }
}

private func nameAsWritten(_ node: xmlNodePtr) -> String {
    let name = node.pointee.name.map { String(cString: $0) } ?? ""
    guard let prefix = node.pointee.ns?.pointee.prefix else { return name }
    return "\(String(cString: prefix)):\(name)"
}

/// Text and CDATA content below `first` and its siblings, in document order. The C strings are
/// the tree's own, so there is nothing to free.
private func collectText(_ first: xmlNodePtr?) -> String {
    var text = ""
    var node = first
    while let current = node {
        switch current.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = current.pointee.content { text += String(cString: content) }
        case XML_ELEMENT_NODE:
            text += collectText(current.pointee.children)
        default: break
        }
        node = current.pointee.next
    }
    return text
}

extension StringProtocol {
    /// Whitespace runs collapsed to one space and trimmed; nil when nothing is left.
    var normalisedSpace: String? {
        let words = split(whereSeparator: \.isWhitespace)
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
