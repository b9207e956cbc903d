import ArgumentParser
import CPDReport
import Foundation
import Intake
import JournalLists
import OCR
import PersonNames
import Register

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
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
        let pool = OCRPool(size: jobs)
        let progress = ProgressLine(total: files.count)
        var records: [ExtractionRecord] = []
        // Files are grouped by worker so each group is read with its worker's name.
        for (worker, paths) in try context.groupByWorker(files, register: register) {
            let intake = Intake(options: IntakeOptions(worker: worker, quartiles: lists.quartiles, recommendedJournals: lists.recommended), ocr: pool)
            let results = await intake.read(paths, concurrency: jobs) { _, _ in progress.advance() }
            records += results.flatMap { $0 }
        }
        progress.finish()
        let report = ExtractionReport(records)
        print(format == .json ? encodeJSON(report) : report.text, terminator: "")
    }
}

/// The options that say whose evidence a command reads and which journal lists apply.
struct EvidenceContextOptions: ParsableArguments {
    @Option(help: "Register extract (JSON: iin, fullName, …); a file's worker is the one whose IIN names its folder.", completion: .file(extensions: ["json"]))
    var register: String?

    @Option(help: "The worker's full name (surname, given name, patronymic), when there is no register.")
    var worker: String?

    @Option(help: "SCImago-style journal table (CSV, semicolons): quartiles by ISSN, for criterion 10.", completion: .file(extensions: ["csv"]))
    var journals: String?

    @Option(help: "Journals recommended by the Quality Assurance Committee (CSV with title and issn), for criterion 8.", completion: .file(extensions: ["csv"]))
    var recommendedJournals: String?

    func validate() throws {
        if let worker, PersonName(registerName: worker) == nil {
            throw ValidationError("--worker needs at least a surname and a given name (got \"\(worker)\").")
        }
    }

    func loadJournalLists() throws -> (quartiles: QuartileList?, recommended: RecommendedJournals?) {
        func load<List>(_ path: String?, _ make: (String) throws(JournalListError) -> List) throws -> List? {
            guard let path else { return nil }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CommandFailure.cannotRead(path, "not a readable UTF-8 file") }
            do { return try make(text) } catch { throw CommandFailure.invalidInput("\(path): \(error)") }
        }
        return (try load(journals) { text throws(JournalListError) in try QuartileList(csv: text) },
                try load(recommendedJournals) { text throws(JournalListError) in try RecommendedJournals(csv: text) })
    }

    func loadRegister() throws -> RegisterExtract? {
        guard let register else { return nil }
        guard let data = FileManager.default.contents(atPath: register) else { throw CommandFailure.cannotRead(register, "no such file") }
        do { return try RegisterExtract(json: data) } catch { throw CommandFailure.invalidInput("\(register): \(error)") }
    }

    /// The files grouped by their worker: --worker for all, else the register entry whose IIN
    /// names the file's folder, else no worker.
    func groupByWorker(_ files: [String], register: RegisterExtract?) throws -> [(PersonName?, [String])] {
        if let worker { return [(PersonName(registerName: worker), files)] }
        var groups: [(key: String, worker: PersonName?, files: [String])] = []
        for file in files {
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent().lastPathComponent
            let entry = register?.worker(iin: folder)
            let key = entry?.iin ?? ""
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].files.append(file)
            } else {
                groups.append((key, entry.flatMap { PersonName(registerName: $0.fullName) }, [file]))
            }
        }
        return groups.map { ($0.worker, $0.files) }
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
