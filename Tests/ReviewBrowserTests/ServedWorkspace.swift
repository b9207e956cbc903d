import Confirmation
import CPDRules
import Forms
import Foundation
import Intake
import OCR
import ProfessionalRegister
import Testing
import Watch
import WorkerConfirmation

/// A database made as the watch and the register make it, for the real `cpd serve`: the sample
/// register imported and an officer added with the `cpd` commands an administrator runs, and the
/// text PDFs and XML of two sample workers read and assessed as the watch reads them, their forms
/// written.
final class ServedWorkspace: Sendable {
    static let executable = Bundle.main.bundleURL.appendingPathComponent("cpd")
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")
    static let asOf = "2026-11-22"
    static let officer = (name: "aigerim", password: "correct horse battery")
    /// The worker the tests follow, with the files read for them.
    static let workers = [
        ("850314410007", ["01_advanced-training.pdf", "03_seminar.pdf", "05_conference.pdf", "09_conference-report.pdf"]),
        ("901125412348", ["01_platform-export.xml", "02_seminar.pdf", "03_tutoring-trainees.pdf"]),
    ]

    let root: URL
    let database: String
    let output: URL

    init() async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-browser-\(UUID().uuidString)")
        output = root.appendingPathComponent("out")
        database = root.appendingPathComponent("cpd.sqlite").path
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Self.run(["register", "import", Self.samples.appendingPathComponent("register.json").path, "--db", database])
        try Self.run(["user", "add", Self.officer.name, "--role", "officer", "--db", database, "--password-stdin"], input: Self.officer.password + "\n")

        var settings = WorkerConfirmation.Settings()
        settings.confirmationDate = CalendarDate(Self.asOf)
        let register = try ProfessionalRegister(path: database)
        let store = try WatchStore(path: database)
        let intake = Intake(ocr: OCRPool(size: 1))
        let confirmation = WorkerConfirmation(register: try WorkerDirectory.database(database), settings: settings)
        let forms = try Forms()
        for (worker, files) in Self.workers {
            let paths = files.map { Self.samples.appendingPathComponent("inbox/\(worker)/\($0)").path }
            try store.reconcile(worker: worker, onDisk: paths.map { ($0, 1, 1) }, now: 1)
            for file in try store.files(worker: worker) {
                let sha256 = try FileDigest.sha256(of: URL(fileURLWithPath: file.path))
                try store.record(await intake.read(file.path, knownSHA256: sha256), for: file, sha256: sha256)
            }
            let folder = output.appendingPathComponent(worker)
            let assessed = try confirmation.confirm(
                try confirmation.worker(iin: worker), records: try store.records(worker: worker),
                writing: (forms, .formSet(folder, writeFile: FormSet.writeDurably))
            ).assessment
            try store.assessed(assessed, worker: worker, at: 2)
            try register.record(AssessmentRecord(assessed.assessment, forms: []), for: try IIN(worker), by: "test")
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Where files dropped on a worker's page go, when the workspace watches.
    var inbox: URL { root.appendingPathComponent("inbox") }

    /// `cpd serve` over this database on `port`, its log in the workspace's folder; `watching`, as
    /// `cpd serve --watch` over an inbox, empty at first, that uploads go into.
    func serve(port: Int, watching: Bool = false) throws -> ChildProcess {
        if watching { try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true) }
        return try ChildProcess(
            Self.executable.path, Self.serveArguments(database: database, output: output, port: port, watching: watching ? inbox : nil),
            log: root.appendingPathComponent("serve.log"))
    }

    /// `cpd serve`'s arguments over `database` on `port`; with `watching`, as `cpd serve --watch`
    /// over that inbox, quick to settle and rescan, one engine.
    static func serveArguments(database: String, output: URL, port: Int, watching inbox: URL?) -> [String] {
        var arguments = ["serve", "--db", database, "--out", output.path, "--as-of", asOf, "--listen", "127.0.0.1:\(port)"]
        if let inbox { arguments += ["--watch", "--inbox", inbox.path, "--settle", "0.3", "--rescan", "1", "--jobs", "1"] }
        return arguments
    }

    /// Runs a `cpd` command to its end (a minute at most); throws when it fails.
    static func run(_ arguments: [String], input: String? = nil) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe()
        process.standardInput = stdin
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw CommandFailed(arguments: arguments, status: process.terminationStatus, message: message)
        }
    }

    struct CommandFailed: Error, CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        let message: String
        var description: String { "cpd \(arguments.prefix(2).joined(separator: " ")) exited \(status): \(message)" }
    }
}
