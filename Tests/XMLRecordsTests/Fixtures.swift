import Foundation
import Testing
import XMLRecords

/// Where the test files are: this folder's `Fixtures/`, and `../shared` beside the package root
/// (three levels up from this file), as CI has it.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let sharedFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func own(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The files in a folder of `../shared` whose names contain `part`, sorted.
    static func sharedFiles(_ folder: String, containing part: String = ".xml") throws -> [URL] {
        let directory = sharedFolder.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.contains(part) }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// The corpus's XML files of one kind (`pubmed`, `crossref`), across all workers' inboxes.
    static func corpus(_ kind: String) throws -> [URL] {
        let inbox = sharedFolder.appendingPathComponent("corpus/inbox")
        return try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted().flatMap { worker in
            try Fixtures.sharedFiles("corpus/inbox/\(worker)", containing: "_\(kind).xml")
        }
    }
}

/// Reads a file and expects publication records.
func publications(_ url: URL) throws -> [PublicationRecord] {
    try publications(Data(contentsOf: url), name: url.lastPathComponent)
}

func publications(_ data: some ContiguousBytes, name: String = "test.xml") throws -> [PublicationRecord] {
    guard case .publications(let records) = try XMLRecords.read(data, name: name) else {
        Issue.record("\(name) read as activities, not publications")
        return []
    }
    return records
}

func publications(_ text: String) throws -> [PublicationRecord] { try publications(Array(text.utf8)) }

/// The reason reading `data` fails, or nil when it succeeds.
func failure(_ data: some ContiguousBytes, sizeLimit: Int = XMLRecords.defaultSizeLimit) -> XMLRecordError.Reason? {
    do {
        _ = try XMLRecords.read(data, name: "test.xml", sizeLimit: sizeLimit)
        return nil
    } catch {
        return error.reason
    }
}

func failure(_ text: String) -> XMLRecordError.Reason? { failure(Array(text.utf8)) }
