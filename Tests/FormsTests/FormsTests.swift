import Confirmation
import CPDRules
import Forms
import Foundation
import Intake
import PDFReading
import PersonNames
import Testing
import Wording

/// A worker's folder decided without reading files: records built by hand, so the forms can be
/// checked against known numbers.
func sampleFolder() -> FolderAssessment {
    func record(_ file: String, _ criterion: Int, _ activity: ActivityKind, holder: String = "Сапарова Жанар Ерлановна", _ configure: (inout Evidence) -> Void) -> ExtractionRecord {
        var record = ExtractionRecord(file: "/inbox/850314410007/\(file)", sha256: "sha256 of \(file)")
        record.source = .pdfText
        record.language = "ru"
        record.activity = activity
        record.criterion = criterion
        record.holderName = holder
        var evidence = Evidence(criterion: criterion)
        evidence.activity = activity
        evidence.issueDate = CalendarDate("2025-05-20")
        configure(&evidence)
        evidence.fingerprint = file
        record.evidence = evidence
        return record
    }
    let records = [
        record("01_advanced-training.pdf", 1, .advancedTraining) { $0.hours = 144 },
        record("02_seminar.pdf", 3, .seminar) { $0.hours = 17 },
        record("03_conference.pdf", 5, .conference) { $0.days = 2; $0.significance = .republican },
        record("04_patent.pdf", 11, .patent) { $0.significance = .international; $0.language = "en" },
        record("05_ip-certificate.pdf", 12, .ipCertificate) { $0.issueDate = CalendarDate("2019-08-31") },
        record("06_seminar.pdf", 3, .seminar, holder: "Кузнецова Динара Ивановна") { $0.hours = 8 },
        record("07_textbook.pdf", 7, .textbook) { $0.authorPosition = 2; $0.authorCount = 3; $0.issueDate = nil; $0.publicationYear = 2024 },
        record("08_tutoring.pdf", 14, .tutoringNewStaff) { $0.startDate = CalendarDate("2024-09-01"); $0.endDate = CalendarDate("2025-08-31") },
        record("09_conference.pdf", 5, .conference) { $0.days = 1 },
        {
            var scanned = record("10_implementation.pdf", 15, .implementation) { _ in }
            scanned.uncertainties = [Finding(.lowConfidence, ["page": .number(1), "confidence": .number(52)], provenance: .init(page: 1, text: nil))]
            return scanned
        }(),
    ]
    return FolderAssessment(
        records: records, workerIIN: "850314410007", workerName: PersonName(registerName: "Сапарова Жанар Ерлановна")!,
        confirmationDate: CalendarDate("2026-11-22")!, targetCategory: .first)
}

