import CPDRules
import Foundation
import GRDB
@testable import ProfessionalRegister
import Testing

/// The fields chapter 3 of order ҚР ДСМ-283/2020 reads: the category certificate, the level
/// applied for, each education's track and country, each job's specialty.
@Suite("Register fields for qualification levels")
struct LevelFieldsTests {
    static let json = """
        [{"iin": "850314410007", "fullName": "Сапарова Жанар Ерлановна", "specialty": "Сестринское дело",
          "sqfLevel": "5.1", "sqfLevelObtainedOn": "2021-04-15", "targetLevel": "5.2", "qualificationCategory": "first",
          "categoryCertificate": {"number": "К-118", "issuedOn": "2016-05-10", "expiresOn": "indefinite"},
          "education": [{"document": "диплом СТБ № 0412233", "specialty": "Сестринское дело", "issuedOn": "2009-06-30", "track": "post-secondary"},
                        {"document": "diploma 7781", "institution": "University of Melbourne", "country": "Australia", "track": "higher"}],
          "employment": [{"hired": "2010-07-01", "specialty": "Сестринское дело", "position": "медицинская сестра"}]}]
        """

    @Test func jsonCarriesTheLevelFieldsIntoTheDatabaseAndBack() throws {
        let register = try ProfessionalRegister()
        _ = try register.importing(Self.json, format: .json).get()
        let worker = try #require(try register.worker(try IIN("850314410007")))
        #expect(worker.targetLevel == QualificationLevel("5.2"))
        #expect(worker.categoryCertificate.expiresOn == .indefinite)
        #expect(worker.categoryCertificate.number == "К-118")
        #expect(worker.education.map(\.track) == [.postSecondary, .higher])
        #expect(worker.education[1].country == "Australia")
        #expect(worker.employment[0].specialty == "Сестринское дело")
        // An export imports back unchanged.
        let exported = String(decoding: try JSONEncoder().encode([worker]), as: UTF8.self)
        #expect(try register.importing(exported, format: .json).get() == ImportSummary(unchanged: 1))
        #expect(RegisterCSV.columns.contains("categoryCertificate.expiresOn") && RegisterCSV.columns.contains("targetLevel"))
    }

    @Test(arguments: [
        ("categoryCertificate.expiresOn", "someday", "is neither a date (YYYY-MM-DD or DD.MM.YYYY) nor indefinite"),
        ("targetLevel", "5.4", "is not a level of Appendix 4 (4.0 to 6.3, 7.0 (I) to 7.3 (I), 7.1 (R) to 7.4 (R), 8)"),
    ])
    func badValuesAreRefusedWithTheirField(field: String, value: String, message: String) throws {
        let register = try ProfessionalRegister()
        let text = "iin,fullName,\(field)\n850314410007,Сапарова Жанар,\(value)\n"
        #expect(register.importing(text, format: .csv).problems == [RegisterProblem(line: 2, field: field, message: message)])
    }

    @Test func aCategoryCertificateCannotExpireBeforeItIsIssued() throws {
        let register = try ProfessionalRegister()
        let text = "iin,fullName,categoryCertificate.issuedOn,categoryCertificate.expiresOn\n850314410007,Сапарова Жанар,2016-05-10,10.05.2015\n"
        #expect(register.importing(text, format: .csv).problems.map(\.field) == ["categoryCertificate.expiresOn"])
    }

