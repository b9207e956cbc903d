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
    ])
    func refusesAnExtractItCannotUse(_ json: String, reason: String) {
        #expect(throws: RegisterError.invalid(reason)) { try RegisterExtract(json: Data(json.utf8)) }
    }
}