@Suite("The Appendix 2 form and the refusal notice")
struct FormsTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let forms: Forms
    let folder = sampleFolder()
    let register = RegisterDetails(
        totalService: ServiceLength(years: 18, months: 2, days: 5), specialtyService: ServiceLength(years: 1, months: 0, days: 21), placeOfWork: "ГКП на ПХВ «Городская больница № 2»", position: "медицинская сестра",
        sqfLevel: "5.1", category: .second, employment: [.init(hired: "01.09.2008", dismissed: nil, placeOfWork: "Городская больница № 2", position: "медицинская сестра", orderNumber: "112-к", orderDate: "01.09.2008")])

    init() throws {
        forms = try Forms(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates/forms"))
    }

    func expectGolden(_ html: String, _ name: String) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CPD_RECORD_SNAPSHOTS"] == "1" {
            try html.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(html == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs from its golden file")
    }

    @Test func theSampleIsDecidedAsExpected() {
        #expect(folder.documents.map(\.item.outcome.decision) == [.accepted, .accepted, .accepted, .refused, .refused, .refused, .refused, .accepted, .review, .review])
        #expect(folder.assessment.totals.total == CreditUnits("182.5"))
    }

    @Test(arguments: FormLanguage.allCases)
    func confirmationHTMLMatchesItsGoldenFile(language: FormLanguage) throws {
        try expectGolden(try forms.confirmation(folder, register: register, language: language).html, "appendix2.\(language.rawValue).html")
    }

    @Test(arguments: FormLanguage.allCases)
    func refusalHTMLMatchesItsGoldenFile(language: FormLanguage) throws {
        let refusal = try #require(try forms.refusal(folder, language: language))
        try expectGolden(refusal.html, "refusal.\(language.rawValue).html")
    }

    /// The PDF's text as poppler lays it out (`pdftotext -layout`): a table row stays one line.
    func layoutText(_ pdf: Data) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-form-\(UUID().uuidString).pdf")
        try pdf.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout", url.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: FormLanguage.allCases)
    func confirmationPDFHoldsTheNameEveryCriterionAndTheTotal(language: FormLanguage) throws {
        let text = try layoutText(try forms.confirmation(folder, register: register, language: language).pdf)
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Сапарова Жанар Ерлановна"))
        // Each criterion's row starts with its number and ends with its credit units; criteria
        // without credit show 0.
        let lines = text.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace) }
        let expected: [Int: String] = [1: "144", 3: language == .en ? "8.5" : "8,5", 5: "20", 14: "10"]
        for number in 1...21 {
            let row = lines.first { $0.count >= 3 && $0.first == Substring("\(number)") && $0.last!.allSatisfy { $0.isNumber || $0 == "," || $0 == "." } }
            #expect(row?.last.map(String.init) == (expected[number] ?? "0"), "criterion \(number): \(row?.joined(separator: " ") ?? "no row")")
        }
        #expect(words.contains(language == .en ? "182.5" : "182,5"))
        #expect(words.contains(["ru": "18 лет 2 месяца 5 дней", "kk": "18 жыл 2 ай 5 күн", "en": "18 years 2 months 5 days"][language.rawValue]!))
        #expect(words.contains("112-к"))
    }

    /// Items 3 and 4: the numbers with the nouns each language puts after them.
    @Test(arguments: [
        (ServiceLength(years: 1, months: 1, days: 1)!, "1 год 1 месяц 1 день", "1 жыл 1 ай 1 күн", "1 year 1 month 1 day"),
        (ServiceLength(years: 2, months: 3, days: 4)!, "2 года 3 месяца 4 дня", "2 жыл 3 ай 4 күн", "2 years 3 months 4 days"),
        (ServiceLength(years: 5, months: 11, days: 25)!, "5 лет 11 месяцев 25 дней", "5 жыл 11 ай 25 күн", "5 years 11 months 25 days"),
        (ServiceLength(years: 11, months: 0, days: 12)!, "11 лет 12 дней", "11 жыл 12 күн", "11 years 12 days"),
        (ServiceLength(years: 21, months: 2, days: 22)!, "21 год 2 месяца 22 дня", "21 жыл 2 ай 22 күн", "21 years 2 months 22 days"),
        (ServiceLength(years: 0, months: 0, days: 0)!, "0 дней", "0 күн", "0 days"),
    ])
    func lengthsOfServiceAreWrittenInTheFormsLanguage(length: ServiceLength, ru: String, kk: String, en: String) throws {
        for (language, expected) in [(FormLanguage.ru, ru), (.kk, kk), (.en, en)] {
            let html = try forms.confirmation(folder, register: RegisterDetails(totalService: length), language: language).html
            let item = try #require(html.split(separator: "\n").first { $0.hasPrefix("<p>3. ") })
            #expect(item.hasSuffix(": \(expected)</p>"), "\(language): \(item)")
        }
    }

    /// Every date of the HTML, whole on one line of the PDF: in the labour activity table's
    /// narrow columns, in the text, in the reasons and the findings.
    @Test(arguments: FormLanguage.allCases)
    func noDateBreaksAcrossLines(language: FormLanguage) throws {
        let employment = [
            RegisterDetails.Employment(hired: "01.09.2008", dismissed: "30.06.2010", placeOfWork: "Городская поликлиника № 5", position: "медицинская сестра", orderNumber: "214-к", orderDate: "29.08.2008"),
            RegisterDetails.Employment(hired: "01.07.2010", dismissed: nil, placeOfWork: "ГКП на ПХВ «Городская больница № 2» акимата города Астаны", position: "медицинская сестра кардиологического отделения", orderNumber: "388-к", orderDate: "30.06.2010"),
        ]
        let details = RegisterDetails(totalService: register.totalService, placeOfWork: register.placeOfWork, position: register.position, employment: employment)
        let confirmation = try forms.confirmation(folder, register: details, language: language)
        let refusal = try #require(try forms.refusal(folder, language: language))
        let date = try Regex(#"\b\d{2}\.\d{2}\.\d{4}\b"#)
        for rendered in [confirmation, refusal] {
            let dates = Set(rendered.html.matches(of: date).map { String(rendered.html[$0.range]) })
            #expect(dates.count >= (rendered.html == confirmation.html ? 6 : 3))
            let text = try layoutText(rendered.pdf)
            for value in dates {
                #expect(text.contains(value), "\(value) is broken in the \(language) PDF")
            }
            // In the HTML, each date is kept whole by its span.
            #expect(rendered.html.matches(of: date).count == rendered.html.matches(of: try Regex(#"<span class="date">\d{2}\.\d{2}\.\d{4}</span>"#)).count)
        }
    }

    /// A date in a column far too narrow for it widens the column instead of breaking.
    @Test func aDateWidensItsColumnRatherThanBreak() throws {
        let xhtml = """
            <html xmlns="http://www.w3.org/1999/xhtml"><body><table data-widths="2,98"><tbody>
            <tr><td><span class="date">01.09.2008</span></td><td>текст</td></tr></tbody></table></body></html>
            """
        #expect(try layoutText(try XHTMLDocument.pdf(xhtml, title: "t")).contains("01.09.2008"))
    }

    @Test func kazakhLettersSurviveIntoThePDF() throws {
        let pdf = try PDFFile(data: try forms.confirmation(folder, register: register, language: .kk).pdf)
        let text = (0..<pdf.pageCount).map { pdf.text(ofPage: $0).text }.joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for letter in ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і", "Ү", "Қ"] {
            #expect(text.contains(letter), "\(letter)")
        }
        #expect(text.contains("Денсаулық сақтау қызметкерлерінің үздіксіз кәсіби дамуының нәтижелерін растау"))
    }

    @Test func refusalNamesEveryRefusedDocumentAndItsParagraph() throws {
        let refusal = try #require(try forms.refusal(folder, language: .ru))
        let pdf = try PDFFile(data: refusal.pdf)
        let text = (0..<pdf.pageCount).map { pdf.text(ofPage: $0).text }.joined(separator: " ")
        for file in ["04_patent.pdf", "05_ip-certificate.pdf", "06_seminar.pdf", "07_textbook.pdf"] {
            #expect(text.contains(file) || text.replacingOccurrences(of: "\n", with: "").contains(file), "\(file)")
        }
        #expect(refusal.html.contains("пунктом 11 Правил"))
        #expect(refusal.html.contains("(пункт 7 Правил)"))
        #expect(refusal.html.contains("Кузнецова Динара Ивановна"))
        #expect(refusal.html.contains("работник указан 2-м автором из 3"))
    }

    /// Why a file could not be read, in the notice's language, the library's message quoted.
    @Test(arguments: [
        IntakeError.cannotOpen("Permission denied"), .tooLarge(bytes: 300_000_000, limit: 209_715_200), .unknownFormat("not a PDF, image or XML"),
        .pdf("the PDF is password-protected"), .image("Corrupt JPEG data"), .xml("entities are not allowed"), .ocr(page: 2, "engine failed"),
        .noText(pages: 3), .timedOut(seconds: 600), .notReadableYet("Resource temporarily unavailable"),
    ])
    func anUnreadableFileIsExplainedInEachLanguage(error: IntakeError) throws {
        var unreadable = ExtractionRecord(file: "/inbox/850314410007/broken.pdf", sha256: "broken")
        unreadable.errors = [error]
        let folder = FolderAssessment(
            records: [unreadable], workerIIN: "850314410007", workerName: PersonName(registerName: "Сапарова Жанар Ерлановна")!,
            confirmationDate: CalendarDate("2026-11-22")!, targetCategory: .first)
        let opening: [FormLanguage: String] = [.ru: "документ не удалось прочитать: ", .kk: "құжатты оқу мүмкін болмады: ", .en: "the document could not be read: "]
        var wordings = Set<String>()
        for language in FormLanguage.allCases {
            let html = try #require(try forms.refusal(folder, language: language)).html
            let cell = try #require(html.components(separatedBy: opening[language]!).dropFirst().first?.components(separatedBy: ";").first)
            #expect(cell.count > 10, "\(language): \(cell)")
            for value in error.details.values { #expect(cell.contains(value), "\(language): \(cell) lacks \(value)") }
            wordings.insert(cell)
        }
        #expect(wordings.count == 3)
    }

    @Test func noRefusalNoticeWhenNothingIsRefused() throws {
        let accepted = FolderAssessment(
            records: [], workerIIN: nil, workerName: PersonName(registerName: "Сапарова Жанар Ерлановна")!,
            confirmationDate: CalendarDate("2026-11-22")!, targetCategory: .first)
        #expect(try forms.refusal(accepted, language: .ru) == nil)
    }

    @Test func filesAreWrittenForTheirOwnerOnly() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-form-\(UUID().uuidString).pdf")
        try AtomicFile.write(Data("one".utf8), to: url)
        try AtomicFile.write(Data("two".utf8), to: url)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOf: url, encoding: .utf8) == "two")
        try FileManager.default.removeItem(at: url)
    }
}

