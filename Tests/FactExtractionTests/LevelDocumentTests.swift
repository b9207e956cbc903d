import CPDRules
@testable import FactExtraction
import Testing

/// The two documents of chapter 3 that are not CPD evidence: the certificate of the assessment of
/// professional preparedness and the work-functions report, in Russian, Kazakh and English.
@Suite("Reading level documents")
struct LevelDocumentTests {
    func facts(_ text: String) -> ExtractedFacts { FactExtractor.extract(from: SourceText(pages: [text])) }

    struct Case: Sendable, CustomStringConvertible {
        let text: String
        let kind: LevelDocumentKind
        let passed: Bool?
        let level: String?
        let issuer: LevelAssignment.WorkFunctionsReport.Issuer?
        let date: String?
        var description: String { String(text.prefix(40)) }
    }

    static let cases: [Case] = [
        Case(text: """
            РЕЗУЛЬТАТ ОЦЕНКИ ПРОФЕССИОНАЛЬНОЙ ПОДГОТОВЛЕННОСТИ
            Сапарова Жанар Ерлановна, специальность «Сестринское дело»
            Заявленный уровень квалификации: 5.2
            Результат: сдала (78 баллов)
            Дата выдачи: 01.10.2026
            """, kind: .assessmentResult, passed: true, level: "5.2", issuer: nil, date: "2026-10-01"),
        Case(text: """
            Справка о результатах оценки профессиональной подготовленности
            Кенжебаев Нурлан Маратович не сдал оценку знаний и навыков
            на уровень квалификации 7,4 (Р)
            Дата выдачи: 15.09.2026
            """, kind: .assessmentResult, passed: false, level: "7.4 (R)", issuer: nil, date: "2026-09-15"),
        Case(text: """
            КӘСІБИ ДАЯРЛЫҚТЫ БАҒАЛАУ НӘТИЖЕСІ
            Оспанова Динара Бекболатқызы біліктілік деңгейі 7.2 (И) бойынша бағалаудан сәтті өтті, тапсырды
            Берілген күні: 03.06.2026
            """, kind: .assessmentResult, passed: true, level: "7.2 (I)", issuer: nil, date: "2026-06-03"),
        Case(text: """
            Result of the assessment of professional preparedness
            Candidate: Timur Iskakov. Qualification level 6.3. Result: passed
            Date of issue: June 15, 2026
            """, kind: .assessmentResult, passed: true, level: "6.3", issuer: nil, date: "2026-06-15"),
        Case(text: """
            ОТЧЕТ О ПРОФЕССИОНАЛЬНОЙ ДЕЯТЕЛЬНОСТИ
            медицинской сестры Сапаровой Жанар Ерлановны за 2021–2026 годы
            Выполняемые трудовые функции соответствуют уровню квалификации 5.2 профессионального стандарта.
            Заведующий кардиологическим отделением ____________ Ахметов Б.К.
            Дата: 15.10.2026
            """, kind: .workFunctionsReport, passed: nil, level: "5.2", issuer: .headOfUnit, date: "2026-10-15"),
        Case(text: """
            Выписка из электронного регистра медицинских работников
            о выполнении трудовых функций
            Дата формирования: 20.10.2026
            """, kind: .workFunctionsReport, passed: nil, level: nil, issuer: .electronicRegistry, date: "2026-10-20"),
        Case(text: """
            КӘСІБИ ҚЫЗМЕТ ТУРАЛЫ ЕСЕП
            Еңбек функциялары біліктілік деңгейіне сәйкес: 6.2
            Бөлімше меңгерушісі ____________
            Күні: 10.10.2026
            """, kind: .workFunctionsReport, passed: nil, level: "6.2", issuer: .headOfUnit, date: "2026-10-10"),
        Case(text: """
            Report on professional activity
            The work functions performed correspond to qualification level 7.3 (R).
            Head of department: A. Smith
            Date: 2026-10-01
            """, kind: .workFunctionsReport, passed: nil, level: "7.3 (R)", issuer: .headOfUnit, date: "2026-10-01"),
    ]

