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
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(XMLRecordError.Reason) in try read(buffer, sizeLimit: sizeLimit) }
        }
        do {
            return try result.get()
        } catch {
            throw XMLRecordError(file: name, reason: error)
        }
    }

    private static func read(_ bytes: UnsafeRawBufferPointer, sizeLimit: Int) throws(XMLRecordError.Reason) -> XMLRecordFile {
        guard bytes.count <= sizeLimit else { throw .tooLarge(bytes: bytes.count, limit: sizeLimit) }
        switch firstSignificantByte(bytes) {
        case nil: throw .empty
        case UInt8(ascii: "<"): break
        default: throw .notXML
        }
        return try withXMLDocument(bytes) { root throws(XMLRecordError.Reason) in
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
