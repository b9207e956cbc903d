import CPDRules
import Foundation
import ProfessionalRegister
import Testing

@Suite("Register extract: the workers the confirmation commands take, by IIN")
struct RegisterExtractTests {
    @Test func readsTheCorpusWorkers() throws {
        let extract = try RegisterExtract(json: try Fixtures.corpusWorkers())
        #expect(extract.workers.count == 20)
        let worker = try #require(extract.worker(iin: "790122483937"))
        #expect(worker.fullName == "Искакова Мадина Асановна")
        #expect(worker.targetCategory == .highest)
        #expect(worker.employment == nil)
    }

    @Test(arguments: [
        (#"[{"fullName": "А"}]"#, "entry 1: missing iin"),
        (#"[{"iin": "1", "fullName": "А"}, {"iin": "1", "fullName": "Б"}]"#, "IIN 1 is listed twice"),
        (#"[{"iin": "1", "fullName": "А", "totalService": "восемнадцать лет"}]"#,
         "entry 1, totalService: cannot read \"восемнадцать лет\" as a length of service: \"восемнадцать\" is not a number written in digits; "
            + "write it as \"18 лет 2 месяца 15 дней\", \"18 жыл 2 ай 15 күн\", \"18 years 2 months 15 days\", \"18.2.15\" or \"P18Y2M15D\""),
        (#"[{"iin": "1", "fullName": "А"}, {"iin": "2", "fullName": "Б", "qualificationCategory": "вторая категория"}]"#,
         "entry 2, qualificationCategory: \"вторая категория\" is not a category: none, second, first or highest (вторая, первая, высшая)"),
    ])
    func refusesAnExtractItCannotUse(_ json: String, reason: String) {
        #expect(throws: RegisterError.invalid(reason)) { try RegisterExtract(json: Data(json.utf8)) }
    }

    /// Lengths of service and the category in the words of any of the forms' languages.
    @Test func readsLengthsOfServiceAndCategoriesInEveryLanguage() throws {
        let json = #"[{"iin": "1", "fullName": "А", "totalService": "18 жыл 2 ай 15 күн", "specialtyService": "16 years 5 months", "qualificationCategory": "екінші"}]"#
        let worker = try #require(try RegisterExtract(json: Data(json.utf8)).worker(iin: "1"))
        #expect(worker.totalService == ServiceLength(years: 18, months: 2, days: 15))
        #expect(worker.specialtyService == ServiceLength(years: 16, months: 5, days: 0))
        #expect(worker.category == .second)
    }
}
