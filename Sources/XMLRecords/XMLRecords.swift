import Foundation

/// Reads the XML files an HR officer receives: publication records from PubMed, Crossref, JATS
/// and ORCID, and CPD activity exports. Parsing is in memory only: no network, no file other
/// than the bytes given, no entity expansion.
public enum XMLRecords {
    /// 50 MB: far above any record or export, low enough to refuse a runaway file quickly.
    public static let defaultSizeLimit = 50 * 1024 * 1024

    /// Reads one XML file's bytes and tells its format by the root element's local name.
    /// - Parameters:
    ///   - name: the file's name, for the error.
    ///   - sizeLimit: files larger than this many bytes are refused before parsing.
    public static func read(
        _ bytes: some ContiguousBytes, name: String, sizeLimit: Int = defaultSizeLimit
    ) throws(XMLRecordError) -> XMLRecordFile {
        try parse(bytes, name: name, sizeLimit: sizeLimit) { root throws(XMLRecordError.Reason) in
            switch root.name {
            case "PubmedArticleSet": return .publications(pubmedRecords(root))
            case "crossref_result", "doi_batch": return .publications(crossrefRecords(root))
            case "article": return .publications([jatsRecord(root)])
            case "work", "works", "bulk": return .publications(orcidRecords(root))
            case "cpdActivities": return .activities(try activityExport(root))
            default: throw .unknownFormat(root: root.qualifiedName)
            }
        }
    }

    /// Parses an XML file of another module's format with the same safety as `read` and hands
    /// its root element to `body`, which must copy out what it needs: the tree is freed on return.
    public static func withDocument<Value>(
        _ bytes: some ContiguousBytes, name: String, sizeLimit: Int = defaultSizeLimit, body: (ParsedElement) -> Value
    ) throws(XMLRecordError) -> Value {
        try parse(bytes, name: name, sizeLimit: sizeLimit) { root throws(XMLRecordError.Reason) in body(root) }
    }

    /// The checks made before parsing (size, emptiness, whether it is XML at all), the hardened
    /// parse, and the file's name on any error.
    private static func parse<Value>(
        _ bytes: some ContiguousBytes, name: String, sizeLimit: Int,
        body: (ParsedElement) throws(XMLRecordError.Reason) -> Value
    ) throws(XMLRecordError) -> Value {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(XMLRecordError.Reason) in
                guard buffer.count <= sizeLimit else { throw .tooLarge(bytes: buffer.count, limit: sizeLimit) }
                switch firstSignificantByte(buffer) {
                case nil: throw .empty
                case UInt8(ascii: "<"): break
                default: throw .notXML
                }
                return try withXMLDocument(buffer, body: body)
            }
        }
        do {
            return try result.get()
        } catch {
            throw XMLRecordError(file: name, reason: error)
        }
    }

    /// The first byte after a byte-order mark, whitespace and the zero bytes of UTF-16: `<` in
    /// any XML document, something else in a PDF or an image.
    private static func firstSignificantByte(_ bytes: UnsafeRawBufferPointer) -> UInt8? {
        let boms: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]
        let bom = boms.first { bytes.starts(with: $0) }?.count ?? 0
        return bytes.dropFirst(bom).first { ![0x00, 0x09, 0x0A, 0x0D, 0x20].contains($0) }
    }
}

/// What one XML file holds.
public enum XMLRecordFile: Sendable {
    /// PubMed efetch sets, Crossref query results and deposits, JATS front matter, ORCID works.
    case publications([PublicationRecord])
    /// A CPD activity export (`urn:kz:cpd:activities:1`).
    case activities(CPDActivityExport)
}
