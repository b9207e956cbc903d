import CPDRules
import FactExtraction
import Foundation
import PersonNames
import Testing

@testable import Intake

/// The facts are declared once (`EvidenceFact`); where a list of them cannot be derived, these
/// tests fail when a fact is added in one place and forgotten in another.
@Suite("The fact schema, declared once")
struct FactSchemaTests {
    static let line = Provenance(page: 1, text: "a line")

    static func found<Value>(_ value: Value) -> Found<Value> { Found(value, line, confidence: 0.9) }

    /// Every fact a document can give, each set.
    static let everyFact: ExtractedFacts = {
        var facts = ExtractedFacts()
        facts.activity = found(.conference)
        facts.activityGuess = found(.seminar)
        facts.language = found("en")
        facts.notarizedTranslation = found(true)
        facts.translationLanguage = "ru"
        facts.isTranslationOnly = false
        facts.hours = found(Hours("16")!)
        facts.credits = found(Hours("1")!)
        facts.weeks = found(2)
        facts.days = found(3)
        facts.testQuestions = found(100)
        facts.clinicalScenarios = found(10)
        facts.unreadVolume = found("объём: ⅩⅥ")
        facts.startDate = found(CalendarDate("2024-02-12")!)
        facts.endDate = found(CalendarDate("2024-02-14")!)
        facts.ongoing = found(false)
        facts.issueDate = found(CalendarDate("2024-02-16")!)
        facts.year = found(2024)
        facts.significance = found(.republican)
        facts.role = found(.speaker)
        facts.publicationKind = found(.monograph)
        facts.holderName = found("Исаева Лаура Жанатовна")
        facts.people = [found("Исаева Лаура Жанатовна")]
        facts.authors = found(["Исаева Лаура Жанатовна", "Абенов Ерлан"])
        facts.documentNumber = found("№ 0123")
        facts.issn = found("1234-5678")
        facts.title = found("Stroke care")
        facts.levelDocument = found(.assessmentResult)
        facts.assessmentPassed = found(true)
        facts.levelNamed = found(QualificationLevel("5.2")!)
        facts.reportIssuer = found(.headOfUnit)
        return facts
    }()

    /// A fact added to `ExtractedFacts` must be set above, and so reach the checks below.
    @Test func theFixtureSetsEveryExtractedFact() {
        for child in Mirror(reflecting: Self.everyFact).children {
            let isSet = (child.value as? [Any]).map { !$0.isEmpty } ?? !"\(child.value)".hasPrefix("nil")
            #expect(isSet, "ExtractedFacts.\(child.label ?? "?") is not set in the fixture")
        }
    }

    /// Every fact read from a document is reported by its name and, where the rules decide on it,
    /// reaches the evidence; only what no document's text gives is left out.
    @Test func everyExtractedFactIsReportedAndReachesTheEvidence() throws {
        let builder = EvidenceBuilder(options: IntakeOptions(worker: PersonName(registerName: "Исаева Лаура Жанатовна")))
        let record = builder.record(from: Self.everyFact, base: ExtractionRecord(file: "a.pdf", sha256: "0"))
        let reported = Set(record.facts.map(\.name))
        // Kept on the record itself rather than listed as facts.
        let onTheRecord: Set = ["language", "translationLanguage", "isTranslationOnly", "people"]
        let names = ["publicationKind": "publication"]
        for label in Mirror(reflecting: Self.everyFact).children.compactMap(\.label) where !onTheRecord.contains(label) {
            #expect(reported.contains(names[label] ?? label), "\(label) is not reported")
        }
        let evidence = try #require(record.evidence)
        // Not in a document's text: stated by a person or a register, or looked up in the user's lists.
        let notRead: Set<EvidenceFact> = [.reports, .publicationMonth, .quartile]
        for fact in EvidenceFact.allCases where !notRead.contains(fact) {
            #expect(fact.text(in: evidence) != nil, "\(fact) does not reach the evidence")
        }
    }

    /// Every property of `Evidence` but its criterion and fingerprint is a declared fact.
    @Test func everyPropertyOfTheEvidenceIsADeclaredFact() {
        let properties = Mirror(reflecting: Evidence(criterion: 1)).children.compactMap(\.label)
        #expect(properties.count - 2 == EvidenceFact.allCases.count, "\(properties)")
    }

    /// The fingerprints already stored (in the watch's database) keep their layout.
    @Test func theFingerprintKeepsItsLayout() {
        var evidence = Evidence(criterion: 5)
        evidence.documentNumber = "17"
        evidence.startDate = CalendarDate("2024-02-12")
        evidence.days = 3
        evidence.title = "Stroke Care"
        evidence.reports = 1
        #expect(evidence.copyFingerprint(holderKey: "isaeva") == "5|17|isaeva|2024-02-12|-|-|-|-|-|-|3|-|-|stroke care")
    }
}
