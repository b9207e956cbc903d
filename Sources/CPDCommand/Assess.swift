import ArgumentParser
import Confirmation
import CPDActivityFile
import CPDReport
import CPDRules
import Forms
import Foundation
import Intake
import OCR
import PersonNames
import Wording
import WorkerConfirmation

struct Assess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess a worker's evidence against the rules: a folder of documents, or an activity file.",
        discussion: """
            Every document gets its criterion and credit units, a refusal with the reason and the \
            paragraph it rests on, or a review when a fact the criterion needs is missing or \
            uncertain. Then the totals by chapter and whether Appendix 3 is met for the target \
            category. A folder is named by the worker's IIN and read like `cpd extract`; an activity \
            file holds facts typed by hand (README, "Activity files").

            Examples:
              cpd assess inbox/850314410007 --register workers.json --journals scimago.csv \\
                --recommended-journals recommended.csv --as-of 2026-11-22 --format json
              cpd assess Samples/activities/saparova-nurse-first.yaml --target first
            """)

    @Argument(help: "A worker's folder (named by the IIN), or an activity file (.yaml, .yml, .json).", completion: .file())
    var input: String

    @OptionGroup var options: AssessmentOptions

    func run() async throws {
        let report = try await options.assess(input)
        print(options.format == .json ? encodeJSON(report) : report.text, terminator: "")
    }
}

/// What `assess` and `confirm` share: whose evidence, the date, the category, the readings.
struct AssessmentOptions: ParsableArguments {
    @Option(help: "Target qualification category: second, first or highest (default: the register's or the file's).")
    var target: QualificationCategory?

    @Option(name: .customLong("as-of"), help: "Confirmation date, YYYY-MM-DD (default: the file's asOf, else today).")
    var asOf: CalendarDate?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup(title: "Whose evidence, and the journal lists")
    var context: EvidenceContextOptions

    @OptionGroup(title: "Readings of the rules")
    var readings: ReadingOptions

