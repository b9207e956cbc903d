import Foundation
import Intake

/// A file an officer drops on a worker's page, written into the worker's inbox folder as a
/// scanner would drop it: checked by its content, named from the officer's file name, written
/// whole (a hidden partial file renamed into place) and never twice.
struct Upload {
    enum Outcome: Equatable {
        /// Written under this name.
        case written(String)
        /// The same content is in the folder already, under this name.
        case present(String)
    }

    enum Refusal: Error, Equatable, CustomStringConvertible {
        case tooLarge(limit: Int)
        case empty
        case notEvidence
        case noInbox

        var description: String {
            switch self {
            case .tooLarge(let limit): "the file is larger than \(limit >> 20) MB"
            case .empty: "the file is empty"
            case .notEvidence: "not a PDF, an image (JPEG, PNG, TIFF) or an XML record"
            case .noInbox: "the workspace was started without --inbox"
            }
        }
    }

    /// The kinds of evidence the intake reads, by their first bytes, with the extension they are
    /// written with (whatever name they came with).
    static func kind(of bytes: Data) -> String? {
        let head = [UInt8](bytes.prefix(1024))
        if bytes.prefix(1024).range(of: Data("%PDF-".utf8)) != nil { return "pdf" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpg" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return "tif" }
        let text = head.drop { [0xEF, 0xBB, 0xBF, 0x09, 0x0A, 0x0D, 0x20].contains($0) }
        if text.first == UInt8(ascii: "<") { return "xml" }
        return nil
    }

    /// The officer's file name as a safe base: letters (any script), digits, `-`, `_` and `.`
    /// inside; nothing that could leave the folder, hide the file or spoof a report.
    static func safeBase(_ name: String) -> String {
        // Only the last component of a path, whichever separator it uses, without its extension.
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let base = last.contains(".") ? String(last[..<last.lastIndex(of: ".")!]) : last
        let kept = String(base.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) ? Character($0) : "_" })
            .trimmingCharacters(in: CharacterSet(charactersIn: "._"))
        return kept.isEmpty ? "upload" : String(kept.prefix(80))
    }

    /// Writes `bytes` into `folder` unless a file of the same content is there.
    static func write(_ bytes: Data, named name: String, into folder: URL, limit: Int) throws -> Outcome {
        guard !bytes.isEmpty else { throw Refusal.empty }
        guard bytes.count <= limit else { throw Refusal.tooLarge(limit: limit) }
        guard let ext = kind(of: bytes) else { throw Refusal.notEvidence }
        let digest = FileDigest.sha256(of: bytes)
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for existing in (try? manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.fileSizeKey])) ?? []
        where (try? existing.resourceValues(forKeys: [.fileSizeKey]).fileSize) == bytes.count {
            if (try? FileDigest.sha256(of: existing)) == digest { return .present(existing.lastPathComponent) }
        }
        let partial = folder.appendingPathComponent(".upload-\(UUID().uuidString).partial")
        guard manager.createFile(atPath: partial.path, contents: bytes, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: partial.path])
        }
        defer { unlink(partial.path) }
        // link(2) within one folder: the watch sees the whole file or nothing, and a name taken
        // meanwhile (another upload, a scanner) is never overwritten.
        for target in ["\(safeBase(name)).\(ext)", "\(safeBase(name))-\(digest.prefix(12)).\(ext)"] {
            if link(partial.path, folder.appendingPathComponent(target).path) == 0 { return .written(target) }
            guard errno == EEXIST else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        throw POSIXError(.EEXIST)
    }
}