/// A decision with every kind of result and source: a nurse at 5.1 since 2023 applying for 5.2,
/// with a foreign diploma on the ranking list, an indefinite category certificate (the assessment
/// waived), a work-functions report without its level, and her CPD short of Appendix 3.
func sampleLevelDecision() -> LevelAssignment {
    func field(_ name: String) -> LevelAssignment.Source { .init(.register, name) }
    var application = LevelAssignment.Application(target: QualificationLevel("5.2")!, date: CalendarDate("2026-11-22")!)
    application.currentLevel = (QualificationLevel("5.1")!, field("sqfLevel"))
    application.currentLevelObtainedOn = (CalendarDate("2023-04-15")!, field("sqfLevelObtainedOn"))
    application.specialty = ("Сестринское дело", field("specialty"))
    application.categoryCertificate = .init(category: .first, validity: .indefinite, source: field("qualificationCategory, categoryCertificate.expiresOn"))
    application.education = [.init(
        track: .postSecondary, issuedOn: CalendarDate("2008-06-30"), institution: "University of Melbourne",
        origin: .foreign(ranking: .init(qs: 13, arwu: 35, the: 37, source: .init(.rankingList, "universities.csv:2"))), source: field("education[1]"))]
    application.rankingListGiven = true
    application.employment = [.init(hired: CalendarDate("2010-07-01")!, dismissed: nil, specialty: "Сестринское дело", source: field("employment[1]"))]
    application.employmentSource = field("employment")
    application.workFunctionsReports = [.init(date: CalendarDate("2026-10-15"), issuer: .headOfUnit, level: nil, source: .init(.document, "13_work-functions-report.jpg"))]
    var totals = Totals()
    totals.add(100, in: .additionalEducation)
    totals.add(120, in: .nonFormalEducation)
    application.cpd = ConfirmedCPD(confirmationDate: CalendarDate("2026-11-22")!, category: .first, totals: totals, meetsAppendix3: false, source: .init(.assessment, "11 documents"))
    return LevelAssignment(application)
}

