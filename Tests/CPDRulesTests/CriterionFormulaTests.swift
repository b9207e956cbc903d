import CPDRules
import Testing

let confirmation = CalendarDate("2026-11-22")!

/// A document under `criterion`, issued a month before the confirmation date unless the
/// configuration says otherwise.
func document(_ criterion: Int, _ configure: (inout Evidence) -> Void = { _ in }) -> Evidence {
    var evidence = Evidence(criterion: criterion)
    evidence.issueDate = confirmation.adding(days: -30)
    configure(&evidence)
    return evidence
}

func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

/// One row of a formula table: a document, the reading applied, and what it must earn.
struct FormulaCase: Sendable, CustomTestStringConvertible {
    let name: String
    let evidence: Evidence
    let interpretation: Interpretation
    let decision: Decision
    let creditUnits: CreditUnits
    let reasons: [RefusalReason]

    init(
        _ name: String, _ evidence: Evidence, _ decision: Decision = .accepted, _ creditUnits: CreditUnits = 0,
        reasons: [RefusalReason] = [], interpretation: Interpretation = .default
    ) {
        self.name = name
        self.evidence = evidence
        self.decision = decision
        self.creditUnits = creditUnits
        self.reasons = reasons
        self.interpretation = interpretation
    }

    static func accepted(_ name: String, _ evidence: Evidence, _ creditUnits: CreditUnits, interpretation: Interpretation = .default) -> Self {
        Self(name, evidence, .accepted, creditUnits, interpretation: interpretation)
    }

    static func refused(_ name: String, _ evidence: Evidence, _ reasons: RefusalReason..., interpretation: Interpretation = .default) -> Self {
        Self(name, evidence, .refused, 0, reasons: reasons, interpretation: interpretation)
    }

    static func review(_ name: String, _ evidence: Evidence) -> Self { Self(name, evidence, .review) }

    var testDescription: String { "criterion \(evidence.criterion): \(name)" }
}

let reportPlusDays = Interpretation(speakerCredit: .reportPlusDays)
let proportional = Interpretation(examMaterialCounting: .proportional)

