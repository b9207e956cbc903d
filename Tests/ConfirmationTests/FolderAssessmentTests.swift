import CPDRules
import Confirmation
import Intake
import PersonNames
import Testing

/// A record as the intake would give it, built by hand.
func record(
    _ file: String, _ criterion: Int, holder: String? = "Исаева Лаура Жанатовна", language: String = "ru",
    _ configure: (inout Evidence) -> Void = { _ in }
) -> ExtractionRecord {
    var record = ExtractionRecord(file: "/inbox/901126439533/\(file)", sha256: "content of \(file)")
    record.source = .pdfText
    record.language = language
    record.criterion = criterion
    record.activity = ActivityKind.allCases.first { $0.criterion() == criterion }
    record.holderName = holder
    record.needsNotarizedTranslation = !["kk", "ru"].contains(language)
    var evidence = Evidence(criterion: criterion)
    evidence.language = language
    evidence.issueDate = CalendarDate("2025-05-20")
    configure(&evidence)
    evidence.fingerprint = "\(criterion)|\(evidence.documentNumber ?? file)"
    record.evidence = evidence
    return record
}

func assess(_ records: [ExtractionRecord]) -> FolderAssessment {
    FolderAssessment(
        records: records, workerIIN: "901126439533", workerName: PersonName(registerName: "Исаева Лаура Жанатовна")!,
        confirmationDate: CalendarDate("2026-11-22")!, targetCategory: .second)
}

