import Foundation
import Testing

/// Inputs named in awkward ways, and a process that must end cleanly whatever its threads do.
@Suite("The cpd command line with awkward inputs")
struct InputFaultTests {
    static let corpus = CPDProcess.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let register = corpus.appendingPathComponent("workers.json").path
    /// A worker whose folder holds text PDFs and one scan.
    static let worker = "781111494597"

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func relativePathsAreTheCurrentDirectorysAndAMissingFileExits66() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try #require(try FileManager.default.contentsOfDirectory(at: Self.corpus.appendingPathComponent("inbox/\(Self.worker)"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pdf" }.sorted { $0.path < $1.path }.first)
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("certificate.pdf"))
        let result = try CPDProcess.run(["extract", "certificate.pdf", "--worker", "Иванов Иван"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("absolute path"), "\(result.stdout)")
        #expect(!result.stdout.contains("error:"), "\(result.stdout)")
        let missing = try CPDProcess.run(["extract", "certificate.pdf", "missing.pdf", "--worker", "Иванов Иван"], in: folder)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("missing.pdf"))
        #expect(missing.stdout.contains("certificate.pdf"), "the files that are there are still reported")
    }

    @Test func aWorkerFolderNamedThroughASymbolicLinkIsTheFolderItPointsTo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent(Self.worker)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: Self.corpus.appendingPathComponent("inbox/\(Self.worker)"))
        let result = try CPDProcess.run(["assess", link.path, "--register", Self.register, "--as-of", "2026-11-22", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["documents"] as? [Any])?.isEmpty == false)
    }

    /// Tesseract engines made and freed on other threads while the process exits once crashed
    /// it (a double free) with its output cut short: every run must end with exit 0 and the
    /// whole report.
    @Test(.timeLimit(.minutes(3))) func assessingAFolderWithScansEndsCleanlyEveryTime() throws {
        let arguments = ["assess", Self.corpus.appendingPathComponent("inbox/\(Self.worker)").path, "--register", Self.register,
                         "--as-of", "2026-11-22", "--format", "json", "--jobs", "4"]
        let first = try CPDProcess.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        for _ in 0..<12 {
            let result = try CPDProcess.run(arguments)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == first.stdout)
        }
        #expect((try? JSONSerialization.jsonObject(with: Data(first.stdout.utf8))) != nil, "the whole report")
    }
}
