import CPDRules
import Confirmation
import Forms
import Foundation
import Intake
import PDFReading
import PersonNames
import Testing

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
        totalService: "18 лет 2 месяца 5 дней", placeOfWork: "ГКП на ПХВ «Городская больница № 2»", position: "медицинская сестра",
        sqfLevel: "5.1", employment: [.init(hired: "01.09.2008", dismissed: nil, placeOfWork: "Городская больница № 2", position: "медицинская сестра", orderNumber: "112-к", orderDate: "01.09.2008")])

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
        #expect(folder.documents.map(\.item.outcome.decision) == [.accepted, .accepted, .accepted, .refused, .refused, .refused, .refused, .accepted])
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
        #expect(words.contains("18 лет 2 месяца 5 дней"))
        #expect(words.contains("112-к"))
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

    /// One page, with the worker, the level, each condition's row and its sources.
    @Test(arguments: FormLanguage.allCases)
    func pdfHoldsEveryConditionAndItsSource(language: FormLanguage) throws {
        let pdf = try PDFFile(data: try forms.levelSummary(decision, fullName: "Сапарова Жанар Ерлановна", iin: "850314410007", language: language).pdf)
        #expect(pdf.pageCount == 1)
        // Narrow cells break long names anywhere: compared without spaces.
        let text = pdf.text(ofPage: 0).text.filter { !$0.isWhitespace }
        for expected in ["СапароваЖанарЕрлановна", "850314410007", "5.2", "education[1]", "universities.csv:2", "13_work-functions-report.jpg", "sqfLevelObtainedOn"] {
            #expect(text.contains(expected), "\(expected)")
        }
    }
}