@Suite("The level summary")
struct LevelSummaryFormTests {
    let forms: Forms
    let decision = sampleLevelDecision()

    init() throws {
        forms = try Forms(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates/forms"))
    }

    @Test func theSampleHasEveryKindOfResult() {
        #expect(decision.conditions.map(\.status) == [.met, .met, .cannotTell, .notMet, .met, .notMet])
        #expect(decision.conditions.map(\.waived) == [false, true, false, false, false, false])
    }

    @Test(arguments: FormLanguage.allCases)
    func htmlMatchesItsGoldenFile(language: FormLanguage) throws {
        let html = try forms.levelSummary(decision, fullName: "Сапарова Жанар Ерлановна", iin: "850314410007", language: language).html
        try FormsTests().expectGolden(html, "level.\(language.rawValue).html")
    }

    /// One page, with the worker, the level, each condition's row, its explanation and its sources.
    @Test(arguments: FormLanguage.allCases)
    func pdfHoldsEveryConditionAndItsSource(language: FormLanguage) throws {
        let pdf = try PDFFile(data: try forms.levelSummary(decision, fullName: "Сапарова Жанар Ерлановна", iin: "850314410007", language: language).pdf)
        #expect(pdf.pageCount == 1)
        // Narrow cells break long names anywhere: compared without spaces.
        let text = (0..<pdf.pageCount).map { pdf.text(ofPage: $0).text }.joined().filter { !$0.isWhitespace }
        // The education's explanation, in the form's language.
        let explanation = [
            FormLanguage.en: "paragraph15recognisesitonitsoriginal", .ru: "пункт15признаетдокументпооригиналу", .kk: "15-тармаққұжаттытүпнұсқасыбойыншатаниды",
        ][language]!
        for expected in ["СапароваЖанарЕрлановна", "850314410007", "5.2", "education[1]", "universities.csv", "13_work-functions-report.jpg", "sqfLevelObtainedOn", explanation] {
            #expect(text.contains(expected), "\(expected)")
        }
    }
}

@Suite("An officer's corrections, applied and shown")
struct CorrectedFormsTests {
    static func corrected(_ corrections: [Correction]) -> FolderAssessment {
        let folder = sampleFolder()
        return FolderAssessment(
            records: folder.documents.map(\.record), workerIIN: folder.workerIIN, workerName: folder.workerName,
            confirmationDate: CalendarDate("2026-11-22")!, targetCategory: .first, corrections: corrections)
    }

