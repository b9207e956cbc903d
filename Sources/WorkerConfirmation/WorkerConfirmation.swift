import Confirmation
import CPDRules
import Forms
import Foundation
import Intake
import PersonNames
import Wording

/// Who a worker folder belongs to, as the register says: the name, the target category and
/// what the Appendix 2 form is filled from.
public struct WorkerIdentity: Sendable {
    public let name: PersonName
    public let targetCategory: QualificationCategory?
    public let details: RegisterDetails
    /// The day the specialist certificate expired, when it has: the register then blocks the
    /// record (register rules, paragraph 14, item 5).
    public let blockedSince: CalendarDate?

    public init(name: PersonName, targetCategory: QualificationCategory?, details: RegisterDetails, blockedSince: CalendarDate? = nil) {
        self.name = name
        self.targetCategory = targetCategory
        self.details = details
        self.blockedSince = blockedSince
    }
}

/// Where workers are looked up and their confirmations kept: the register database or an
/// extract (`WorkerDirectory`), or a list a test holds.
public protocol WorkerRegister: Sendable {
    /// The worker registered under `iin`, with the form's fields in `language`, blocked or not
    /// on `date`; nil for an IIN the register does not know.
    func identity(iin: String, language: FormLanguage, on date: CalendarDate) -> WorkerIdentity?
    /// Keeps a confirmation and the paths of its forms, where the register can.
    func recordConfirmation(_ assessed: FolderAssessment, forms: [String]) throws
    /// An officer's corrections of the worker's documents, oldest first (`cpd serve`).
    func corrections(iin: String) throws -> [Correction]
}

extension WorkerRegister {
    /// A register that keeps no corrections (an extract, a test's list).
    public func corrections(iin: String) throws -> [Correction] { [] }
}

/// One worker's confirmation, as `cpd assess`, `cpd confirm` and `cpd watch` run it: identify the
/// worker, stop at a blocked record before any file is read, read, assess, write the forms,
/// record the confirmation in the register. The callers differ only in how the files are read
/// (all at once, or one by one as the watch keeps them) and where the forms go.
public struct WorkerConfirmation: Sendable {
    public struct Settings: Sendable {
        /// The language of the forms, and of the register's fields on them.
        public var language: FormLanguage = .ru
        /// A fixed confirmation date; nil for the clock's day.
        public var confirmationDate: CalendarDate?
        /// The target category, over the register's.
        public var targetCategory: QualificationCategory?
        /// The worker's name, over the register's (or without one).
        public var workerName: PersonName?
        public var interpretation: Interpretation = .default

        public init() {}
    }

    /// Why a worker is not assessed.
    public enum Stop: Error, Equatable, Sendable {
        /// Neither a register nor a name says who the worker is.
        case noWorker
        case notInRegister(iin: String)
        /// Register rules, paragraph 14, item 5: a record whose specialist certificate expired is
        /// blocked, and not confirmed until the certificate is renewed.
        case blocked(since: CalendarDate)
        case noTargetCategory
    }

    /// A worker who may be assessed, with the day of the assessment.
    public struct Worker: Sendable {
        /// The folder's name: the IIN.
        public let folderName: String
        public let name: PersonName
        public let targetCategory: QualificationCategory
        public let details: RegisterDetails
        public let confirmationDate: CalendarDate
    }

    /// Where the forms are written.
    public enum FormsOutput: Sendable {
        /// A folder the user names, which may hold other files: each form replaced atomically.
        case folder(URL)
        /// A folder of its own, replaced whole at once (`FormSet`), as the watch keeps them.
        case formSet(URL, writeFile: FormSet.FileWriter)
    }

    /// The forms could not be rendered or written: the worker's fault, not the register's.
    public struct FormsNotWritten: Error, CustomStringConvertible {
        public let reason: any Error
        public var description: String { "\(reason)" }
    }

    /// A worker's folder that cannot be listed.
    public struct FolderNotReadable: Error {
        public let folder: URL
        public let reason: any Error
    }

    /// The assessment, and the paths of the forms written (none when no forms were asked for).
    public struct Confirmed: Sendable {
        public let assessment: FolderAssessment
        public let forms: [String]
    }

