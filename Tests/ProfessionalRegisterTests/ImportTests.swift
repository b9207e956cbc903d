import CPDRules
import Foundation
import ProfessionalRegister
import Testing

@Suite("Import: every layout, each refused value with its line and field, all or nothing")
struct ImportTests {
    @Test func theCorpusWorkersImportAsTheyAre() throws {
        let register = try ProfessionalRegister()
        let summary = try register.importFile(try Fixtures.corpusWorkers(), name: "workers.json", format: .json, by: "hr")
        #expect(summary == ImportSummary(added: 20))
        let worker = try #require(try register.worker(try IIN("790122483937")))
        #expect(worker.fullName == "Искакова Мадина Асановна")
        #expect(worker.surname == "Искакова" && worker.firstName == "Мадина" && worker.patronymic == "Асановна")
        #expect(worker.targetCategory == .highest)
        // The same file again changes nothing.
        let again = try register.importFile(try Fixtures.corpusWorkers(), name: "workers.json", format: .json, by: "hr")
        #expect(again == ImportSummary(unchanged: 20))
    }

    static let badJSON = """
        [
          {"iin": "790122483937", "fullName": "Искакова Мадина Асановна", "gender": "female"},
          {"iin": "750212407358", "fullName": "Жумабаева Салтанат Болатовна"},
          {"iin": "690317474362", "fullName": "Байжанова Мадина Кайратовна",
           "certificate": {"expiresOn": "2027-02-30"},
           "employment": [{"hired": "01.09.2008", "employerBIN": "940140000386"}]},
          {"iin": "781111494597", "fullName": "Абенова Айгуль Петровна", "dateOfBirth": "1978-11-12"}
        ]
        """

