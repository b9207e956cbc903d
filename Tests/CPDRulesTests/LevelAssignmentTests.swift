import CPDRules
import Testing

typealias Level = LevelAssignment

private func level(_ text: String) -> QualificationLevel { QualificationLevel(text)! }
private func register(_ field: String) -> Level.Source { Level.Source(.register, field) }
private func file(_ name: String) -> Level.Source { Level.Source(.document, name) }

/// A nurse at 5.1 since 2021-04-15, with applied bachelor's education in nursing, working in the
/// specialty since 2010, applying for 5.2 on 2026-11-22 with everything in order.
private func nurse(target: String = "5.2", _ change: (inout Level.Application) -> Void = { _ in }) -> Level.Application {
    var application = Level.Application(target: level(target), date: confirmation)
    application.currentLevel = (level("5.1"), register("sqfLevel"))
    application.currentLevelObtainedOn = (date("2021-04-15"), register("sqfLevelObtainedOn"))
    application.specialty = ("Сестринское дело", register("specialty"))
    application.education = [Level.EducationDocument(track: .postSecondary, specialty: "Сестринское дело", issuedOn: date("2009-06-30"), source: register("education[1]"))]
    application.employment = [Level.EmploymentPeriod(hired: date("2010-07-01"), dismissed: nil, specialty: "Сестринское дело", source: register("employment[1]"))]
    application.employmentSource = register("employment")
    application.assessmentResults = [Level.AssessmentResult(date: date("2026-10-01"), passed: true, level: level(target), source: file("assessment.pdf"))]
    application.workFunctionsReports = [Level.WorkFunctionsReport(date: date("2026-10-15"), issuer: .headOfUnit, level: level(target), source: file("report.pdf"))]
    application.cpd = ConfirmedCPD(Assessment(
        evidence: [credit(120, in: .additionalEducation), credit(90, in: .nonFormalEducation)],
        confirmationDate: confirmation, targetCategory: level(target).category))
    change(&application)
    return application
}

private func status(_ kind: Level.ConditionKind, _ application: Level.Application) -> Level.Status? {
    Level(application).condition(kind)?.status
}

