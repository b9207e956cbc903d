import Confirmation
import CPDRules
import Forms
import Foundation
import Intake
import Logging
import OCR
import PersonNames
import Watch
import Wording
import WorkerConfirmation

/// `../shared` beside the package, and the corpus's files and workers.
enum Shared {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    static let corpus = root.appendingPathComponent("corpus")
    static let register = corpus.appendingPathComponent("workers.json")

    struct Worker: Decodable {
        let iin: String
        let fullName: String
        let targetCategory: QualificationCategory
    }

    static let workers: [Worker] = try! JSONDecoder().decode([Worker].self, from: Data(contentsOf: register))

    /// The files the truth says are text PDFs or XML: quick to read, unlike scans.
    static let quick: Set<String> = {
        let truth = try! JSONSerialization.jsonObject(with: Data(contentsOf: corpus.appendingPathComponent("truth.json"))) as! [String: Any]
        return Set((truth["workers"] as! [[String: Any]]).flatMap { $0["documents"] as! [[String: Any]] }
            .filter { ["pdf-text", "xml"].contains($0["source"] as! String) }.map { corpus.appendingPathComponent($0["file"] as! String).path })
    }()

    /// The corpus's text PDFs and XML records of one worker, in name order.
    static func quickFiles(of iin: String) -> [URL] {
        let folder = corpus.appendingPathComponent("inbox/\(iin)")
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { quick.contains($0.path) }.sorted { $0.path < $1.path }
    }
}

/// A temporary inbox, output folder and database, removed when the test ends.
final class Workspace {
    let root: URL
    var inbox: URL { root.appendingPathComponent("inbox") }
    var output: URL { root.appendingPathComponent("out") }
    var database: URL { root.appendingPathComponent("state.sqlite") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("inbox"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func folder(_ iin: String) throws -> URL {
        let url = inbox.appendingPathComponent(iin)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The worker's assessment as the watch wrote it.
    func assessment(_ iin: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("\(iin)/assessment.json"))) as! [String: Any]
    }
}

/// The clock the tests move by hand.
final class FakeClock: WatchClock, @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Double = 1_790_000_000
    var now: Double { lock.withLock { seconds } }
    func advance(_ by: Double) { lock.withLock { seconds += by } }
}

extension WatchDaemon {
    /// A daemon over `workspace` that knows the corpus's workers, on the fake clock.
    static func forTests(
        _ workspace: Workspace, clock: FakeClock, settle: Double = 2, writeFile: @escaping FormSet.FileWriter = FormSet.writeDurably,
        register: CorpusRegister = CorpusRegister()
    ) throws -> WatchDaemon {
        var options = WatchOptions(inbox: workspace.inbox, output: workspace.output)
        options.settle = settle
        options.youngWindow = 60
        var settings = WorkerConfirmation.Settings()
        settings.confirmationDate = CalendarDate("2026-11-22")
        let forms = try Forms(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates/forms"))
        return WatchDaemon(
            options: options, store: try WatchStore(path: workspace.database.path),
            intake: Intake(options: IntakeOptions(), ocr: OCRPool(size: 1)), forms: forms, register: register, settings: settings,
            clock: clock, logger: Logger(label: "cpd.watch.test") { _ in SwiftLogNoOpLogHandler() }, writeFile: writeFile)
    }
}

/// The corpus's workers as a register that keeps no confirmations; a worker whose certificate
/// expired before the day asked about is blocked.
struct CorpusRegister: WorkerRegister {
    var certificateExpired: [String: CalendarDate] = [:]

    func identity(iin: String, language: FormLanguage, on date: CalendarDate) -> WorkerIdentity? {
        Shared.workers.first { $0.iin == iin }.map {
            WorkerIdentity(
                name: PersonName(registerName: $0.fullName)!, targetCategory: $0.targetCategory, details: RegisterDetails(),
                blockedSince: certificateExpired[iin].flatMap { $0 < date ? $0 : nil })
        }
    }

    func recordConfirmation(_ assessed: FolderAssessment, forms: [String]) throws {}
}
