import Confirmation
import CPDRules
import Forms
import Foundation
import Intake
import PersonNames
import Testing
import Wording
import WorkerConfirmation

/// A register of one worker whose certificate expires on a given day, keeping what it is told.
final class OneWorkerRegister: WorkerRegister, @unchecked Sendable {
    let iin = "901126439533"
    let certificateExpires: CalendarDate?
    let targetCategory: QualificationCategory?
    private let lock = NSLock()
    private var kept: [(iin: String?, forms: [String])] = []

    init(certificateExpires: CalendarDate? = nil, targetCategory: QualificationCategory? = .second) {
        self.certificateExpires = certificateExpires
        self.targetCategory = targetCategory
    }

    var recorded: [(iin: String?, forms: [String])] { lock.withLock { kept } }

    func identity(iin: String, language: FormLanguage, on date: CalendarDate) -> WorkerIdentity? {
        guard iin == self.iin else { return nil }
        return WorkerIdentity(
            name: PersonName(registerName: "Исаева Лаура Жанатовна")!, targetCategory: targetCategory, details: RegisterDetails(),
            blockedSince: certificateExpires.flatMap { $0 < date ? $0 : nil })
    }

    func recordConfirmation(_ assessed: FolderAssessment, forms: [String]) throws {
        lock.withLock { kept.append((assessed.workerIIN, forms)) }
    }
}

/// A worker's folder with one file in it, removed when the test ends.
final class Folder {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-confirmation-\(UUID().uuidString)")
    var worker: URL { root.appendingPathComponent("901126439533") }

    init() throws {
        try FileManager.default.createDirectory(at: worker, withIntermediateDirectories: true)
        try Data("%PDF-1.4\n".utf8).write(to: worker.appendingPathComponent("certificate.pdf"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }
}

@Suite("One worker's confirmation, as assess, confirm and the watch run it")
struct WorkerConfirmationTests {
    static let day = FixedCalendarClock(CalendarDate("2026-11-22")!)

    /// Register rules, paragraph 14, item 5: the record is blocked from the day after expiry, and
    /// a blocked worker's files are not even read.
    @Test(arguments: [("2026-11-21", true), ("2026-11-22", false)])
    func aBlockedWorkersFilesAreNeverRead(expires: String, blocked: Bool) async throws {
        let folder = try Folder()
        let confirmation = WorkerConfirmation(register: OneWorkerRegister(certificateExpires: CalendarDate(expires)), clock: Self.day)
        nonisolated(unsafe) var read: [URL] = []
        do {
            _ = try await confirmation.confirm(folder: folder.worker) { _, files in
                read = files
                return []
            }
            #expect(!blocked)
            #expect(read.map(\.lastPathComponent) == ["certificate.pdf"])
        } catch let stop as WorkerConfirmation.Stop {
            #expect(blocked && stop == .blocked(since: CalendarDate(expires)!))
            #expect(read.isEmpty)
        }
    }

    @Test func whyAWorkerIsNotAssessed() {
        let noRegister = WorkerConfirmation(register: nil, clock: Self.day)
        #expect(throws: WorkerConfirmation.Stop.noWorker) { try noRegister.worker(iin: "901126439533") }
        let register = OneWorkerRegister(targetCategory: nil)
        #expect(throws: WorkerConfirmation.Stop.notInRegister(iin: "850314410007")) {
            try WorkerConfirmation(register: register, clock: Self.day).worker(iin: "850314410007")
        }
        #expect(throws: WorkerConfirmation.Stop.noTargetCategory) {
            try WorkerConfirmation(register: register, clock: Self.day).worker(iin: "901126439533")
        }
        var settings = WorkerConfirmation.Settings()
        settings.workerName = PersonName(registerName: "Исаева Лаура Жанатовна")
        settings.targetCategory = .first
        let named = WorkerConfirmation(register: nil, settings: settings, clock: Self.day)
        #expect((try? named.worker(iin: "901126439533"))?.targetCategory == .first)
    }

    /// The day of the assessment is the clock's, unless a date is fixed.
    @Test(arguments: [(nil, "2026-11-22"), ("2025-06-30", "2025-06-30")] as [(String?, String)])
    func theConfirmationDateComesFromTheClock(fixed: String?, expected: String) throws {
        var settings = WorkerConfirmation.Settings()
        settings.confirmationDate = fixed.flatMap { CalendarDate($0) }
        let confirmation = WorkerConfirmation(register: OneWorkerRegister(), settings: settings, clock: Self.day)
        let confirmed = try confirmation.confirm(try confirmation.worker(iin: "901126439533"), records: [], writing: nil)
        #expect(confirmed.assessment.assessment.confirmationDate == CalendarDate(expected))
    }

    /// The forms are written first, then recorded in the register with their paths.
    @Test func theFormsWrittenAreRecorded() async throws {
        let folder = try Folder()
        let register = OneWorkerRegister()
        let forms = try Forms(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates/forms"))
        let output = folder.root.appendingPathComponent("forms")
        let confirmed = try await WorkerConfirmation(register: register, clock: Self.day)
            .confirm(folder: folder.worker, writing: (forms, .folder(output))) { _, _ in [] }
        #expect(confirmed.forms == [output.appendingPathComponent("appendix2.pdf").path])
        #expect(FileManager.default.fileExists(atPath: confirmed.forms[0]))
        #expect(register.recorded.map(\.forms) == [confirmed.forms])
    }
}