    @Test func aBadRowIsReportedWithItsLineAndFieldAndNothingIsImported() throws {
        let register = try ProfessionalRegister()
        let result = register.importing(Self.badJSON, format: .json)
        #expect(result.problems.map { "\($0.line!) \($0.field)" } == [
            "3 iin", "5 certificate.expiresOn", "6 employment[1].employerBIN", "7 dateOfBirth",
        ])
        #expect(result.problems[0].message == "the check digit is 8, but the first 11 digits give 9")
        #expect(try register.workers().isEmpty)
        #expect(try register.history(of: try IIN("790122483937")).isEmpty)
    }

    @Test func skipInvalidImportsTheGoodRowsAndNoPartOfABadOne() throws {
        let register = try ProfessionalRegister()
        let summary = try register.importing(Self.badJSON, format: .json, skipInvalid: true).get()
        #expect(summary.added == 1)
        #expect(summary.refused.count == 4)
        #expect(try register.workers().map(\.iin.digits) == ["790122483937"])
        // The third worker's valid fields did not land without the invalid ones.
        #expect(try register.worker(try IIN("690317474362")) == nil)
    }

    @Test func theSameWorkerTwiceInAFileIsRefused() throws {
        let register = try ProfessionalRegister()
        let text = "iin,fullName\n790122483937,Искакова Мадина Асановна\n790122483937,Искакова Мадина\n"
        #expect(register.importing(text, format: .csv).problems == [
            RegisterProblem(line: 3, field: "iin", message: "the file lists this worker already on line 2")
        ])
    }

    @Test func csvRowsAreCheckedWhereTheyStand() throws {
        let register = try ProfessionalRegister()
        let text = """
            iin;surname;firstName;position;certificate.expiresOn;targetCategory
            790122483937;Искакова;Мадина;"врач; терапевт ""участковый""
            второй строкой";2027-03-31;highest
            750212407359;Жумабаева;Салтанат;медсестра;31.04.2027;first
            690317474362;Байжанова;Мадина;врач;2027-01-01;высшая;лишняя
            781111494597;Абенова;Айгуль;врач;;top
            """
        let problems = register.importing(text, format: .csv).problems
        #expect(problems.map(\.description) == [
            "line 4, certificate.expiresOn: is not a date that exists, as YYYY-MM-DD or DD.MM.YYYY",
            "line 5, row: has 7 cells; the header has 6",
            "line 6, targetCategory: is not a category: none, second, first or highest (вторая, первая, высшая)",
        ])
        let summary = try register.importing(text, format: .csv, skipInvalid: true).get()
        #expect(summary.added == 1)
        let worker = try #require(try register.worker(try IIN("790122483937")))
        #expect(worker.position == "врач; терапевт \"участковый\"\nвторой строкой")
        #expect(worker.certificate.expiresOn == CalendarDate("2027-03-31"))
    }

    @Test(arguments: [
        ("iin,surname,salary\n", RegisterProblem(line: 1, field: "salary", message: "is not a column of the register's CSV layout")),
        ("surname,firstName\nА,Б\n", RegisterProblem(line: 1, field: "iin", message: "the header has no iin column")),
        ("iin,surname\n\"790122483937,А\n", RegisterProblem(line: 2, field: "syntax", message: "a quoted cell is not closed")),
    ])
    func aBrokenCSVFileImportsNothingEvenWithSkipInvalid(_ text: String, _ problem: RegisterProblem) throws {
        let register = try ProfessionalRegister()
        #expect(register.importing(text, format: .csv, skipInvalid: true).problems == [problem])
    }

    @Test(arguments: [
        ("[{\"iin\": \"790122483937\",\n \"surname\": \"А\" \"firstName\": \"Б\"}]", 2, "expected `,` or `}`"),
        ("{\"iin\": \"790122483937\"}", 1, "must be a JSON list of workers, as workers.json is"),
        ("[\n{\"iin\": \"790122483937\", \"surname\": \"А\n\"}]", 2, "a control character or line break inside a string"),
        (String(repeating: "[", count: 100), 1, "nested more than 32 levels deep"),
    ])
    func aBrokenJSONFileImportsNothing(_ text: String, line: Int, message: String) throws {
        let register = try ProfessionalRegister()
        let problems = register.importing(text, format: .json, skipInvalid: true).problems
        #expect(problems.map(\.line) == [line])
        #expect(problems.map(\.message) == [message])
    }

    @Test func jsonValuesOfTheWrongShapeAreRefused() throws {
        let register = try ProfessionalRegister()
        let text = """
            [{"iin": "790122483937", "fullName": "Искакова Мадина",
              "position": ["врач"], "employment": [{}], "surname": {"x": 1}}]
            """
        #expect(register.importing(text, format: .json).problems.map { "\($0.line!) \($0.field): \($0.message)" } == [
            "2 position: must be a single value, not a list",
            "2 employment[1]: must be an object with at least one field",
            "2 surname.x: is not a field of the register",
        ])
    }

    @Test func jsonNumbersKeepTheirTextAndEscapesAreRead() throws {
        let register = try ProfessionalRegister()
        let text = #"""
            [{"iin": "790122483937", "fullName": "Искакова Мадина Асановна", "p\u006fsition": "врач\n\"участковый\"",
              "professionalDevelopment": [{"title": "Курс", "hours": 16.50}, {"title": "Семинар", "hours": 0.1}]}]
            """#
        _ = try register.importing(text, format: .json).get()
        let worker = try #require(try register.worker(try IIN("790122483937")))
        #expect(worker.position == "врач\n\"участковый\"")
        #expect(worker.professionalDevelopment.map(\.hours) == [Hours("16.5"), Hours("0.1")])
    }

    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <register xmlns="urn:kz:cpd:register:1">
          <worker iin="850314410007" surname="Сапарова" firstName="Жанар" patronymic="Ерлановна"
                  gender="female" employerBIN="940140000385" sqfLevel="5.1" sqfLevelObtainedOn="2021-04-15" targetCategory="first">
            <identityDocument kind="удостоверение личности" number="041234567" issuedOn="2015-06-01"/>
            <certificate number="KZ-2022-0117" expiresOn="2027-03-31"/>
            <education document="диплом ТКБ № 0012345" institution="Медицинский колледж г. Астаны" issuedOn="2008-06-25"/>
            <professionalDevelopment title="Сестринский уход в кардиологии" hours="54" completedOn="2024-05-17"/>
            <employment hired="2008-09-01" dismissed="2010-06-30" placeOfWork="Городская поликлиника № 5" position="медицинская сестра"/>
            <employment hired="2010-07-01" employerBIN="940140000385" placeOfWork="Городская больница № 2" position="медицинская сестра"/>
          </worker>
          <worker iin="790122483937" fullName="Искакова Мадина Асановна" gender="man">
            <employment dismissed="2010-06-30"/>
          </worker>
          <worker iin="690317474362" fullName="Байжанова Мадина Кайратовна" salary="1"/>
        </register>
        """

    @Test func xmlIsValidatedAgainstItsSchemaWorkerByWorker() throws {
        let register = try ProfessionalRegister()
        let problems = register.importing(Self.xml, format: .xml).problems
        // libxml2 reports the gender twice: against the enumeration and against the type.
        #expect(Set(problems.map { "\($0.line!) \($0.field)" }) == ["12 gender", "13 hired", "15 salary"])
        #expect(problems[0].message.contains("[facet 'enumeration']"))
        #expect(!problems[1].message.contains("urn:kz:cpd:register:1"))
        let summary = try register.importing(Self.xml, format: .xml, skipInvalid: true).get()
        #expect(summary.added == 1 && summary.refused.count == problems.count)
        let worker = try #require(try register.worker(try IIN("850314410007")))
        #expect(worker.identityDocument.number == "041234567")
        #expect(worker.education.first?.institution == "Медицинский колледж г. Астаны")
        #expect(worker.professionalDevelopment.first?.hours == Hours(54))
        #expect(worker.employment.map(\.hired) == [CalendarDate("2008-09-01"), CalendarDate("2010-07-01")])
        #expect(worker.sqfLevel == QualificationLevel("5.1"))
    }

    @Test func hostileOrBrokenXMLImportsNothing() throws {
        let register = try ProfessionalRegister()
        let entity = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><register xmlns="urn:kz:cpd:register:1">&x;</register>"#
        #expect(register.importing(entity, format: .xml, skipInvalid: true).problems.map(\.field) == ["file"])
        let broken = "<register xmlns=\"urn:kz:cpd:register:1\">\n<worker iin=\"850314410007\">\n</register>"
        #expect(register.importing(broken, format: .xml, skipInvalid: true).problems.map { "\($0.line!) \($0.field)" } == ["3 syntax"])
        let foreign = "<cpdActivities xmlns=\"urn:kz:cpd:activities:1\"/>"
        #expect(register.importing(foreign, format: .xml, skipInvalid: true).problems.map(\.field) == ["cpdActivities"])
    }

    @Test func aReimportChangesOnlyWhatDiffersAndRecordsIt() throws {
        let register = try ProfessionalRegister()
        _ = try register.importing("iin,fullName,position\n790122483937,Искакова Мадина Асановна,врач\n", format: .csv).get()
        let summary = try register.importing("iin,position,certificate.expiresOn\n790122483937,заведующая,2027-01-31\n", format: .csv).get()
        #expect(summary == ImportSummary(changed: 1))
        let history = try register.history(of: try IIN("790122483937"))
        #expect(history.map { "\($0.field ?? "entered") \($0.oldValue ?? "-") \($0.newValue ?? "-")" } == [
            "entered - -", "position врач заведующая", "certificate.expiresOn - 2027-01-31",
        ])
        // A field the file does not mention stays; a table the file lists replaces the worker's.
        #expect(try register.worker(try IIN("790122483937"))?.fullName == "Искакова Мадина Асановна")
    }

    /// An export imports back into an empty register as the same workers: every field survives
    /// the database and both layouts.
    @Test func exportsImportBackUnchanged() throws {
        let register = try ProfessionalRegister()
        let worker = FormTests.completeWorker()
        try register.save(worker, by: "hr")
        let encoder = JSONEncoder()
        let json = try encoder.encode(try register.workers())
        let copy = try ProfessionalRegister()
        _ = try copy.importFile(json, name: "export.json", format: .json, by: "hr")
        #expect(try copy.workers() == [worker])

        let csv = RegisterCSV.export(try register.workers())
        let fromCSV = try ProfessionalRegister()
        _ = try fromCSV.importFile(Data(csv.utf8), name: "export.csv", format: .csv, by: "hr")
        var scalarsOnly = worker
        scalarsOnly.education = []
        scalarsOnly.professionalDevelopment = []
        scalarsOnly.employment = []
        #expect(try fromCSV.workers() == [scalarsOnly])
    }
}
