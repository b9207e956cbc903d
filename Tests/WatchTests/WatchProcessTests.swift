import Foundation
import Testing

/// The real `cpd watch` process on a temporary inbox: files copied in slowly, renamed,
/// duplicated, changed and deleted; `kill -9` at random moments. Outputs must equal what
/// `cpd assess` and a clean run give.
@Suite("The watch daemon as a process", .serialized)
struct WatchProcessTests {
    static let executable = Bundle.main.bundleURL.appendingPathComponent("cpd")
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    func arguments(output: URL, database: URL) -> [String] {
        ["watch", workspace.inbox.path, "--out", output.path, "--db", database.path, "--register", Shared.register.path,
         "--journals", Shared.corpus.appendingPathComponent("journals.csv").path,
         "--recommended-journals", Shared.corpus.appendingPathComponent("recommended-journals.csv").path,
         "--as-of", "2026-11-22", "--settle", "0.4", "--rescan", "1", "--jobs", "2"]
    }

    func start(output: URL? = nil, database: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments(output: output ?? workspace.output, database: database ?? workspace.database)
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// Waits until every worker folder's forms are current and nothing is pending.
    func waitUntilSettled(database: URL? = nil, workers: Int, timeout: Double = 120) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            try await Task.sleep(for: .milliseconds(300))
            let data = try run(["status", "--db", (database ?? workspace.database).path, "--format", "json"])
            guard let status = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]], status.count == workers else { continue }
            if status.allSatisfy({ $0["pending"] as? Int == 0 && $0["upToDate"] as? Bool == true }) { return }
        }
        Issue.record("the watch did not settle within \(timeout) s")
    }

    /// Writes a file in two halves with a pause, as a slow copy over a share does.
    func copySlowly(_ source: URL, to target: URL) async throws {
        let data = try Data(contentsOf: source)
        try data.prefix(data.count / 2).write(to: target)
        try await Task.sleep(for: .milliseconds(150))
        let handle = try FileHandle(forWritingTo: target)
        try handle.seekToEnd()
        try handle.write(contentsOf: data.suffix(from: data.count / 2))
        try handle.close()
    }

    /// The parts of an assessment that do not depend on where the folder lies.
    func summary(_ data: Data) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let documents = (json["documents"] as! [[String: Any]]).map {
            "\(($0["file"] as! String).split(separator: "/").last!) \($0["decision"]!) \($0["creditUnits"]!) \($0["reasons"]!)"
        }
        let totals = (json["totals"] as! [String: Any]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        return documents + totals + ["meets \(json["meetsCPDRequirements"]!)"]
    }

    @Test func followsCopiesRenamesDuplicatesChangesAndDeletionsAndAgreesWithAssess() async throws {
        let workers = Array(Shared.workers.prefix(2))
        let daemon = try start()
        for worker in workers {
            let folder = try workspace.folder(worker.iin)
            for file in Shared.quickFiles(of: worker.iin) { try await copySlowly(file, to: folder.appendingPathComponent(file.lastPathComponent)) }
        }
        try await waitUntilSettled(workers: workers.count)
        let folder = workspace.inbox.appendingPathComponent(workers[0].iin)
        let files = Shared.quickFiles(of: workers[0].iin)
        try FileManager.default.moveItem(at: folder.appendingPathComponent(files[0].lastPathComponent), to: folder.appendingPathComponent("renamed.\(files[0].pathExtension)"))
        try FileManager.default.copyItem(at: folder.appendingPathComponent(files[1].lastPathComponent), to: folder.appendingPathComponent("copy-of-\(files[1].lastPathComponent)"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent(files[2].lastPathComponent))
        // Changed in place: another worker's certificate saved over this one.
        let replacement = Shared.quickFiles(of: workers[1].iin).first { $0.pathExtension == "pdf" }!
        try Data(contentsOf: replacement).write(to: folder.appendingPathComponent(files[3].lastPathComponent))
        try await Task.sleep(for: .milliseconds(500))
        try await waitUntilSettled(workers: workers.count)
        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0, "SIGTERM stops it cleanly")
        for worker in workers {
            let watched = try Data(contentsOf: workspace.output.appendingPathComponent("\(worker.iin)/assessment.json"))
            let assessed = try run([
                "assess", workspace.inbox.appendingPathComponent(worker.iin).path, "--register", Shared.register.path,
                "--journals", Shared.corpus.appendingPathComponent("journals.csv").path,
                "--recommended-journals", Shared.corpus.appendingPathComponent("recommended-journals.csv").path,
                "--as-of", "2026-11-22", "--format", "json",
            ])
            #expect(try summary(watched) == summary(assessed), "worker \(worker.iin)")
        }
        let first = try summary(Data(contentsOf: workspace.output.appendingPathComponent("\(workers[0].iin)/assessment.json")))
        #expect(first.contains { $0.hasPrefix("renamed.") })
        #expect(first.contains { $0.hasPrefix("copy-of-") && $0.contains("duplicate") })
        #expect(!first.contains { $0.hasPrefix(files[2].lastPathComponent) })
        #expect(first.contains { $0.hasPrefix(files[3].lastPathComponent) && $0.contains("holder-mismatch") })
    }

    @Test func killNineAtAnyMomentLosesNothingAndCountsNothingTwice() async throws {
        // 200 files: the corpus's quick files, and copies of some under other names.
        var count = 0
        var workers: Set<String> = []
        outer: for round in 0..<3 {
            for worker in Shared.workers {
                for file in Shared.quickFiles(of: worker.iin) {
                    let folder = try workspace.folder(worker.iin)
                    try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent("\(round)-\(file.lastPathComponent)"))
                    workers.insert(worker.iin)
                    count += 1
                    if count == 200 { break outer }
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4 {
            let daemon = try start()
            try await Task.sleep(for: .milliseconds(Int.random(in: 200...1500, using: &generator)))
            kill(daemon.processIdentifier, SIGKILL)
            daemon.waitUntilExit()
        }
        let survivor = try start()
        try await waitUntilSettled(workers: workers.count, timeout: 300)
        survivor.terminate()
        survivor.waitUntilExit()

        let clean = workspace.root.appendingPathComponent("clean")
        let cleanDatabase = workspace.root.appendingPathComponent("clean.sqlite")
        let reference = try start(output: clean, database: cleanDatabase)
        try await waitUntilSettled(database: cleanDatabase, workers: workers.count, timeout: 300)
        reference.terminate()
        reference.waitUntilExit()

        let status = try JSONSerialization.jsonObject(with: run(["status", "--db", workspace.database.path, "--format", "json"])) as! [[String: Any]]
        #expect(status.map { $0["files"] as! Int }.reduce(0, +) == 200, "every file accounted for")
        for worker in workers {
            let documents = try JSONSerialization.jsonObject(with: Data(contentsOf: workspace.output.appendingPathComponent("\(worker)/assessment.json"))) as! [String: Any]
            let files = (documents["documents"] as! [[String: Any]]).map { $0["file"] as! String }
            #expect(Set(files).count == files.count, "no file counted twice for \(worker)")
            for name in ["assessment.json", "appendix2.html", "appendix2.pdf"] {
                let crashed = try Data(contentsOf: workspace.output.appendingPathComponent("\(worker)/\(name)"))
                let fresh = try Data(contentsOf: clean.appendingPathComponent("\(worker)/\(name)"))
                #expect(crashed == fresh, "\(worker)/\(name) equals a clean run's")
            }
        }
    }
}
