import Foundation

/// What a file is, told by its first bytes rather than its name: HR inboxes hold scans named
/// .pdf that are JPEGs, and PDFs saved without an extension.
enum FileKind: Equatable {
    case pdf
    case xml
    case image
    case unknown(String)

    static func detect(_ head: Data, fileExtension: String) -> FileKind {
        let bytes = [UInt8](head.prefix(1024))
        if let range = head.prefix(1024).range(of: Data("%PDF-".utf8)), range.lowerBound < 1024 { return .pdf }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) || bytes.starts(with: [0x89, 0x50, 0x4E, 0x47])
            || bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
            || bytes.starts(with: Array("GIF8".utf8)) || bytes.starts(with: Array("BM".utf8))
            || (bytes.starts(with: Array("RIFF".utf8)) && bytes.count >= 12 && Array(bytes[8..<12]) == Array("WEBP".utf8))
        {
            return .image
        }
        let boms: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]
        let bom = boms.first { bytes.starts(with: $0) }?.count ?? 0
        if bytes.dropFirst(bom).first(where: { ![0x00, 0x09, 0x0A, 0x0D, 0x20].contains($0) }) == UInt8(ascii: "<") { return .xml }
        if bytes.isEmpty { return .unknown("the file is empty") }
        let claimed = fileExtension.isEmpty ? "no extension" : ".\(fileExtension)"
        return .unknown("not a PDF, an image (JPEG, PNG, TIFF, GIF, BMP, WebP) or XML (\(claimed))")
    }
}