@Suite("Every criterion's formula")
struct CriterionFormulaTests {
    static let cases: [FormulaCase] = [
        // 1: 1 hour = 1 CU
        .accepted("72 hours", document(1) { $0.hours = 72 }, 72),
        .accepted("2 credits at 30 hours each", document(1) { $0.credits = 2 }, 60),
        .accepted("credits at another rate", document(1) { $0.credits = 2 }, 48, interpretation: Interpretation(hoursPerCredit: 24)),
        .refused("no hours or credits", document(1), .missingVolume),
        .refused("completed in 2019", document(1) { $0.hours = 150; $0.endDate = date("2019-11-23") }, .outsidePeriod),
        // 2: 10 CU per week regional/city/republican, 30 international
        .accepted("3 weeks republican", document(2) { $0.weeks = 3; $0.significance = .republican }, 30),
        .accepted("2 weeks city", document(2) { $0.weeks = 2; $0.significance = .city }, 20),
        .accepted("1 week international", document(2) { $0.weeks = 1; $0.significance = .international }, 30),
        .accepted("weeks from 21 days of dates", document(2) {
            $0.startDate = date("2024-03-06"); $0.endDate = date("2024-03-26"); $0.significance = .regional
        }, 30),
        .accepted("10 days are one whole week", document(2) {
            $0.startDate = date("2024-03-01"); $0.endDate = date("2024-03-10"); $0.significance = .international
        }, 30),
        .review("significance not stated", document(2) { $0.weeks = 2 }),
        .refused("neither weeks nor a week of dates", document(2) { $0.significance = .regional }, .missingVolume),
        // 3 and 4: 0.5 CU per hour
        .accepted("16 hours face to face", document(3) { $0.hours = 16 }, 8),
        .accepted("17 hours face to face", document(3) { $0.hours = 17 }, CreditUnits("8.5")!),
        .accepted("6 hours online", document(4) { $0.hours = 6 }, 3),
        .accepted("1 credit online", document(4) { $0.credits = 1 }, 15),
        .refused("online without hours", document(4), .missingVolume),
        // 5: conferences
        .accepted("regional participant, 1 day", document(5) { $0.days = 1; $0.significance = .regional }, 5),
        .accepted("republican participant, 3 days", document(5) { $0.days = 3; $0.significance = .republican }, 30),
        .accepted("international participant, 1 day", document(5) { $0.days = 1; $0.significance = .international }, 40),
        .accepted("days from the dates 12-13", document(5) {
            $0.startDate = date("2023-04-12"); $0.endDate = date("2023-04-13"); $0.significance = .republican
        }, 20),
        .accepted("regional speaker, report only", document(5) { $0.days = 3; $0.role = .speaker; $0.significance = .regional }, 10),
        .accepted("regional speaker, report plus days", document(5) { $0.days = 3; $0.role = .speaker; $0.significance = .regional }, 25, interpretation: reportPlusDays),
        .accepted("international speaker, report plus days", document(5) { $0.days = 3; $0.role = .speaker; $0.significance = .international }, 220, interpretation: reportPlusDays),
        .accepted("republican speaker with two reports", document(5) { $0.reports = 2; $0.role = .speaker; $0.significance = .republican }, 100),
        .refused("participant with no days or dates", document(5) { $0.significance = .regional }, .missingVolume),
        .review("significance not stated", document(5) { $0.days = 2 }),
        // 6: monograph 180, guidelines 30, first or sole author
        .accepted("monograph, sole author", document(6) { $0.publicationKind = .monograph; $0.authorCount = 1 }, 180),
        .accepted("guidelines, first of 3", document(6) { $0.activity = .guidelines; $0.authorPosition = 1; $0.authorCount = 3 }, 30),
        .refused("guidelines, second of 3", document(6) { $0.publicationKind = .guidelines; $0.authorPosition = 2; $0.authorCount = 3 }, .authorPosition),
        .review("kind of work unknown", document(6) { $0.authorPosition = 1 }),
        .review("author position unknown", document(6) { $0.publicationKind = .monograph; $0.authorCount = 3 }),
        // 7: textbook 180, first or sole author
        .accepted("textbook, first of 2", document(7) { $0.authorPosition = 1; $0.authorCount = 2 }, 180),
        .refused("textbook, second of 2", document(7) { $0.authorPosition = 2; $0.authorCount = 2 }, .authorPosition),
        // 8 and 9: first three authors
        .accepted("recommended journal, third of 5", document(8) { $0.authorPosition = 3; $0.authorCount = 5 }, 20),
        .refused("recommended journal, fourth of 5", document(8) { $0.authorPosition = 4; $0.authorCount = 5 }, .authorPosition),
        .accepted("other journal, second of 5", document(9) { $0.authorPosition = 2; $0.authorCount = 5 }, 10),
        .refused("other journal, fifth of 5", document(9) { $0.authorPosition = 5; $0.authorCount = 5 }, .authorPosition),
        // 10: by quartile, any author position
        .accepted("Q1", document(10) { $0.quartile = .q1 }, 180),
        .accepted("Q2, fourth of 4", document(10) { $0.quartile = .q2; $0.authorPosition = 4; $0.authorCount = 4 }, 150),
        .accepted("Q3", document(10) { $0.quartile = .q3 }, 120),
        .accepted("Q4", document(10) { $0.quartile = .q4 }, 90),
        .review("quartile unknown", document(10)),
        .accepted("English article needs no translation", document(10) { $0.quartile = .q1; $0.language = "en" }, 180),
        .refused("English article when publications need translation", document(10) { $0.quartile = .q1; $0.language = "en" }, .needsNotarizedTranslation, interpretation: Interpretation(publicationsNeedTranslation: true)),
        // 11: patents
        .accepted("national patent", document(11) { $0.significance = .republican }, 60),
        .accepted("foreign patent with translation", document(11) { $0.significance = .international; $0.language = "en"; $0.hasNotarizedTranslation = true }, 180),
        .refused("foreign patent without translation", document(11) { $0.significance = .international; $0.language = "en" }, .needsNotarizedTranslation),
        .review("regional patent does not exist", document(11) { $0.significance = .regional }),
        // 12, 15, 19, 21: a price per document
        .accepted("IP certificate", document(12), 30),
        .refused("IP certificate of 2019", document(12) { $0.issueDate = date("2019-08-31") }, .outsidePeriod),
        .accepted("implementation act", document(15), 60),
        .accepted("working group order", document(19), 30),
        .accepted("expert commission", document(21), 90),
        .refused("expert commission of 2021", document(21) { $0.issueDate = date("2021-06-15") }, .outsidePeriod),
        // 13 and 14: 10 CU per year as a tutor
        .accepted("one year of tutoring", document(13) { $0.startDate = date("2024-06-24"); $0.endDate = date("2025-06-24") }, 10),
        .refused("tutoring year begun before the period", document(13) { $0.startDate = date("2021-07-07"); $0.endDate = date("2022-07-07") }, .outsidePeriod),
        .accepted("six-year appointment, four years begin in the period", document(13) { $0.startDate = date("2020-01-10"); $0.endDate = date("2026-01-10") }, 40),
        .accepted("appointment in progress", document(14) { $0.startDate = date("2026-09-19"); $0.endDate = date("2027-09-19") }, 10),
        .accepted("order without an end date is one year", document(14) { $0.issueDate = date("2022-01-10") }, 10),
        // 16 and 17: active membership of at least a year
        .accepted("regional association since 2018", document(16) { $0.startDate = date("2018-03-30"); $0.significance = .regional }, 10),
        .accepted("national association", document(16) { $0.startDate = date("2020-01-01"); $0.significance = .republican }, 30),
        .accepted("international association, exactly one year", document(16) { $0.startDate = date("2025-11-22"); $0.significance = .international }, 60),
        .refused("international association, a day short of a year", document(16) { $0.startDate = date("2025-11-23"); $0.significance = .international }, .outsidePeriod),
        .refused("membership that ended", document(16) { $0.startDate = date("2019-01-01"); $0.endDate = date("2025-01-01"); $0.significance = .regional }, .outsidePeriod),
        .accepted("national expert body", document(17) { $0.startDate = date("2020-08-07"); $0.significance = .republican }, 90),
        .review("regional expert body earns nothing by the table", document(17) { $0.startDate = date("2020-08-07"); $0.significance = .regional }),
        // 18: within one year
        .accepted("coaching in March", document(18) { $0.issueDate = date("2026-03-21") }, 10),
        .accepted("coaching on the first day of the year", document(18) { $0.issueDate = date("2025-11-23") }, 10),
        .refused("coaching a year and a day ago", document(18) { $0.issueDate = date("2025-11-22") }, .outsidePeriod),
        // 20: examination material
        .accepted("150 questions and 20 scenarios", document(20) { $0.testQuestions = 150; $0.clinicalScenarios = 20 }, 5),
        .accepted("75 questions in complete blocks", document(20) { $0.testQuestions = 75 }, 1),
        .accepted("75 questions pro rata", document(20) { $0.testQuestions = 75 }, CreditUnits("1.5")!, interpretation: proportional),
        .accepted("scenarios only", document(20) { $0.clinicalScenarios = 30 }, 3),
        .refused("no counts", document(20), .missingVolume),
        // Paragraph 7 and dates
        .refused("English seminar without translation", document(3) { $0.hours = 16; $0.language = "en" }, .needsNotarizedTranslation),
        .accepted("German seminar with translation", document(3) { $0.hours = 16; $0.language = "de"; $0.hasNotarizedTranslation = true }, 8),
        .accepted("Kazakh seminar", document(3) { $0.hours = 6; $0.language = "kk" }, 3),
        .refused("several reasons at once", document(3) { $0.language = "en"; $0.endDate = date("2019-01-01") }, .needsNotarizedTranslation, .outsidePeriod, .missingVolume),
        .refused("dated after the confirmation", document(12) { $0.issueDate = date("2026-11-23") }, .outsidePeriod),
        .review("start after end", document(3) { $0.hours = 4; $0.startDate = date("2025-03-04"); $0.endDate = date("2025-03-03") }),
        .review("published in the year the period starts", document(7) { $0.issueDate = nil; $0.publicationYear = 2021; $0.authorPosition = 1 }),
        .accepted("published the year after", document(7) { $0.issueDate = nil; $0.publicationYear = 2022; $0.authorPosition = 1 }, 180),
        .refused("published in 2020", document(7) { $0.issueDate = nil; $0.publicationYear = 2020; $0.authorPosition = 1 }, .outsidePeriod),
        .refused("published next year", document(7) { $0.issueDate = nil; $0.publicationYear = 2027; $0.authorPosition = 1 }, .outsidePeriod),
        .review("no date at all", document(12) { $0.issueDate = nil }),
        // A month without a day: never given a day the document does not print.
        .review("published in the month the period starts", document(7) { $0.issueDate = nil; $0.publicationYear = 2021; $0.publicationMonth = 11; $0.authorPosition = 1 }),
        .accepted("published the month after it starts", document(7) { $0.issueDate = nil; $0.publicationYear = 2021; $0.publicationMonth = 12; $0.authorPosition = 1 }, 180),
        .refused("published the month before it starts", document(7) { $0.issueDate = nil; $0.publicationYear = 2021; $0.publicationMonth = 10; $0.authorPosition = 1 }, .outsidePeriod),
        .review("published in the month of the confirmation", document(7) { $0.issueDate = nil; $0.publicationYear = 2026; $0.publicationMonth = 11; $0.authorPosition = 1 }),
        .refused("published the month after the confirmation", document(7) { $0.issueDate = nil; $0.publicationYear = 2026; $0.publicationMonth = 12; $0.authorPosition = 1 }, .outsidePeriod),
        // A reader's failure is not the worker's loss; a conflict is a question.
        .review("a volume stated but not read", document(3) { $0.unreadVolume = "Объем: 18 а.с." }),
        .refused("no volume stated", document(3), .missingVolume),
        .accepted("credits and hours that agree", document(1) { $0.credits = 2; $0.hours = 60 }, 60),
        .review("credits and hours that disagree", document(1) { $0.credits = 2; $0.hours = 48 }),
    ]

