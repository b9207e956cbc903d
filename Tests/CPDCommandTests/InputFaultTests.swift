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

    /// libjpeg prints its complaints on standard error; the officer sees them in the record.
    @Test func aDamagedPhotosDecoderWarningIsInTheRecordNotOnStderr() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photo = try #require(try FileManager.default.contentsOfDirectory(at: Self.corpus.appendingPathComponent("inbox"), includingPropertiesForKeys: nil)
            .flatMap { try FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil) }
            .filter { $0.pathExtension == "jpg" }.sorted { $0.path < $1.path }.first)
        var bytes = try Data(contentsOf: photo)
        let scan = try #require(bytes.firstRange(of: Data([0xFF, 0xDA]))).upperBound
        for index in scan + 2_000..<scan + 2_010 { bytes[index] = 0 }
        try bytes.write(to: folder.appendingPathComponent("photo.jpg"))
        let result = try CPDProcess.run(["extract", "photo.jpg", "--worker", "Иванов Иван"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains("Corrupt JPEG data"), "\(result.stdout)")
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

    /// Tests run as root, whom permissions do not stop: the command runs as `nobody`.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func anUnreadableWorkerFolderIsAnErrorNotAnEmptyFolder() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent(Self.worker)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("certificate.pdf"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.path)
        let result = try CPDProcess.run(
            ["--reuid=65534", "--regid=65534", "--clear-groups", CPDProcess.executable.path, "assess", folder.path, "--worker", "Иванов Иван", "--target", "first"],
            executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        #expect(result.status == 66, "\(result.stdout)")
        #expect(result.stderr.contains("not a readable folder"), "\(result.stderr)")
    }

    /// Tesseract engines made and freed on other threads while the process exits once crashed
    /// it (a double free) with its output cut short: every run must end with exit 0 and the
    /// whole report.
    @Test(.timeLimit(.minutes(3))) func assessingAFolderWithScansEndsCleanlyEveryTime() throws {
        let arguments = ["assess", Self.corpus.appendingPathComponent("inbox/\(Self.worker)").path, "--register", Self.register,
                         "--as-of", "2026-11-22", "--format", "json", "--jobs", "4"]
        let first = try CPDProcess.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        for _ in 0..<8 {
            let result = try CPDProcess.run(arguments)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == first.stdout)
        }
        #expect((try? JSONSerialization.jsonObject(with: Data(first.stdout.utf8))) != nil, "the whole report")
        // Where it crashed most (about 1 run in 75): a text PDF read in a blink while 16 engines
        // were still being made.
        let text = try #require(try FileManager.default.contentsOfDirectory(at: Self.corpus.appendingPathComponent("inbox/\(Self.worker)"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pdf" }.sorted { $0.path < $1.path }.first)
        let extract = ["extract", text.path, "--worker", "Иванов Иван", "--jobs", "16"]
        let expected = try CPDProcess.run(extract)
        for _ in 0..<60 {
            let result = try CPDProcess.run(extract)
            #expect(result.status == 0 && result.stdout == expected.stdout, "\(result.stderr)")
            if result.status != 0 { break }
        }
    }

    /// A copy of the worker's folder with files named to break reports and forms.
    func folderWithOddNames() throws -> (root: URL, folder: URL) {
        let root = try temporaryFolder()
        let folder = root.appendingPathComponent(Self.worker)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = Self.corpus.appendingPathComponent("inbox/\(Self.worker)")
        for file in try FileManager.default.contentsOfDirectory(at: source, includingPropertiesForKeys: nil) where file.pathExtension == "pdf" {
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent))
        }
        try Data("not a pdf".utf8).write(to: folder.appendingPathComponent("copy\u{1}.pdf"))
        try Data("not a pdf".utf8).write(to: folder.appendingPathComponent("two\nlines\u{1B}[2J.pdf"))
        return (root, folder)
    }

    @Test func controlCharactersInNamesAreWrittenOutInReportsAndForms() throws {
        let (root, folder) = try folderWithOddNames()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("forms")
        let result = try CPDProcess.run(["confirm", folder.path, "--out", out.path, "--register", Self.register, "--as-of", "2026-11-22"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("copy\\001.pdf") && result.stdout.contains("two\\nlines\\033[2J.pdf"), "\(result.stdout)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control character but the line ends")
        let refusal = try String(contentsOf: out.appendingPathComponent("refusal.html"), encoding: .utf8)
        #expect(refusal.contains("copy\\001.pdf"))
    }

    @Test func aFieldTooLongForAFormIsItsOwnError() throws {
        let (root, folder) = try folderWithOddNames()
        defer { try? FileManager.default.removeItem(at: root) }
        let extract = root.appendingPathComponent("register.json")
        let workers = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.register))) as! [[String: Any]]
        var worker = try #require(workers.first { $0["iin"] as? String == Self.worker })
        worker["position"] = String(repeating: "A", count: 100_000)
        try JSONSerialization.data(withJSONObject: [worker]).write(to: extract)
        let result = try CPDProcess.run(["confirm", folder.path, "--out", root.appendingPathComponent("forms").path, "--register", extract.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("register.position holds 100000 characters"), "\(result.stderr)")
    }

    @Test func aNULInARegisterFieldIsWrittenOutNotCut() throws {
        let (root, folder) = try folderWithOddNames()
        defer { try? FileManager.default.removeItem(at: root) }
        let extract = root.appendingPathComponent("register.json")
        let workers = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.register))) as! [[String: Any]]
        var worker = try #require(workers.first { $0["iin"] as? String == Self.worker })
        worker["position"] = "врач\u{0}хирург"
        try JSONSerialization.data(withJSONObject: [worker]).write(to: extract)
        let out = root.appendingPathComponent("forms")
        let result = try CPDProcess.run(["confirm", folder.path, "--out", out.path, "--register", extract.path, "--as-of", "2026-11-22"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("appendix2.html"), encoding: .utf8).contains("врач\\000хирург"))
    }

    @Test func aFolderNotNamedByAnIINPutsNoIINOnTheForm() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("abcdefghijkl")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let out = root.appendingPathComponent("forms")
        let result = try CPDProcess.run(["confirm", folder.path, "--out", out.path, "--worker", "Иванов Иван Иванович", "--target", "first"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("abcdefghijkl"))
        #expect(!(try String(contentsOf: out.appendingPathComponent("appendix2.html"), encoding: .utf8)).contains("abcdefghijkl"))
    }

    @Test func aCutJPEGIsRefusedWithoutLibjpegsOwnWarning() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let photo = try #require(try FileManager.default.contentsOfDirectory(at: Self.corpus.appendingPathComponent("inbox"), includingPropertiesForKeys: nil)
            .flatMap { try FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil) }.first { $0.pathExtension == "jpg" })
        try Data(contentsOf: photo).prefix(30_000).write(to: root.appendingPathComponent("cut.jpg"))
        let result = try CPDProcess.run(["extract", "cut.jpg", "--worker", "Иванов Иван"], in: root)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains("cut short"), "\(result.stdout)")
    }

    @Test func aMissingInboxIsRefusedWith66() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CPDProcess.run(["watch", root.appendingPathComponent("inbox").path, "--out", root.appendingPathComponent("out").path,
                                         "--db", root.appendingPathComponent("db.sqlite").path, "--register", Self.register])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no such folder"))
    }
}