    @Option(help: "Text-recognition engines to run at once (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Assesses a folder or an activity file.
    func assess(_ input: String) async throws -> AssessmentReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw CommandFailure.cannotRead(input, "no such file or folder")
        }
        return isDirectory.boolValue ? try await assessFolder(URL(fileURLWithPath: input)) : try assessActivityFile(input)
    }

    func assessFolder(_ folder: URL) async throws -> AssessmentReport {
        let assessed = try await confirmFolder(folder).assessment
        var report = Self.report(assessed)
        report.level = try levelDecision(assessed).map { LevelReport($0.decision, worker: .init(iin: assessed.workerIIN, fullName: $0.fullName)) }
        return report
    }

    /// Chapter 3 for the level the register database names (`targetLevel`), decided on the same
    /// folder: its assessment's certificate, work-functions report and CPD.
    func levelDecision(_ assessed: FolderAssessment) throws -> (decision: LevelAssignment, fullName: String)? {
        guard let iin = assessed.workerIIN, let worker = try context.loadRegister()?.record(iin: iin), let target = worker.targetLevel else { return nil }
        let decision = WorkerLevel.decide(worker, target: target, on: assessed.assessment.confirmationDate, folder: assessed, recorded: [])
        return (decision, worker.fullName)
    }

    static func report(_ assessed: FolderAssessment) -> AssessmentReport {
        AssessmentReport(
            assessment: assessed.assessment, worker: .init(iin: assessed.workerIIN, fullName: assessed.workerName.description),
            origins: assessed.documents.map { .file($0.record) }, corrections: assessed.documents.map(\.corrections))
    }

    /// The worker's confirmation as these options set it up, on the machine's clock.
    func workerConfirmation(language: FormLanguage) throws -> WorkerConfirmation {
        var settings = WorkerConfirmation.Settings()
        settings.language = language
        settings.confirmationDate = asOf
        settings.targetCategory = target
        settings.workerName = context.worker.flatMap(PersonName.init(registerName:))
        settings.interpretation = readings.interpretation
        return WorkerConfirmation(register: try context.loadRegister(), settings: settings, clock: SystemCalendarClock())
    }

    /// A worker's folder confirmed (`WorkerConfirmation`): every file read as `cpd extract` reads
    /// it, then decided; the forms written when `output` is given.
    func confirmFolder(
        _ folder: URL, language: FormLanguage = .ru, writing output: (forms: Forms, to: WorkerConfirmation.FormsOutput)? = nil
    ) async throws -> WorkerConfirmation.Confirmed {
        let confirmation = try workerConfirmation(language: language)
        do {
            return try await confirmation.confirm(folder: folder, writing: output) { worker, files in
                try await Self.read(files, of: worker.name, lists: context.lists, interpretation: readings.interpretation, jobs: jobs)
            }
        } catch let stop as WorkerConfirmation.Stop {
            throw Self.failure(stop)
        } catch is WorkerConfirmation.FolderNotReadable {
            throw CommandFailure.cannotRead(folder.path, "not a readable folder")
        } catch let failure as WorkerConfirmation.FormsNotWritten {
            switch failure.reason {
            case let tooLong as Forms.FieldTooLong: throw CommandFailure.invalidInput("\(tooLong)")
            case let broken as Forms.Failure: throw CommandFailure.brokenTemplates(broken.description)
            default:
                let directory = if case .folder(let url) = output?.to { url.path } else { folder.path }
                throw CommandFailure.cannotWrite("cannot write the forms to \(directory): \(failure.reason.localizedDescription)")
            }
        } catch let failure as WorkerDirectory.Failure {
            throw CommandFailure(failure)
        }
    }

    /// Every file of a worker's folder read as `cpd extract` reads it, with a progress line.
    static func read(_ files: [URL], of worker: PersonName, lists: EvidenceListOptions, interpretation: Interpretation, jobs: Int) async throws -> [ExtractionRecord] {
        let journals = try lists.loadJournalLists()
        let lexicon = try lists.loadLexicon()
        let pool = OCRPool(size: jobs)
        defer { pool.shutDown() }
        let intake = Intake(
            options: IntakeOptions(
                worker: worker, quartiles: journals.quartiles, recommendedJournals: journals.recommended,
                interpretation: interpretation, lexicon: lexicon),
            ocr: pool)
        let progress = ProgressLine(total: files.count)
        let records = await intake.read(files.map(\.path), concurrency: jobs) { _, _ in progress.advance() }.flatMap { $0 }
        progress.finish()
        return records
    }

    /// Why a worker is not assessed, as a usage error (64) or bad input (65).
    static func failure(_ stop: WorkerConfirmation.Stop) -> any Error {
        switch stop {
        case .noWorker: ValidationError("Give --register (the folder's name is the worker's IIN) or --worker for a folder.")
        case .notInRegister(let iin): CommandFailure.invalidInput("the register has no worker with IIN \(iin), the folder's name; give --worker")
        case .blocked(let expired):
            CommandFailure.invalidInput(
                "the register blocks this worker: the specialist certificate expired on \(expired), and a blocked record is not confirmed until the certificate is renewed (register rules, paragraph 14, item 5)")
        case .noTargetCategory: ValidationError("Give the target category with --target (second, first or highest); the register does not state it.")
        }
    }

    func assessActivityFile(_ path: String) throws -> AssessmentReport {
        let file = try readActivityFile(path)
        guard let category = target ?? file.targetCategory else {
            throw ValidationError("Give the target category with --target (second, first or highest), or targetCategory in the file.")
        }
        let assessment = Assessment(
            evidence: file.entries.map(\.evidence), confirmationDate: SystemCalendarClock().confirmationDate(fixed: asOf ?? file.confirmationDate),
            targetCategory: category, interpretation: readings.interpretation)
        let worker = (file.workerIIN != nil || file.workerName != nil)
            ? AssessmentReport.Worker(iin: file.workerIIN, fullName: file.workerName) : nil
        return AssessmentReport(assessment: assessment, worker: worker, origins: file.entries.map { .entry(line: $0.line) })
    }

    /// The file, read whole: activity files are small, and a larger one is a mistake.
    func readActivityFile(_ path: String) throws -> ActivityFile {
        let url = URL(fileURLWithPath: path)
        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        guard size <= 10_000_000 else { throw CommandFailure.cannotRead(path, "larger than 10 MB; an activity file is text") }
        guard let data = try? Data(contentsOf: url) else { throw CommandFailure.cannotRead(path, "not a readable file") }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure.invalidInput("\(path): not UTF-8 text") }
        do {
            return try ActivityFile(text: text, name: path)
        } catch {
            throw CommandFailure.invalidInput("\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") in the activity file:\n\(error)")
        }
    }
}

extension QualificationCategory: ExpressibleByArgument {
    public init?(argument: String) {
        guard let category = Self(rawValue: argument.lowercased()), category != .none else { return nil }
        self = category
    }

    public static var allValueStrings: [String] { ["second", "first", "highest"] }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }

    /// Today on the machine's clock: the HR office's day.
    static var today: CalendarDate { SystemCalendarClock().today }
}
