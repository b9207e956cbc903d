import CPDRules
import Foundation
import ProfessionalRegister
import Testing

@Suite("Paragraph 9: every change recorded, never silently overwritten")
struct HistoryTests {
    @Test func theHistoryTellsWhoChangedWhatAndWhen() throws {
        let register = try ProfessionalRegister()
        let iin = try IIN("850314410007")
        try register.set(
            [("fullName", "Сапарова Жанар Ерлановна"), ("position", "медицинская сестра"), ("certificate.expiresOn", "2026-03-31")],
            on: iin, entering: true, by: "Сейтказина А.")
        // Renewal of the certificate, a new post, a dismissal entered in the labour activity table.
        try register.set(
            [("certificate.expiresOn", "31.03.2031"), ("position", "старшая медицинская сестра"), ("employment[1].hired", "2010-07-01")],
            on: iin, entering: false, by: "Омарова Б.")
        try register.set([("employment[1].dismissed", "2026-10-31"), ("position", nil)], on: iin, entering: false, by: "Омарова Б.")
        // Setting a field to the value it has records nothing.
        #expect(try register.set([("employment[1].hired", "2010-07-01")], on: iin, entering: false, by: "x").isEmpty)

        let history = try register.history(of: iin)
        #expect(history.map { "\($0.changedBy): \($0.field ?? "entered") \($0.oldValue ?? "—") → \($0.newValue ?? "—")" } == [
            "Сейтказина А.: entered — → —",
            "Омарова Б.: position медицинская сестра → старшая медицинская сестра",
            "Омарова Б.: certificate.expiresOn 2026-03-31 → 2031-03-31",
            "Омарова Б.: employment[1].hired — → 2010-07-01",
            "Омарова Б.: position старшая медицинская сестра → —",
            "Омарова Б.: employment[1].dismissed — → 2026-10-31",
        ])
        for change in history {
            #expect(change.changedAt.hasSuffix("Z") && change.changedAt.count == 20, "an instant in UTC: \(change.changedAt)")
        }
        let worker = try #require(try register.worker(iin))
        #expect(worker.position == nil)
        #expect(worker.certificate.expiresOn == CalendarDate("2031-03-31"))
    }

    @Test func aSavedWorkerIsComparedFieldByField() throws {
        let register = try ProfessionalRegister()
        var worker = FormTests.completeWorker()
        #expect(try register.save(worker, by: "hr").map(\.field) == [nil])
        worker.employment[1].dismissed = CalendarDate("2026-10-31")
        worker.employment.append({
            var row = Worker.Employment()
            row.hired = CalendarDate("2026-11-01")
            row.employerBIN = try! BIN("961141000023")
            return row
        }())
        worker.education = []
        let changes = try register.save(worker, by: "hr")
        #expect(changes.map(\.field) == [
            "education[1].document", "education[1].institution", "education[1].specialty", "education[1].issuedOn",
            "employment[2].dismissed", "employment[3].hired", "employment[3].employerBIN",
        ])
        #expect(changes[0].oldValue == "диплом ТКБ № 0012345" && changes[0].newValue == nil)
        #expect(try register.worker(worker.iin) == worker)
    }

    @Test func refusedEditsChangeNothing() throws {
        let register = try ProfessionalRegister()
        let worker = FormTests.completeWorker()
        try register.save(worker, by: "hr")
        let refusals: [([(field: String, value: String?)], String)] = [
            ([("iin", "790122483937")], "iin: the IIN names the record and cannot be changed"),
            ([("gender", "male")], "gender: the gender differs from the one the IIN encodes"),
            ([("employment[2].dismissed", "2009-01-01")], "employment[2].dismissed: is before employment[2].hired"),
            ([("certificate.issuedOn", "2028-01-01")], "certificate.expiresOn: is before certificate.issuedOn"),
            ([("education[3].document", "x")], "education[3].document: row 3 does not exist; the table has 1 and the next is 2"),
        ]
        for (fields, message) in refusals {
            #expect(throws: RegisterStoreError.invalid(file: nil, problems: [RegisterProblem(line: nil, field: String(message.prefix { $0 != ":" }), message: String(message.drop { $0 != ":" }.dropFirst(2)))])) {
                try register.set(fields, on: worker.iin, entering: false, by: "hr")
            }
        }
        #expect(try register.worker(worker.iin) == worker)
        #expect(try register.history(of: worker.iin).count == 1)
        #expect(throws: RegisterStoreError.notRegistered) { try register.set([("position", "x")], on: try IIN("790122483937"), entering: false, by: "hr") }
        #expect(throws: RegisterStoreError.alreadyRegistered) { try register.set([("position", "x")], on: worker.iin, entering: true, by: "hr") }
    }
}
