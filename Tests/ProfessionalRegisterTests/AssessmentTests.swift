import CPDRules
import Foundation
import ProfessionalRegister
import Testing

@Suite("Paragraph 14, items 2 and 3: assessments kept with the worker, the list for training")
struct AssessmentTests {
    static func totals(_ additional: String, _ nonFormal: String) -> Totals {
        var totals = Totals()
        totals.additionalEducation = CreditUnits(additional)!
        totals.nonFormalAndCompetences = CreditUnits(nonFormal)!
        return totals
    }

    @Test func assessmentsAndFormsAreKeptExactly() throws {
        let register = try ProfessionalRegister()
        let worker = FormTests.completeWorker()
        try register.save(worker, by: "hr")
        let first = AssessmentRecord(
            confirmationDate: Fixtures.date("2021-11-22"), targetCategory: .second, totals: Self.totals("150.5", "59.75"),
            meetsRequirements: false, forms: ["forms/850314410007/refusal.pdf", "forms/850314410007/appendix2.pdf"])
        let assessment = Assessment(evidence: [], confirmationDate: Fixtures.date("2026-11-22"), targetCategory: .first)
        let second = AssessmentRecord(assessment, forms: [])
        try register.record(second, for: worker.iin, by: "hr")
        try register.record(first, for: worker.iin, by: "hr")
        let kept = try register.assessments(of: worker.iin)
        #expect(kept.map(\.confirmationDate) == [first.confirmationDate, second.confirmationDate])
        #expect(kept[0].totals.total == CreditUnits("210.25"))
        #expect(kept[0].forms == first.forms.sorted())
        #expect(kept[1].meetsRequirements == false && kept[1].targetCategory == .first)
        #expect(try register.history(of: worker.iin).compactMap(\.newValue).last == "2021-11-22, second: 210.25 CU, not met")
        #expect(throws: RegisterStoreError.notRegistered) { try register.record(first, for: try IIN("790122483937"), by: "hr") }
    }

    @Test func anAssessmentEqualToTheLatestIsKeptOnce() throws {
        let register = try ProfessionalRegister()
        let worker = FormTests.completeWorker()
        try register.save(worker, by: "hr")
        let assessment = AssessmentRecord(
            confirmationDate: Fixtures.date("2026-11-22"), targetCategory: .second, totals: Self.totals("60", "150"),
            meetsRequirements: true, forms: ["out/850314410007/appendix2.pdf"])
        let other = AssessmentRecord(
            confirmationDate: Fixtures.date("2026-11-22"), targetCategory: .second, totals: Self.totals("60", "140"),
            meetsRequirements: false, forms: ["out/850314410007/appendix2.pdf", "out/850314410007/refusal.pdf"])
        for record in [assessment, assessment, other, other, assessment] { try register.record(record, for: worker.iin, by: "watch") }
        #expect(try register.assessments(of: worker.iin).map(\.meetsRequirements) == [true, false, true])
    }

    @Test func theListForAdvancedTraining() throws {
        let register = try ProfessionalRegister()
        let today = Fixtures.date("2026-11-22")
        func enter(_ born: String, target: QualificationCategory?, _ assessments: [AssessmentRecord]) throws -> IIN {
            var worker = Fixtures.worker(Fixtures.iin(born))
            worker.targetCategory = target
            try register.save(worker, by: "hr")
            for assessment in assessments { try register.record(assessment, for: worker.iin, by: "hr") }
            return worker.iin
        }
        func assessed(_ date: String, _ category: QualificationCategory, _ additional: String, _ nonFormal: String, met: Bool) -> AssessmentRecord {
            AssessmentRecord(confirmationDate: Fixtures.date(date), targetCategory: category, totals: Self.totals(additional, nonFormal), meetsRequirements: met, forms: [])
        }
        let never = try enter("1980-01-01", target: .first, [])
        let lapsed = try enter("1980-01-02", target: .first, [assessed("2021-11-22", .first, "120", "90", met: true)])
        let inWindow = try enter("1980-01-03", target: .first, [assessed("2021-11-23", .first, "120", "90", met: true)])
        let short = try enter("1980-01-04", target: .highest, [assessed("2025-05-01", .highest, "40", "150.5", met: false)])
        let raised = try enter("1980-01-05", target: .first, [assessed("2024-05-01", .second, "100", "120", met: true)])
        _ = try enter("1980-01-06", target: nil, [])
        _ = try enter("1980-01-07", target: QualificationCategory.none, [])
        // An assessment after the day asked about does not count.
        let later = try enter("1980-01-08", target: .second, [assessed("2026-11-23", .second, "150", "60", met: true)])

        let due = try register.dueForTraining(on: today)
        #expect(due.map(\.iin) == [never, lapsed, short, raised, later])
        #expect(!due.map(\.iin).contains(inWindow))
        #expect(due[0].reason == .noConfirmation)
        #expect(due[1].reason == .confirmationOutsideWindow(last: Fixtures.date("2021-11-22")))
        guard case .shortfall(let checks) = due[2].reason, case .shortfall(let raisedChecks) = due[3].reason else {
            Issue.record("expected shortfalls")
            return
        }
        #expect(checks.map { "\($0.measure.rawValue) \($0.shortfall)" } == ["total 19.5", "additionalEducation 20"])
        // Met for the second category; the first asks 120 CU of Chapter 1, not 100.
        #expect(raisedChecks.map { "\($0.measure.rawValue) \($0.shortfall)" } == ["additionalEducation 20"])
        #expect(due[2].reason.description == "short of Appendix 3: 19.5 CU of the total, 20 CU of additional education")
    }
}