    @Test(arguments: cases)
    func readsTheDocument(_ document: Case) {
        let found = facts(document.text)
        #expect(found.levelDocument?.value == document.kind)
        #expect(found.activity == nil && found.activityGuess == nil)
        #expect(found.assessmentPassed?.value == document.passed)
        #expect(found.levelNamed?.value.description == document.level)
        #expect(found.reportIssuer?.value == document.issuer)
        #expect((found.issueDate ?? found.endDate ?? found.startDate)?.value.description == document.date)
        #expect(found.levelDocument?.provenance.wording?.contains(".yaml:") == true)
    }

    /// A date, a phone number or an hour count next to a level's label is not a level.
    @Test(arguments: ["уровень квалификации: выдано 12.05.2026", "уровень 45.2 балла", "level 5.25", "уровень: 3.1"])
    func numbersThatAreNotLevels(line: String) {
        let found = facts("РЕЗУЛЬТАТ ОЦЕНКИ ПРОФЕССИОНАЛЬНОЙ ПОДГОТОВЛЕННОСТИ\n\(line)")
        #expect(found.levelDocument?.value == .assessmentResult)
        #expect(found.levelNamed == nil)
    }

    /// An order on the members of the commission that assesses professional preparedness is CPD
    /// evidence (criterion 21), not a level document.
    @Test func theAssessmentCommissionsOrderStaysCPDEvidence() {
        let found = facts("""
            ПРИКАЗ № 96 от 14.04.2025
            О составе независимой экспертной комиссии по оценке профессиональной подготовленности
            Включить в состав независимой экспертной комиссии врача Нуржанову Айман Болатовну.
            """)
        #expect(found.activity?.value == .independentExpertCommission)
        #expect(found.levelDocument == nil)
    }

    /// Wordings are data: a folder's lexicon adds a new title.
    @Test func aLexiconFileAddsATitle() throws {
        let text = "АТТЕСТАЦИОННЫЙ ЛИСТ\nуровень квалификации 6.2\nрезультат: положительный"
        #expect(facts(text).levelDocument == nil)
        let lexicon = try Lexicon.standard.adding(yaml: "level-documents:\n  assessment-result:\n    аттестационный лист: 3\n", file: "local/ru.yaml")
        let found = FactExtractor.extract(from: SourceText(pages: [text]), lexicon: lexicon)
        #expect(found.levelDocument?.value == .assessmentResult)
        #expect(found.levelDocument?.provenance.wording == "local/ru.yaml:3 «аттестационный лист»")
        #expect(found.assessmentPassed?.value == true)
        #expect(found.levelNamed?.value.description == "6.2")
    }
}

extension LevelDocumentTests {
    /// Kazakh documents mark the tracks with Cyrillic letters: (И) or (І) for internship, (Р) for residency.
    @Test(arguments: [("7.2 (І)", "7.2 (I)"), ("7,3(Р)", "7.3 (R)"), ("7.1 (и)", "7.1 (I)"), ("7.4 (R)", "7.4 (R)")])
    func trackMarkers(written: String, level: String) {
        #expect(facts("КӘСІБИ ДАЯРЛЫҚТЫ БАҒАЛАУ НӘТИЖЕСІ\nбіліктілік деңгейі: \(written)").levelNamed?.value.description == level)
    }

    /// A scan breaks «…соответствуют уровню / квалификации 5.2…» over two lines.
    @Test func aLevelOnTheLineAfterItsLabel() {
        let found = facts("ОТЧЕТ О ПРОФЕССИОНАЛЬНОЙ ДЕЯТЕЛЬНОСТИ\nВыполняемые трудовые функции соответствуют уровню\nквалификации 5.2 профессионального стандарта")
        #expect(found.levelNamed?.value.description == "5.2")
    }
}