@Suite("Chapter 3: assigning a qualification level")
struct LevelAssignmentTests {
    @Test func aWorkerWithEverythingInOrderQualifies() {
        let decision = Level(nurse())
        #expect(decision.route == .nextLevel)
        #expect(decision.conditions.map(\.kind) == Level.ConditionKind.allCases)
        #expect(decision.conditions.allSatisfy { $0.status == .met && !$0.waived })
        #expect(decision.status == .met)
        #expect(decision.condition(.education)?.sources == [register("education[1]")])
        #expect(decision.condition(.assessmentResult)?.basis == "paragraph 12, item 2; paragraph 16")
        #expect(decision.condition(.experience)?.reasons == [
            Finding(.levelExperienceMet, [
                "required": .number(4), "since": .date(date("2021-04-15")), "years": .number(5),
                "start": .date(date("2021-04-15")), "end": .date(date("2026-11-22")),
            ]),
        ])
    }

    // MARK: 12.1 education

    @Test(arguments: [
        (EducationTrack?.some(.postSecondary), Level.Status.met),
        (.technicalVocational, .notMet),
        (.higher, .notMet),
        (nil, .cannotTell),
    ])
    func educationMustBeOfTheLevelsTrack(track: EducationTrack?, expected: Level.Status) {
        #expect(status(.education, nurse { $0.education[0].track = track }) == expected)
    }

    @Test func educationIssuedAfterTheDayDoesNotCount() {
        #expect(status(.education, nurse { $0.education[0].issuedOn = date("2026-11-23") }) == .notMet)
        #expect(status(.education, nurse { $0.education = [] }) == .cannotTell)
    }

    /// Paragraph 15: first 250 of two or more of QS, ARWU and THE.
    @Test(arguments: [
        (Int?.some(250), Int?.some(250), Int?.none, Level.Status.met),
        (1, nil, 1, .met),
        (251, 100, nil, .cannotTell),
        (100, nil, nil, .cannotTell),
        (nil, nil, nil, .cannotTell),
    ])
    func foreignEducationIsRecognisedOnItsOriginalInTheFirst250OfTwoRankings(qs: Int?, arwu: Int?, the: Int?, expected: Level.Status) {
        let ranking = Level.UniversityRanking(qs: qs, arwu: arwu, the: the, source: Level.Source(.rankingList, "rankings.csv:3"))
        let application = nurse {
            $0.education[0].origin = .foreign(ranking: ranking)
            $0.rankingListGiven = true
        }
        let condition = Level(application).condition(.education)!
        #expect(condition.status == expected)
        #expect(condition.basis.hasSuffix("paragraph 15"))
        #expect(condition.sources.contains(ranking.source))
    }

    @Test func foreignEducationWithoutARankingCannotBeTold() {
        let condition = Level(nurse { $0.education[0].origin = .foreign(ranking: nil) }).condition(.education)!
        #expect(condition.status == .cannotTell)
        #expect(condition.reasons.map(\.code) == [.levelEducationForeignNoList])
    }

    // MARK: 12.2 assessment of professional preparedness

    @Test(arguments: [
        (String?.some("2026-10-01"), Bool?.some(true), String?.some("5.2"), Level.Status.met),
        ("2026-11-23", true, "5.2", .notMet),
        ("2026-10-01", false, "5.2", .notMet),
        ("2026-10-01", true, "5.3", .notMet),
        ("2026-10-01", nil, "5.2", .cannotTell),
        ("2026-10-01", true, nil, .cannotTell),
        (nil, true, "5.2", .cannotTell),
    ])
    func assessmentResult(day: String?, passed: Bool?, named: String?, expected: Level.Status) {
        let result = Level.AssessmentResult(date: day.map(date), passed: passed, level: named.map(level), source: file("result.jpg"))
        let condition = Level(nurse { $0.assessmentResults = [result] }).condition(.assessmentResult)!
        #expect(condition.status == expected)
        #expect(condition.sources == [file("result.jpg")])
    }

    @Test func aDocumentIssuedToSomeoneElseDoesNotCount() {
        let theirs = Level.AssessmentResult(date: date("2026-10-01"), passed: true, level: level("5.2"), holder: .someoneElse("Иванова Анна"), source: file("result.jpg"))
        let condition = Level(nurse { $0.assessmentResults = [theirs] }).condition(.assessmentResult)!
        #expect(condition.status == .notMet)
        #expect(condition.reasons == [Finding(.levelIssuedToSomeoneElse, ["holder": .text("Иванова Анна")])])
        let unsure = Level.WorkFunctionsReport(date: date("2026-10-15"), issuer: .headOfUnit, level: level("5.2"), holder: .uncertain(Finding(.holderNotFound)), source: file("report.pdf"))
        let undecided = Level(nurse { $0.workFunctionsReports = [unsure] }).condition(.workFunctions)!
        #expect(undecided.status == .cannotTell)
        #expect(undecided.reasons == [Finding(.holderNotFound)])
    }

    @Test func noAssessmentResultIsNotMet() {
        #expect(status(.assessmentResult, nurse { $0.assessmentResults = [] }) == .notMet)
    }

    @Test func theBestOfSeveralResultsCounts() {
        let failed = Level.AssessmentResult(date: date("2025-01-10"), passed: false, level: level("5.2"), source: file("first.pdf"))
        let condition = Level(nurse { $0.assessmentResults.insert(failed, at: 0) }).condition(.assessmentResult)!
        #expect(condition.status == .met)
        #expect(condition.sources == [file("assessment.pdf")])
    }

    /// Paragraph 12's last sentence: a category certificate that expired after 1 January 2021
    /// gives the equivalent level without the assessment; paragraph 19: an indefinite one too.
    @Test(arguments: [
        (Level.CategoryCertificate.Validity?.some(.expires(date("2021-01-02"))), QualificationCategory.first, true),
        (.expires(date("2021-01-01")), .first, false),
        (.expires(date("2020-06-30")), .first, false),
        (.indefinite, .first, true),
        (.indefinite, .second, false),
        (nil, .first, false),
    ])
    func categoryCertificatesWaiveTheAssessment(validity: Level.CategoryCertificate.Validity?, category: QualificationCategory, waived: Bool) {
        let application = nurse {
            $0.assessmentResults = []
            $0.categoryCertificate = Level.CategoryCertificate(category: category, validity: validity, source: register("categoryCertificate"))
        }
        let condition = Level(application).condition(.assessmentResult)!
        #expect(condition.waived == waived)
        #expect(condition.status == (waived ? .met : .notMet))
        if waived { #expect(condition.sources == [register("categoryCertificate")]) }
    }

    // MARK: 12.3 work functions

    @Test(arguments: [
        (String?.some("2026-10-15"), Level.WorkFunctionsReport.Issuer?.some(.electronicRegistry), String?.some("5.2"), Level.Status.met),
        ("2026-10-15", .headOfUnit, "5.2", .met),
        ("2026-11-23", .headOfUnit, "5.2", .notMet),
        ("2026-10-15", .headOfUnit, "5.1", .notMet),
        ("2026-10-15", nil, "5.2", .cannotTell),
        ("2026-10-15", .headOfUnit, nil, .cannotTell),
        (nil, .headOfUnit, "5.2", .cannotTell),
    ])
    func workFunctions(day: String?, issuer: Level.WorkFunctionsReport.Issuer?, named: String?, expected: Level.Status) {
        let report = Level.WorkFunctionsReport(date: day.map(date), issuer: issuer, level: named.map(level), source: file("report.png"))
        #expect(status(.workFunctions, nurse { $0.workFunctionsReports = [report] }) == expected)
    }

    @Test func noWorkFunctionsReportIsNotMet() {
        #expect(status(.workFunctions, nurse { $0.workFunctionsReports = [] }) == .notMet)
    }

    /// Without the worker's documents, a missing certificate or report is unknown, not absent.
    @Test func documentsNotReadCannotBeTold() {
        let application = nurse {
            $0.documentsRead = false
            $0.assessmentResults = []
            $0.workFunctionsReports = []
        }
        #expect(status(.assessmentResult, application) == .cannotTell)
        #expect(status(.workFunctions, application) == .cannotTell)
    }

    // MARK: 12.4 confirmed CPD

    @Test(arguments: [
        (120, 90, Level.Status.met),
        (119, 91, .notMet),  // Appendix 3, first category: 120 of additional education
        (200, 89, .notMet),
        (100, 100, .notMet),  // 200 < 210 (paragraph 14)
    ])
    func cpdForTheTargetsColumn(additional: Int, nonFormal: Int, expected: Level.Status) {
        let application = nurse {
            $0.cpd = ConfirmedCPD(Assessment(
                evidence: [credit(additional, in: .additionalEducation), credit(nonFormal, in: .nonFormalEducation)],
                confirmationDate: confirmation, targetCategory: .first))
        }
        #expect(status(.cpd, application) == expected)
    }

    @Test func cpdAssessedForAnotherColumnCannotBeTold() {
        let application = nurse {
            $0.cpd = ConfirmedCPD(Assessment(evidence: [credit(300, in: .additionalEducation)], confirmationDate: confirmation, targetCategory: .second))
        }
        #expect(status(.cpd, application) == .cannotTell)
        #expect(status(.cpd, nurse { $0.cpd = nil }) == .cannotTell)
    }

    /// A confirmation the register recorded counts when it falls in the last 5 years.
    @Test(arguments: [("2021-11-23", Level.Status.met), ("2021-11-22", .cannotTell), ("2026-11-23", .cannotTell)])
    func aRecordedConfirmationCountsWithinFiveYears(confirmed: String, expected: Level.Status) {
        var totals = Totals()
        totals.add(120, in: .additionalEducation)
        totals.add(90, in: .nonFormalEducation)
        let recorded = ConfirmedCPD(confirmationDate: date(confirmed), category: .first, totals: totals, meetsAppendix3: true, source: register("assessment"))
        #expect(status(.cpd, nurse { $0.cpd = recorded }) == expected)
        let short = ConfirmedCPD(confirmationDate: date("2025-01-01"), category: .first, totals: totals, meetsAppendix3: false, source: register("assessment"))
        #expect(status(.cpd, nurse { $0.cpd = short }) == .notMet)
    }

    /// Appendix 3's expert-commission alternative counts as the reading in force says: three
    /// participations (90 CU each) replace the 120 CU of additional education only when the
    /// alternative replaces all minimums.
    @Test(arguments: [(Interpretation.CommissionAlternative.replacesAllMinimums, Level.Status.met), (.replacesTotal, .notMet)])
    func theCommissionAlternativeFollowsTheReading(reading: Interpretation.CommissionAlternative, expected: Level.Status) {
        let evidence = ["2024-01-10", "2025-02-11", "2026-03-12"].map { day in document(21) { $0.issueDate = date(day) } }
        let application = nurse {
            $0.cpd = ConfirmedCPD(Assessment(
                evidence: evidence, confirmationDate: confirmation, targetCategory: .first, interpretation: Interpretation(commissionAlternative: reading)))
        }
        #expect(application.cpd!.totals.total == 270)
        #expect(status(.cpd, application) == expected)
    }

    // MARK: paragraph 19, Appendix 5: the sequence and the experience

    @Test(arguments: [
        ("5.1", "5.2", Level.Status.met),
        ("5.1", "5.3", .notMet),
        ("5.2", "5.2", .notMet),
        ("5.3", "6.3", .notMet),
        ("7.3 (I)", "7.4 (R)", .notMet),
    ])
    func sequence(current: String, target: String, expected: Level.Status) {
        #expect(status(.sequence, nurse(target: target) { $0.currentLevel = (level(current), register("sqfLevel")); $0.specialty = nil }) == expected)
    }

    @Test func noCurrentLevelCannotBeTold() {
        #expect(status(.sequence, nurse { $0.currentLevel = nil }) == .cannotTell)
    }

    /// Appendix 5: 4 years for a first-category level, counted from the day the previous level
    /// was obtained; the anniversary completes the year.
    @Test(arguments: [
        ("2022-11-22", Level.Status.met),
        ("2022-11-23", .notMet),
    ])
    func experienceYearsSinceThePreviousLevel(obtained: String, expected: Level.Status) {
        #expect(status(.experience, nurse { $0.currentLevelObtainedOn = (date(obtained), register("sqfLevelObtainedOn")) }) == expected)
    }

    @Test func aBreakInTheLabourActivityRestartsTheExperience() {
        let application = nurse {
            $0.employment = [
                Level.EmploymentPeriod(hired: date("2010-07-01"), dismissed: date("2024-03-31"), specialty: "Сестринское дело", source: register("employment[1]")),
                Level.EmploymentPeriod(hired: date("2024-04-02"), dismissed: nil, specialty: "Сестринское дело", source: register("employment[2]")),
            ]
        }
        let condition = Level(application).condition(.experience)!
        #expect(condition.status == .notMet)
        #expect(condition.reasons.map(\.code) == [.levelExperienceShort])
        let details = condition.reasons.first?.details ?? [:]
        #expect(details["years"] == .number(2))
        #expect(details["start"] == .date(date("2021-04-15")) && details["end"] == .date(date("2024-04-01")))
    }

    @Test func aTransferTheNextDayKeepsItContinuous() {
        let application = nurse {
            $0.employment = [
                Level.EmploymentPeriod(hired: date("2010-07-01"), dismissed: date("2024-03-31"), specialty: "сестринское дело", source: register("employment[1]")),
                Level.EmploymentPeriod(hired: date("2024-04-01"), dismissed: nil, specialty: "Сестринское  дело", source: register("employment[2]")),
            ]
        }
        #expect(status(.experience, application) == .met)
    }

    @Test func workInAnotherSpecialtyDoesNotCount() {
        #expect(status(.experience, nurse { $0.employment[0].specialty = "Лабораторная диагностика" }) == .notMet)
    }

    @Test func workWhoseSpecialtyIsNotStatedCannotBeTold() {
        #expect(status(.experience, nurse { $0.employment[0].specialty = nil }) == .cannotTell)
        #expect(status(.experience, nurse { $0.specialty = nil }) == .cannotTell)
        #expect(status(.experience, nurse { $0.employment = []; $0.employmentSource = nil }) == .cannotTell)
        #expect(status(.experience, nurse { $0.currentLevelObtainedOn = nil }) == .cannotTell)
    }

    @Test func anInitialLevelIsForGraduates() {
        let application = nurse(target: "6.0") {
            $0.currentLevel = nil
            $0.currentLevelObtainedOn = nil
            $0.education = [Level.EducationDocument(track: .higher, issuedOn: date("2026-06-30"), source: register("education[1]"))]
            $0.workFunctionsReports = []
            $0.cpd = nil
        }
        let decision = Level(application)
        #expect(decision.route == .initialLevel)
        #expect(decision.status == .met)
        #expect(decision.conditions.filter(\.waived).map(\.kind) == [.workFunctions, .cpd, .experience])
        #expect(status(.sequence, nurse(target: "5.0")) == .notMet)  // already holds 5.1
    }

    @Test func aCategoryCertificateGivesTheEquivalentLevel() {
        let application = nurse(target: "5.3") {
            $0.currentLevel = nil
            $0.currentLevelObtainedOn = nil
            $0.assessmentResults = []
            $0.cpd = ConfirmedCPD(Assessment(
                evidence: [credit(60, in: .additionalEducation), credit(150, in: .nonFormalEducation)], confirmationDate: confirmation, targetCategory: .highest))
            $0.categoryCertificate = Level.CategoryCertificate(category: .highest, validity: .expires(date("2023-05-01")), source: register("categoryCertificate"))
        }
        let decision = Level(application)
        #expect(decision.route == .categoryEquivalent)
        #expect(decision.status == .met)
        #expect(decision.conditions.filter(\.waived).map(\.kind) == [.assessmentResult, .experience])
    }

    /// Paragraph 19's last paragraph: a nurse at 4.2 who receives applied bachelor's nursing
    /// education keeps the first-category level in the new track: 5.2.
    @Test func aNurseWithNewEducationKeepsTheEquivalentLevel() {
        let application = nurse(target: "5.2") {
            $0.currentLevel = (level("4.2"), register("sqfLevel"))
            $0.education.append(Level.EducationDocument(track: .technicalVocational, specialty: "Сестринское дело", source: register("education[2]")))
            $0.assessmentResults = []
            $0.workFunctionsReports = []
            $0.cpd = nil
        }
        let decision = Level(application)
        #expect(decision.route == .nursingEducation)
        #expect(decision.status == .met)
        #expect(decision.conditions.filter(\.waived).map(\.kind) == [.assessmentResult, .workFunctions, .cpd, .experience])

        let notNursing = Level(nurse(target: "5.2") {
            $0.currentLevel = (level("4.2"), register("sqfLevel"))
            $0.education[0].specialty = "Лечебное дело"
        })
        #expect(notNursing.route == .nursingEducation)
        #expect(notNursing.condition(.education)?.status == .notMet)

        let otherSpecialty = Level(nurse(target: "5.2") {
            $0.currentLevel = (level("4.2"), register("sqfLevel"))
            $0.specialty = ("Лабораторная диагностика", register("specialty"))
        })
        #expect(otherSpecialty.route == .nextLevel)
        #expect(otherSpecialty.condition(.sequence)?.status == .notMet)
    }

    @Test func theDecisionIsTheWorstCondition() {
        #expect(Level(nurse { $0.education[0].track = nil }).status == .cannotTell)
        #expect(Level(nurse { $0.education[0].track = nil; $0.workFunctionsReports = [] }).status == .notMet)
    }
}
