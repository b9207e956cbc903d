import ArgumentParser
import CPDReport
import CPDRules
import Confirmation
import Forms
import Foundation
import JournalLists
import PersonNames
import ProfessionalRegister
import WorkerConfirmation
import Wording

/// `cpd level`: chapter 3 of order ҚР ДСМ-283/2020, decided condition by condition.
struct LevelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "level",
        abstract: "Decide whether a worker can be assigned or confirmed a qualification level, condition by condition.",
        discussion: """
            Chapter 3 of the rules: the education of the level (paragraph 12, item 1; paragraph 15 for \
            a foreign university), the result of the assessment of professional preparedness (item 2, \
            paragraph 16, unless paragraph 12's last sentence or paragraph 19 waives it), the work \
            functions of the level (item 3), confirmed CPD of at least 210 CU meeting Appendix 3 for \
            the level's column (item 4, paragraphs 13 and 14), and the sequence of levels with the \
            years of continuous work Appendix 5 asks (paragraph 19; paragraph 17 and Appendix 4 for an \
            initial level). Each is met, not met or cannot tell, with the paragraph it rests on and \
            the register field or document it was read from.

            The worker is looked up in the register database. Given the worker's folder (named by the \
            IIN), its documents are read as `cpd assess` reads them: the assessment's certificate and \
            the work-functions report are recognised among them, the rest is the CPD. Given the IIN \
            alone, the CPD is the register's latest recorded confirmation.

            With --out, a summary for the accredited organisation (level.pdf and level.html, \
            in --lang) lists every condition, why, its result, the paragraphs and the sources.

            Examples:
              cpd level inbox/850314410007 --target 5.2 --db cpd.sqlite --as-of 2026-11-22 --out forms/850314410007
              cpd level 850314410007 --rankings universities.csv --format json
            """)

    @Argument(help: "The worker's IIN, or the worker's folder of evidence (named by the IIN).", completion: .file())
    var worker: String

    @Option(help: ArgumentHelp("The level applied for: 4.0 to 6.3, 7.0 (I) to 7.3 (I), 7.1 (R) to 7.4 (R), 8 (default: the register's targetLevel).", valueName: "level"))
    var target: QualificationLevel?

    @OptionGroup var database: RegisterDatabaseOptions

    @Option(name: .customLong("as-of"), help: "The day of the decision, YYYY-MM-DD (default: today).")
    var asOf: CalendarDate?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Where to write the level summary, level.pdf and level.html (created if missing).", completion: .directory)
    var out: String?

    @Option(help: "Language of the summary: ru, kk or en.")
    var lang: FormLanguage = .ru

    @Option(help: "Universities and their QS, ARWU and THE positions (CSV: institution, qs, arwu, the), for paragraph 15.", completion: .file(extensions: ["csv"]))
    var rankings: String?

    @OptionGroup(title: "Reading a folder")
    var lists: EvidenceListOptions

    @OptionGroup(title: "Readings of the rules")
    var readings: ReadingOptions

    @Option(help: "Text-recognition engines to run at once (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: worker, isDirectory: &isFolder)
        let folder = exists && isFolder.boolValue ? URL(fileURLWithPath: worker) : nil
        if exists && folder == nil { throw ValidationError("Give the worker's IIN or folder; \(worker) is a file.") }
        let iinText = folder?.standardizedFileURL.lastPathComponent ?? worker
        guard iinText.count == 12, iinText.allSatisfy(\.isNumber) else {
            throw exists ? CommandFailure.invalidInput("the folder's name \(iinText) is not an IIN") : CommandFailure.cannotRead(worker, "no such folder, and not an IIN")
        }
        let iin = try parseIIN(iinText)
        let register = try database.open()
        guard let registered = try registerCall({ () throws(RegisterStoreError) in try register.worker(iin) }) else {
            throw CommandFailure.invalidInput("the register has no worker with IIN \(iin.digits)")
        }
        guard let target = target ?? registered.targetLevel else {
            throw ValidationError("Give the level applied for with --target (e.g. 5.2); the register does not state targetLevel.")
        }
        let date = SystemCalendarClock().confirmationDate(fixed: asOf)
        let list = try loadRankings()
        var assessed: FolderAssessment?
        if let folder { assessed = try await assess(folder, register: register, category: target.category, on: date) }
        let recorded = folder == nil ? try registerCall { () throws(RegisterStoreError) in try register.assessments(of: iin) } : []
        let decision = WorkerLevel.decide(
            registered, target: target, on: date, folder: assessed, recorded: recorded,
            ranking: { list?.ranking(of: $0) }, rankingListGiven: list != nil)
        if let out {
            let forms: Forms
            do { forms = try Forms() } catch { throw CommandFailure.brokenTemplates("\(error)") }
            try LevelSummaryFile.write(decision, fullName: registered.fullName, iin: iin.digits, language: lang, forms: forms, to: URL(fileURLWithPath: out))
        }
        let report = LevelReport(decision, worker: .init(iin: iin.digits, fullName: registered.fullName))
        print(format == .json ? encodeJSON(report) : report.text, terminator: "")
    }

    func loadRankings() throws -> UniversityRankings? {
        guard let rankings else { return nil }
        guard let text = try? String(contentsOfFile: rankings, encoding: .utf8) else { throw CommandFailure.cannotRead(rankings, "not a readable UTF-8 file") }
        do { return try UniversityRankings(csv: text, name: URL(fileURLWithPath: rankings).lastPathComponent) } catch {
            throw CommandFailure.invalidInput("\(rankings): \(error)")
        }
    }

    /// The folder's documents read and assessed for the level's column of Appendix 3.
    func assess(_ folder: URL, register: ProfessionalRegister, category: QualificationCategory, on date: CalendarDate) async throws -> FolderAssessment {
        var settings = WorkerConfirmation.Settings()
        settings.confirmationDate = date
        settings.targetCategory = category
        settings.interpretation = readings.interpretation
        let confirmation = WorkerConfirmation(register: WorkerDirectory(source: .database(register)), settings: settings)
        do {
            return try await confirmation.confirm(folder: folder) { worker, files in
                try await AssessmentOptions.read(files, of: worker.name, lists: lists, interpretation: readings.interpretation, jobs: jobs)
            }.assessment
        } catch let stop as WorkerConfirmation.Stop {
            throw AssessmentOptions.failure(stop)
        } catch is WorkerConfirmation.FolderNotReadable {
            throw CommandFailure.cannotRead(folder.path, "not a readable folder")
        }
    }
}

extension QualificationLevel: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// The level summary, `level.pdf` and `level.html`, each replaced atomically beside the
/// forms `cpd confirm` may have written in the same folder, which stay as they are.
enum LevelSummaryFile {
    static func write(_ decision: LevelAssignment, fullName: String, iin: String?, language: FormLanguage, forms: Forms, to directory: URL) throws {
        let summary: Forms.Rendered
        do {
            summary = try forms.levelSummary(decision, fullName: fullName, iin: iin, language: language)
        } catch let tooLong as Forms.FieldTooLong {
            throw CommandFailure.invalidInput("\(tooLong)")
        } catch {
            throw CommandFailure.brokenTemplates("\(error)")
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try AtomicFile.write(Data(summary.html.utf8), to: directory.appendingPathComponent("level.html"))
            try AtomicFile.write(summary.pdf, to: directory.appendingPathComponent("level.pdf"))
        } catch {
            throw CommandFailure.cannotWrite("cannot write the level summary to \(directory.path): \(error.localizedDescription)")
        }
    }
}