@Suite("A worker's folder decided")
struct FolderAssessmentTests {
    @Test(arguments: [
        ("Исаевой Лауре Жанатовне", Decision.accepted), ("Isaeva L.Z.", .accepted), ("Исаева Мария Петровна", .refused),
        ("Исаева", .review),
    ])
    func holdersNameDecides(printed: String, decision: Decision) {
        let outcome = assess([record("01.pdf", 12, holder: printed)]).documents[0].item.outcome
        #expect(outcome.decision == decision)
        if decision == .refused { #expect(outcome.refusals.map(\.reason) == [.holderMismatch]) }
    }

    @Test func aDocumentNamingNobodyGoesToReview() {
        #expect(assess([record("01.pdf", 12, holder: nil)]).documents[0].item.outcome.decision == .review)
    }

    @Test func theSameContentOrTheSameCertificateCountsOnce() {
        var copy = record("02.pdf", 12)
        copy = ExtractionRecord(file: copy.file, sha256: "content of 01.pdf").merging(copy)
        var rescan = record("03.pdf", 3) { $0.hours = 8; $0.documentNumber = "77" }
        rescan.sha256 = "another scan"
        let folder = assess([record("01.pdf", 12), copy, record("04.pdf", 3) { $0.hours = 8; $0.documentNumber = "77" }, rescan])
        #expect(folder.documents.map(\.item.outcome.decision) == [.accepted, .refused, .accepted, .refused])
        #expect(folder.documents[1].item.outcome.refusals.first?.details["original"] == "01.pdf")
        #expect(folder.documents[3].item.outcome.refusals.first?.details["original"] == "04.pdf")
        #expect(folder.assessment.totals.total == 34)
    }

    @Test func theSameFactsWithoutANumberOrADateAreForAPersonToCompare() {
        func undated(_ file: String) -> ExtractionRecord {
            var copy = record(file, 3) { $0.hours = 8; $0.issueDate = nil }
            copy.evidence?.fingerprint = "3|-|8"
            return copy
        }
        let folder = assess([undated("01.pdf"), undated("02.pdf")])
        #expect(folder.documents.map(\.item.outcome.decision) == [.review, .review])
        #expect(folder.documents[1].item.outcome.findings.contains(Finding(.possibleDuplicate, ["original": .text("01.pdf")])))
    }

    @Test func weakPhrasesAndAnUnreadVolumeAreQuestionsNotRefusals() {
        var guessed = ExtractionRecord(file: "/inbox/901126439533/letter.pdf", sha256: "y")
        guessed.activityGuess = .seminar
        guessed.uncertainties = [Finding(.activityGuessed, ["activity": .activity(.seminar)])]
        let unread = record("02.pdf", 3) { $0.unreadVolume = "Объем: 18 а.с." }
        let folder = assess([guessed, unread])
        #expect(folder.documents.map(\.item.outcome.decision) == [.review, .review])
        #expect(folder.documents.allSatisfy { $0.item.outcome.refusals.isEmpty })
    }

    @Test func unreadableAndUnrecognisedFilesAreRefusedWithTheirReason() {
        var unreadable = ExtractionRecord(file: "/inbox/901126439533/broken.pdf", sha256: "x")
        unreadable.errors = [.pdf("the PDF is password-protected")]
        let unrecognized = ExtractionRecord(file: "/inbox/901126439533/letter.pdf", sha256: "y")
        let folder = assess([unreadable, unrecognized])
        #expect(folder.documents.map { $0.item.outcome.refusals.map(\.reason) } == [[.unreadable], [.unrecognized]])
        #expect(folder.documents[0].item.outcome.refusals[0].message.contains("password-protected"))
    }

    @Test func aSeparateNotarizedTranslationServesItsOriginalAndCountsWithIt() {
        let original = record("05_patent.pdf", 11, holder: "Isaeva L.Z.", language: "en") { $0.significance = .international }
        var translation = record("06_translation.pdf", 11) { $0.significance = .international }
        translation.isTranslationOnly = true
        translation.hasNotarizedTranslation = true
        let folder = assess([original, translation])
        #expect(folder.documents[0].item.outcome.decision == .accepted)
        #expect(folder.documents[0].item.outcome.creditUnits == 180)
        #expect(folder.documents[1].item.outcome.decision == .accepted)
        #expect(folder.documents[1].item.outcome.creditUnits == 0)
        #expect(folder.documents[1].item.outcome.calculation.contains("05_patent.pdf"))
        #expect(folder.assessment.totals.total == 180)
    }

    @Test func aTranslationWithoutItsOriginalGoesToReviewAndAnOriginalWithoutOneIsRefused() {
        var translation = record("06_translation.pdf", 11) { $0.significance = .republican }
        translation.isTranslationOnly = true
        translation.hasNotarizedTranslation = true
        let other = record("07_patent.pdf", 11, holder: "Isaeva L.Z.", language: "en") { $0.significance = .international; $0.issueDate = CalendarDate("2024-01-01") }
        let folder = assess([translation, other])
        #expect(folder.documents[0].item.outcome.decision == .review)
        #expect(folder.documents[1].item.outcome.refusals.map(\.reason) == [.needsNotarizedTranslation])
    }

    @Test func uncertaintiesOfTheReadingSendAnOtherwiseGoodDocumentToReview() {
        var uncertain = record("08.pdf", 12)
        let lowConfidence = Finding(.lowConfidence, ["page": .number(1), "confidence": .number(52)], provenance: .init(page: 1, text: nil))
        uncertain.uncertainties = [lowConfidence]
        #expect(assess([uncertain]).documents[0].item.outcome.findings == [lowConfidence])
    }
}

extension ExtractionRecord {
    /// `other`'s reading under this record's file and content hash.
    func merging(_ other: ExtractionRecord) -> ExtractionRecord {
        var merged = other
        merged.file = file
        merged.sha256 = sha256
        return merged
    }
}

/// The documents of chapter 3 are set apart from the CPD: neither credited nor refused.
@Suite("Level documents in a worker's folder")
struct LevelDocumentsInAFolderTests {
    static func levelRecord(_ file: String, holder: String?) -> ExtractionRecord {
        var record = ExtractionRecord(file: "/inbox/901126439533/\(file)", sha256: "content of \(file)")
        record.source = .pdfText
        record.language = "ru"
        record.holderName = holder
        record.levelDocument = LevelDocument(kind: .assessmentResult, date: CalendarDate("2026-10-01"), passed: true, level: "6.2")
        return record
    }

    @Test(arguments: [
        (String?.some("Исаевой Лауры Жанатовны"), LevelAssignment.Holder.worker),
        ("Исаева Мария Петровна", .someoneElse("Исаева Мария Петровна")),
        (nil, .uncertain(Finding(.holderNotFound))),
    ])
    func aLevelDocumentIsSetApartWithWhoseItIs(holder: String?, expected: LevelAssignment.Holder) {
        let assessed = assess([record("01_seminar.pdf", 3) { $0.hours = 12 }, Self.levelRecord("02_result.pdf", holder: holder)])
        #expect(assessed.documents.map(\.record.file) == ["/inbox/901126439533/01_seminar.pdf"])
        #expect(assessed.levelDocuments.map(\.document.kind) == [.assessmentResult])
        #expect(assessed.levelDocuments.first?.holder == expected)
        #expect(assessed.assessment.items.count == 1)
    }
}