    static func correction(_ file: String, _ change: Correction.Change, on day: String = "2026-11-20") -> Correction {
        Correction(sha256: "sha256 of \(file)", item: nil, change: change, by: "aigerim", on: CalendarDate(day)!)
    }

    @Test func theLatestCorrectionOfAFactCountsAndTheDecisionsFollow() {
        let folder = Self.corrected([
            Self.correction("02_seminar.pdf", .fact(.hours, "40")),
            Self.correction("02_seminar.pdf", .fact(.hours, "20"), on: "2026-11-21"),
            Self.correction("10_implementation.pdf", .accepted),
            Self.correction("09_conference.pdf", .refused(.holderMismatch, note: "выдан однофамилице")),
            Self.correction("another file", .fact(.hours, "1000")),
        ])
        let seminar = folder.documents[1]
        #expect(seminar.record.evidence?.hours == 20)
        #expect(seminar.item.outcome.creditUnits == 10)
        #expect(seminar.corrections.map(\.change) == [.fact(.hours, "20")])
        #expect(folder.documents[9].item.outcome.decision == .accepted)
        #expect(folder.documents[8].item.outcome.decision == .refused)
        #expect(folder.documents[8].item.outcome.refusals.first?.details["officerNote"] == "выдан однофамилице")
        // 182.5 with the seminar's 17 h (8.5 CU) now 20 h (10 CU), the implementation counted, one conference day less.
        let uncorrected = sampleFolder().assessment.totals.total
        #expect(folder.assessment.totals.total == uncorrected + CreditUnits("1.5")! + folder.documents[9].item.outcome.creditUnits - sampleFolder().documents[8].item.outcome.creditUnits)
    }

    @Test func anActivityNamedByTheOfficerMakesEvidenceOfAnUnrecognisedDocument() {
        var record = ExtractionRecord(file: "/inbox/850314410007/11_unknown.pdf", sha256: "sha256 of 11_unknown.pdf")
        record.source = .pdfText
        record.language = "ru"
        record.holderName = "Сапарова Жанар Ерлановна"
        let before = FolderAssessment(
            records: [record], workerIIN: "850314410007", workerName: PersonName(registerName: "Сапарова Жанар Ерлановна")!,
            confirmationDate: CalendarDate("2026-11-22")!, targetCategory: .first)
        #expect(before.documents[0].item.outcome.decision == .refused)
        let after = FolderAssessment(
            records: [record], workerIIN: "850314410007", workerName: PersonName(registerName: "Сапарова Жанар Ерлановна")!,
            confirmationDate: CalendarDate("2026-11-22")!, targetCategory: .first,
            corrections: [
                Self.correction("11_unknown.pdf", .fact(.activity, "seminar")), Self.correction("11_unknown.pdf", .fact(.hours, "12")),
                Self.correction("11_unknown.pdf", .fact(.issueDate, "2025-01-10")),
            ])
        #expect(after.documents[0].item.criterion?.number == 3)
        #expect(after.documents[0].item.outcome.decision == .accepted)
        #expect(after.documents[0].item.outcome.creditUnits == 6)
    }

