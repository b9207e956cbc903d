import Confirmation
import CPDRules
import Forms
import Foundation
import PersonNames
import ProfessionalRegister
import Wording

/// Who the worker of a folder is: from a register extract (JSON) or from the register database,
/// whichever `--register` names (a database is told by its first bytes).
public struct WorkerDirectory: WorkerRegister {
    public enum Source: Sendable {
        case extract(RegisterExtract)
        case database(ProfessionalRegister)
    }

    /// Why the register cannot be used; the command line gives each its exit code.
    public enum Failure: Error, CustomStringConvertible {
        case cannotRead(path: String, reason: String)
        case invalidExtract(path: String, RegisterError)
        case cannotOpenDatabase(path: String, reason: String)
        case cannotRecord(reason: String)

        public var description: String {
            switch self {
            case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
            case .invalidExtract(let path, let error): "\(path): \(error)"
            case .cannotOpenDatabase(let path, let reason): "cannot open the register database \(path): \(reason)"
            case .cannotRecord(let reason): "cannot record the confirmation in the register: \(reason)"
            }
        }
    }

    public let source: Source

    public init(source: Source) { self.source = source }

    public static func open(_ path: String) throws(Failure) -> WorkerDirectory {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .cannotRead(path: path, reason: "no such file") }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if head.starts(with: Data("SQLite format 3".utf8)) { return try database(path) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .cannotRead(path: path, reason: "not a readable file") }
        do { return WorkerDirectory(source: .extract(try RegisterExtract(json: data))) } catch {
            throw .invalidExtract(path: path, error)
        }
    }

    /// The register in the database at `path`, opened without looking at the file first: a
    /// process that has the database open must not open its file by other means.
    public static func database(_ path: String) throws(Failure) -> WorkerDirectory {
        do { return WorkerDirectory(source: .database(try ProfessionalRegister(path: path))) } catch {
            throw .cannotOpenDatabase(path: path, reason: "\(error)")
        }
    }

    /// The worker registered under `iin`, with the form's fields in `language`; nil if unknown.
    public func identity(iin: String, language: FormLanguage, on date: CalendarDate) -> WorkerIdentity? {
        switch source {
        case .extract(let extract):
            guard let worker = extract.worker(iin: iin), let name = PersonName(registerName: worker.fullName) else { return nil }
            return WorkerIdentity(name: name, targetCategory: worker.targetCategory, details: RegisterDetails(worker, language: language), blockedSince: nil)
        case .database(let register):
            guard let number = try? IIN(iin), let worker = try? register.worker(number),
                let name = PersonName(registerName: worker.fullName)
            else { return nil }
            let expired = worker.certificate.expiresOn.flatMap { $0 < date ? $0 : nil }
            return WorkerIdentity(name: name, targetCategory: worker.targetCategory, details: RegisterDetails(worker, language: language), blockedSince: expired)
        }
    }

    /// The worker's record in the register database, for the decisions that read more than the
    /// form's fields (a level: `WorkerLevel`); nil for an extract or an unknown IIN.
    public func record(iin: String) -> Worker? {
        guard case .database(let register) = source, let number = try? IIN(iin) else { return nil }
        return try? register.worker(number)
    }

    /// The officer's corrections of the worker's documents, kept in the register database; an
    /// extract keeps none.
    public func corrections(iin: String) throws -> [Correction] {
        guard case .database(let register) = source, let number = try? IIN(iin) else { return [] }
        do { return try register.corrections(of: number).map(\.correction) } catch { throw Failure.cannotRecord(reason: "the corrections cannot be read: \(error)") }
    }

    /// Paragraph 14, item 2 of the register rules: the register keeps each confirmation and its
    /// forms. An extract has nowhere to keep them.
    public func recordConfirmation(_ assessed: FolderAssessment, forms: [String]) throws {
        guard case .database(let register) = source, let iin = assessed.workerIIN.flatMap({ try? IIN($0) }) else { return }
        do {
            try register.record(AssessmentRecord(assessed.assessment, forms: forms), for: iin, by: NSUserName())
        } catch {
            throw Failure.cannotRecord(reason: "\(error)")
        }
    }
}

extension RegisterDetails {
    /// The form's fields from a register extract; dates it gives as ISO 8601 or dd.mm.yyyy written
    /// the form's way, others as the extract has them.
    init(_ worker: RegisteredWorker, language: FormLanguage) {
        func date(_ text: String?) -> String? {
            text.map { text in (CalendarDate(text) ?? CalendarDate(dottedDayFirst: text)).map(language.format) ?? text }
        }
        self.init(
            totalService: worker.totalService, specialtyService: worker.specialtyService, placeOfWork: worker.placeOfWork,
            position: worker.position, sqfLevel: worker.sqfLevel, category: worker.category,
            postgraduateEducation: worker.postgraduateEducation,
            employment: (worker.employment ?? []).map {
                .init(hired: date($0.hired), dismissed: date($0.dismissed), placeOfWork: $0.placeOfWork, position: $0.position, orderNumber: $0.orderNumber, orderDate: date($0.orderDate))
            })
    }

    /// The form's fields from the register database, dates written the form's way.
    init(_ worker: Worker, language: FormLanguage) {
        func date(_ value: CalendarDate?) -> String? { value.map(language.format) }
        self.init(
            totalService: worker.totalService, specialtyService: worker.specialtyService, placeOfWork: worker.placeOfWork,
            position: worker.position, sqfLevel: worker.sqfLevel?.description,
            category: worker.qualificationCategory,
            postgraduateEducation: worker.postgraduateEducation,
            employment: worker.employment.map {
                .init(hired: date($0.hired), dismissed: date($0.dismissed), placeOfWork: $0.placeOfWork, position: $0.position,
                      orderNumber: $0.orderNumber, orderDate: date($0.orderDate))
            })
    }
}