    public let register: (any WorkerRegister)?
    public let settings: Settings
    public let clock: any CalendarClock

    public init(register: (any WorkerRegister)?, settings: Settings = Settings(), clock: any CalendarClock = SystemCalendarClock()) {
        self.register = register
        self.settings = settings
        self.clock = clock
    }

    /// Whether the register knows the folder `iin` names, blocked or not.
    public func isRegistered(_ iin: String) -> Bool {
        register?.identity(iin: iin, language: settings.language, on: clock.confirmationDate(fixed: settings.confirmationDate)) != nil
    }

    /// Identifies the worker of the folder `iin` names, and stops at a blocked record.
    public func worker(iin: String) throws(Stop) -> Worker {
        let date = clock.confirmationDate(fixed: settings.confirmationDate)
        let registered = register?.identity(iin: iin, language: settings.language, on: date)
        guard let name = settings.workerName ?? registered?.name else { throw register == nil ? .noWorker : .notInRegister(iin: iin) }
        if let expired = registered?.blockedSince { throw .blocked(since: expired) }
        guard let category = settings.targetCategory ?? registered?.targetCategory else { throw .noTargetCategory }
        return Worker(folderName: iin, name: name, targetCategory: category, details: registered?.details ?? RegisterDetails(), confirmationDate: date)
    }

    /// A folder's confirmation from start to end: its worker identified and checked, its files
    /// listed and handed to `read`, the records assessed, and, when `output` is given, the
    /// forms written there and recorded in the register.
    public func confirm(
        folder: URL, writing output: (forms: Forms, to: FormsOutput)? = nil,
        read: (Worker, [URL]) async throws -> [ExtractionRecord]
    ) async throws -> Confirmed {
        let worker = try worker(iin: folder.standardizedFileURL.lastPathComponent)
        let files: [URL]
        do { files = try WorkerFolder.evidenceFiles(in: folder) } catch { throw FolderNotReadable(folder: folder, reason: error) }
        return try confirm(worker, records: try await read(worker, files), writing: output)
    }

    /// The worker's records assessed, and the forms written and recorded when `output` is given.
    /// An officer's corrections, kept in the register, are applied to the records first.
    public func confirm(_ worker: Worker, records: [ExtractionRecord], writing output: (forms: Forms, to: FormsOutput)?) throws -> Confirmed {
        let assessed = FolderAssessment(
            records: records, workerIIN: WorkerFolder.isIINShaped(worker.folderName) ? worker.folderName : nil, workerName: worker.name,
            confirmationDate: worker.confirmationDate, targetCategory: worker.targetCategory, interpretation: settings.interpretation,
            corrections: try register?.corrections(iin: worker.folderName) ?? [])
        guard let output else { return Confirmed(assessment: assessed, forms: []) }
        let forms = try write(assessed, of: worker, forms: output.forms, to: output.to)
        try register?.recordConfirmation(assessed, forms: forms)
        return Confirmed(assessment: assessed, forms: forms)
    }

    /// Writes the form set; returns the paths of the forms (the PDFs) for the register.
    func write(_ assessed: FolderAssessment, of worker: Worker, forms: Forms, to output: FormsOutput) throws(FormsNotWritten) -> [String] {
        let directory: URL
        let files: [(name: String, data: Data)]
        do {
            files = try ConfirmationOutputs.files(assessed, register: worker.details, language: settings.language, forms: forms)
            switch output {
            case .folder(let folder):
                directory = folder
                try ConfirmationOutputs.write(files, to: folder)
            case .formSet(let folder, let writeFile):
                directory = folder
                try FormSet.replace(folder, with: files, writeFile: writeFile)
            }
        } catch {
            throw FormsNotWritten(reason: error)
        }
        return ["appendix2.pdf", "refusal.pdf"].filter { name in files.contains { $0.name == name } }
            .map { directory.appendingPathComponent($0).path }
    }
}

/// The machine's clock: the day in its time zone, the HR office's.
public struct SystemCalendarClock: CalendarClock {
    public init() {}
    public var today: CalendarDate { CalendarDate(localDay: Date()) }
}

extension CalendarDate {
    /// The day `date` falls on where the HR office is (the machine's time zone).
    public init(localDay date: Date) {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        self = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
