import ArgumentParser
import CPDReport
import Foundation
import Intake
import JournalLists
import OCR
import PersonNames
import ProfessionalRegister
import WorkerConfirmation

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read evidence files (text PDFs, scans, photos, XML) and print the facts found in each.",
        discussion: """
            Each file gives a record: its SHA-256, how its text was read (pdf-text, pdf-ocr, \
            image-ocr, xml), its language and whether paragraph 7 asks for a notarized translation, \
            the activity and criterion, and every fact with the page and text it was read from. A \
            file that cannot be read gives a specific error instead. Author positions need the \
            worker: give --worker, or --register with files in a folder named by the worker's IIN.

            Example:
              cpd extract inbox/850314410007/*.pdf --register workers.json --journals scimago.csv \\
                --recommended-journals recommended.csv --format json
            """)

    @Argument(help: "Evidence files.", completion: .file())
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup(title: "Whose evidence, and the journal lists")
    var context: EvidenceContextOptions

    @Option(help: "Text-recognition engines to run at once (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 64.") }
    }


    func run() async throws {
        let lists = try context.loadJournalLists()
        let register = try context.loadRegister()
        let lexicon = try context.loadLexicon()
        let pool = OCRPool(size: jobs)
        defer { pool.shutDown() }
        let progress = ProgressLine(total: files.count)
        var records: [ExtractionRecord] = []
        // Files are grouped by worker so each group is read with its worker's name.
        for (worker, paths) in try context.groupByWorker(files, register: register) {
            let intake = Intake(options: IntakeOptions(worker: worker, quartiles: lists.quartiles, recommendedJournals: lists.recommended, lexicon: lexicon), ocr: pool)
            let results = await intake.read(paths, concurrency: jobs) { _, _ in progress.advance() }
            records += results.flatMap { $0 }
        }
        progress.finish()
        let report = ExtractionReport(records)
        print(format == .json ? encodeJSON(report) : report.text, terminator: "")
        // Each file is reported; a file that is not there at all makes the command's exit 66.
        let missing = files.filter { !FileManager.default.fileExists(atPath: $0) }
        if !missing.isEmpty { throw CommandFailure.cannotRead(missing.joined(separator: ", "), "no such file") }
    }
}

/// "reading 12/40" on stderr, redrawn in place, only when stderr is a terminal.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private var done = 0
    private let lock = NSLock()
    private let enabled = isatty(STDERR_FILENO) == 1

    init(total: Int) { self.total = total }

    func advance() {
        guard enabled else { return }
        lock.withLock {
            done += 1
            FileHandle.standardError.write(Data("\rreading \(done)/\(total)".utf8))
        }
    }

    func finish() {
        guard enabled, done > 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