    /// The CSV layout takes table columns too (`education[1].track`): the rows in order, a row
    /// whose cells are all empty is none, and a bad cell names its row's field.
    @Test func csvTableColumnsGiveTheTables() throws {
        let register = try ProfessionalRegister()
        let text = """
            iin;fullName;education[2].document;education[2].track;education[1].document;education[1].track;employment[1].hired;employment[1].specialty
            850314410007;Сапарова Жанар;диплом 2;higher;диплом 1;post-secondary;2010-07-01;Сестринское дело
            790122483937;Искакова Мадина;;;диплом 3;residency;;
            """
        _ = try register.importing(text, format: .csv).get()
        let first = try #require(try register.worker(try IIN("850314410007")))
        #expect(first.education.map(\.document) == ["диплом 1", "диплом 2"])
        #expect(first.education.map(\.track) == [.postSecondary, .higher])
        #expect(first.employment.map(\.specialty) == ["Сестринское дело"])
        let second = try #require(try register.worker(try IIN("790122483937")))
        #expect(second.education.map(\.track) == [.residency])
        #expect(second.employment.isEmpty)

        let bad = "iin,fullName,education[1].document,education[1].track\n850314410007,Сапарова Жанар,диплом,bachelor\n"
        #expect(register.importing(bad, format: .csv).problems == [
            RegisterProblem(line: 2, field: "education[1].track", message: "is not an education of Appendices 4 and 5: technical-vocational, post-secondary, higher, internship, residency, doctoral")
        ])
        let unknown = "iin,education[1].grade\n850314410007,5\n"
        #expect(register.importing(unknown, format: .csv).problems.map(\.field) == ["education[1].grade"])
    }

    @Test func xmlCarriesTheLevelFields() throws {
        let register = try ProfessionalRegister()
        let text = """
            <register xmlns="urn:kz:cpd:register:1">
              <worker iin="850314410007" fullName="Сапарова Жанар" targetLevel="5.2" qualificationCategory="first">
                <categoryCertificate number="К-118" expiresOn="2023-05-01"/>
                <education document="диплом" track="post-secondary" country="KZ"/>
                <employment hired="2010-07-01" specialty="Сестринское дело"/>
              </worker>
            </register>
            """
        _ = try register.importing(text, format: .xml).get()
        let worker = try #require(try register.worker(try IIN("850314410007")))
        #expect(worker.categoryCertificate.expiresOn == .expires(CalendarDate("2023-05-01")!))
        #expect(worker.education[0].track == .postSecondary && worker.education[0].country == "KZ")
        #expect(worker.employment[0].specialty == "Сестринское дело")
        let bad = text.replacingOccurrences(of: "track=\"post-secondary\"", with: "track=\"bachelor\"")
        #expect(register.importing(bad, format: .xml).problems.map(\.field) == ["track", "education[1].track"])
    }

    /// A database made before these fields opens with its workers kept and the new columns empty.
    @Test func aRegisterV1DatabaseIsMigrated() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("register-v1-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            let queue = try DatabaseQueue(path: file.path)
            try Schema.migrations.apply(to: queue, upTo: "register-v1")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO worker (iin, surname, firstName, sqfLevel) VALUES ('850314410007', 'Сапарова', 'Жанар', '5.1')")
                try db.execute(sql: "INSERT INTO education (workerIIN, ordinal, document) VALUES ('850314410007', 1, 'диплом')")
            }
        }
        let register = try ProfessionalRegister(path: file.path)
        let worker = try #require(try register.worker(try IIN("850314410007")))
        #expect(worker.sqfLevel == QualificationLevel("5.1"))
        #expect(worker.education.count == 1 && worker.education[0].track == nil)
        try register.set([("education[1].track", "post-secondary"), ("targetLevel", "5.2")], on: worker.iin, entering: false, by: "hr")
        #expect(try register.worker(worker.iin)?.education[0].track == .postSecondary)
    }

    @Test func theRegisterGivesTheLevelFactsWithTheirFields() throws {
        let register = try ProfessionalRegister()
        _ = try register.importing(Self.json, format: .json).get()
        let worker = try #require(try register.worker(try IIN("850314410007")))
        let ranking = LevelAssignment.UniversityRanking(qs: 13, arwu: 35, the: 37, source: .init(.rankingList, "rankings.csv:2"))
        let application = worker.levelApplication(
            target: QualificationLevel("5.2")!, on: CalendarDate("2026-11-22")!,
            ranking: { $0 == "University of Melbourne" ? ranking : nil }, rankingListGiven: true)
        #expect(application.currentLevel?.level == QualificationLevel("5.1"))
        #expect(application.currentLevel?.source == .init(.register, "sqfLevel"))
        #expect(application.categoryCertificate == LevelAssignment.CategoryCertificate(
            category: .first, validity: .indefinite, source: .init(.register, "qualificationCategory, categoryCertificate.expiresOn")))
        #expect(application.education.map(\.origin) == [.domestic, .foreign(ranking: ranking)])
        #expect(application.education.map(\.source.reference) == ["education[1]", "education[2]"])
        #expect(application.employment.map(\.specialty) == ["Сестринское дело"])
        #expect(application.employmentSource?.reference == "employment")
        let decision = LevelAssignment(application)
        #expect(decision.condition(.education)?.status == .met)
        #expect(decision.condition(.experience)?.status == .met)
        #expect(decision.condition(.assessmentResult)?.waived == true)
    }
}