    @Test(arguments: cases)
    func earnsWhatTheTableSays(_ formula: FormulaCase) throws {
        let criterion = try #require(Criterion.number(formula.evidence.criterion))
        let outcome = criterion.evaluate(formula.evidence, on: confirmation, interpretation: formula.interpretation)
        #expect(outcome.decision == formula.decision, "\(outcome)")
        #expect(outcome.creditUnits == formula.creditUnits)
        #expect(outcome.refusals.map(\.reason) == formula.reasons)
        if formula.decision == .review { #expect(!outcome.findings.isEmpty) }
    }

    @Test func everyCriterionHasCases() {
        #expect(Set(Self.cases.map(\.evidence.criterion)) == Set(1...21))
    }

    @Test func refusalsCiteTheirParagraphAndTheRequirement() throws {
        let outcome = Criterion.number(8)!.evaluate(document(8) { $0.authorPosition = 4; $0.authorCount = 6 }, on: confirmation)
        let refusal = try #require(outcome.refusals.first)
        #expect(refusal.paragraph == 11)
        #expect(refusal.message.contains("Paragraph 11"))
        #expect(refusal.message.contains("author 4 of 6"))
        #expect(refusal.message.contains("the first 3 authors"))
        let translation = Criterion.number(3)!.evaluate(document(3) { $0.hours = 4; $0.language = "tr" }, on: confirmation)
        #expect(translation.refusals.first?.paragraph == 7)
        #expect(translation.refusals.first?.message.contains("Paragraph 7") == true)
    }

    @Test func acceptedCreditShowsItsCalculation() {
        let outcome = Criterion.number(3)!.evaluate(document(3) { $0.hours = 17 }, on: confirmation)
        #expect(outcome.calculation == "17 h × 0.5 CU")
    }
}