    @Test(arguments: [
        (FormLanguage.ru, ["Сведения, установленные специалистом по кадрам", "Часы: 20", "проверено, принято", "aigerim, <span class=\"date\">21.11.2026</span>"]),
        (FormLanguage.kk, ["Кадр маманы анықтаған мәліметтер", "Сағат: 20", "тексерілді, қабылданды"]),
        (FormLanguage.en, ["Facts established by the HR officer", "Hours: 20", "checked and accepted", "aigerim, <span class=\"date\">21.11.2026</span>"]),
    ])
    func theFormListsWhatThePersonEstablished(language: FormLanguage, expected: [String]) throws {
        let forms = try Forms(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates/forms"))
        let folder = Self.corrected([
            Self.correction("02_seminar.pdf", .fact(.hours, "20"), on: "2026-11-21"), Self.correction("10_implementation.pdf", .accepted),
        ])
        let html = try forms.confirmation(folder, register: RegisterDetails(), language: language).html
        for text in expected { #expect(html.contains(text), "\(text)") }
        let plain = try forms.confirmation(sampleFolder(), register: RegisterDetails(), language: language).html
        #expect(!plain.contains(expected[0]))
    }
}

@Suite("How a credit was computed, in each language")
struct CalculationWordingTests {
    static let wording = try! FindingWording(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates/forms"))
    static let day = CalendarDate("2025-03-10")!

    static let cases: [(Calculation, [String])] = [
        (.volume(.hours(72), rate: 1, significance: nil), ["72", "1"]),
        (.volume(.credits(2, hoursPerCredit: 30, hours: 60), rate: CreditUnits("0.5")!, significance: nil), ["2", "30", "60", "0"]),
        (.volume(.weeks(3), rate: 10, significance: .republican), ["3", "10"]),
        (.volume(.weeksBetween(2, day, day.adding(days: 13)), rate: 10, significance: .city), ["2", "10.03.2025", "23.03.2025"]),
        (.volume(.daysBetween(2, day, day.adding(days: 1)), rate: 5, significance: .international), ["2", "5", "10.03.2025"]),
        (.reports(2, rate: 3, significance: .regional, days: .days(2), dayRate: 2), ["2", "3"]),
        (.monograph, ["1"]), (.guidelines, ["1"]), (.article(.q1), ["Q1"]), (.document(level: .republican), ["1"]), (.document(level: nil), ["1"]),
        (.tutoring(years: 2, rate: 5), ["2", "5"]),
        (.examMaterial(questions: 60, perQuestions: 30, scenarios: 5, perScenarios: 5, counting: .completeBlocks), ["60", "30", "5"]),
        (.translation(of: "04_patent.pdf"), ["04_patent.pdf"]),
    ]

    @Test(arguments: FormLanguage.allCases)
    func everyComputationIsWordedWithItsFigures(language: FormLanguage) {
        for (calculation, figures) in Self.cases {
            let words = Self.wording.message(calculation, in: language)
            #expect(!words.isEmpty && !words.contains("{{"), "\(calculation)")
            for figure in figures { #expect(words.contains(language == .en ? figure : figure.replacingOccurrences(of: "0.5", with: "0,5")), "\(figure) in «\(words)»") }
            if language != .en {
                for english in [" h ", " h)", "CU", "report", "credits", "level", "document", "weeks"] {
                    #expect(!words.contains(english), "«\(english)» in «\(words)»")
                }
            }
        }
    }

    @Test func theEnglishTextTheReportsCarryIsUnchanged() {
        #expect(Calculation.volume(.hours(17), rate: CreditUnits("0.5")!, significance: nil).description == "17 h × 0.5 CU")
        #expect(Calculation.reports(1, rate: 3, significance: .republican, days: .days(2), dayRate: 2).description == "1 report × 3 CU (republican) + 2 d × 2 CU")
        #expect(Calculation.document(level: .republican).description == "1 document, national (republican) level")
    }
}
