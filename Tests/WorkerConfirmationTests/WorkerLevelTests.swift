import CPDRules
import Confirmation
import Intake
import PersonNames
import ProfessionalRegister
import Testing
import WorkerConfirmation

/// A level decision gathered from where each fact lives.
@Suite("A worker's level decision")
struct WorkerLevelTests {
    static func worker() throws -> Worker {
        var worker = Worker(iin: try IIN("850314410007"), surname: "Сапарова", firstName: "Жанар", patronymic: "Ерлановна")
        worker.sqfLevel = QualificationLevel("5.1")
        worker.sqfLevelObtainedOn = CalendarDate("2021-04-15")
        return worker
    }

    static func record(_ day: String, _ category: QualificationCategory, met: Bool) -> AssessmentRecord {
        var totals = Totals()
        totals.add(120, in: .additionalEducation)
        totals.add(90, in: .nonFormalEducation)
        return AssessmentRecord(confirmationDate: CalendarDate(day)!, targetCategory: category, totals: totals, meetsRequirements: met, forms: [])
    }

    /// Without a folder: the latest recorded confirmation for the level's column, none after the day.
    @Test func withoutAFolderTheLatestConfirmationForTheColumnCounts() throws {
        let recorded = [
            Self.record("2025-01-10", .first, met: true), Self.record("2026-02-01", .second, met: false),
            Self.record("2026-12-01", .first, met: false),
        ]
        let decision = WorkerLevel.decide(try Self.worker(), target: QualificationLevel("5.2")!, on: CalendarDate("2026-11-22")!, folder: nil, recorded: recorded)
        let cpd = try #require(decision.condition(.cpd))
        #expect(cpd.status == .met)
        #expect(cpd.sources == [LevelAssignment.Source(.assessment, "the register's confirmation of 2025-01-10 for the first category")])
        // The documents were not read: their conditions cannot be told.
        #expect(decision.condition(.assessmentResult)?.status == .cannotTell)
        #expect(decision.condition(.workFunctions)?.status == .cannotTell)
    }

    @Test func aFoldersLevelDocumentsAndCPDAreRead() throws {
        var result = ExtractionRecord(file: "/inbox/850314410007/12_result.pdf", sha256: "1")
        result.holderName = "Сапарова Жанар Ерлановна"
        result.levelDocument = LevelDocument(kind: .assessmentResult, date: CalendarDate("2026-10-01"), passed: true, level: "5.2")
        var report = ExtractionRecord(file: "/inbox/850314410007/13_report.jpg", sha256: "2")
        report.holderName = "Иванова Анна Петровна"
        report.levelDocument = LevelDocument(kind: .workFunctionsReport, date: CalendarDate("2026-10-15"), level: "5.2", issuer: .headOfUnit)
        let folder = FolderAssessment(
            records: [result, report], workerIIN: "850314410007", workerName: PersonName(registerName: "Сапарова Жанар Ерлановна")!,
            confirmationDate: CalendarDate("2026-11-22")!, targetCategory: .first)
        let decision = WorkerLevel.decide(try Self.worker(), target: QualificationLevel("5.2")!, on: CalendarDate("2026-11-22")!, folder: folder, recorded: [])
        #expect(decision.condition(.assessmentResult)?.status == .met)
        #expect(decision.condition(.assessmentResult)?.sources == [LevelAssignment.Source(.document, "12_result.pdf")])
        #expect(decision.condition(.workFunctions)?.status == .notMet)
        #expect(decision.condition(.workFunctions)?.reasons == [Finding(.levelIssuedToSomeoneElse, ["holder": .text("Иванова Анна Петровна")])])
        #expect(decision.condition(.cpd)?.status == .notMet)  // no CPD evidence in the folder
    }
}
