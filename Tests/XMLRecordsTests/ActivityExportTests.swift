import CPDRules
import Foundation
import Testing
import XMLRecords

@Suite("CPD activity export")
struct ActivityExportTests {
    @Test func theExampleMapsToEvidence() throws {
        let export = try activities(Data(contentsOf: Fixtures.own("cpd-activities.xml")))
        #expect(export.workerIIN == "860111422990")
        #expect(export.workerName == "Исаева Лаура Жанатовна")
        #expect(export.confirmationDate == CalendarDate(year: 2026, month: 11, day: 22))
        #expect(export.targetCategory == .first)
        #expect(export.activities.map(\.line) == [6, 7, 9, 11, 13, 15, 17, 19])
        #expect(export.activities.map(\.evidence.criterion) == [1, 3, 2, 5, 10, 8, 20, 6])

        let training = export.activities[0].evidence
        #expect(training.activity == .advancedTraining)
        #expect(training.title == "Сестринский уход в кардиологии")
        #expect(training.documentNumber == "04-2024/7731")
        #expect(training.hours == Hours(108))
        #expect(training.startDate == CalendarDate("2024-10-01") && training.endDate == CalendarDate("2024-10-18"))
        #expect(training.fingerprint == "criterion 1 number 04-2024/7731")

        #expect(export.activities[1].evidence.hours == Hours("16.5"))
        let internship = export.activities[2].evidence
        #expect(internship.significance == .international && internship.weeks == 2)
        #expect(internship.language == "de" && internship.hasNotarizedTranslation)
        let conference = export.activities[3].evidence
        #expect(conference.significance == .republican && conference.role == .speaker && conference.reports == 1)
        let indexed = export.activities[4].evidence
        #expect(indexed.quartile == .q2 && indexed.authorPosition == 2 && indexed.authorCount == 6)
        #expect(indexed.publicationYear == 2024 && indexed.fingerprint?.hasPrefix("facts ") == true)
        let exam = export.activities[6].evidence
        #expect(exam.activity == nil && exam.testQuestions == 75 && exam.clinicalScenarios == 10)
        #expect(exam.issueDate == CalendarDate("2025-09-30"))
        #expect(export.activities[7].evidence.publicationKind == .monograph)
    }

    @Test func theEvidenceIsAssessedByTheRules() throws {
        let export = try activities(Data(contentsOf: Fixtures.own("cpd-activities.xml")))
        let confirmation = try #require(export.confirmationDate)
        let assessment = Assessment(
            evidence: export.activities.map(\.evidence), confirmationDate: confirmation,
            targetCategory: try #require(export.targetCategory))
        #expect(assessment.items.count == export.activities.count)
        #expect(assessment.items[0].outcome.creditUnits == 108)
        #expect(assessment.items[1].outcome.creditUnits == CreditUnits(thousandths: 8_250))
    }

    @Test func anExportMayListNothing() throws {
        let export = try activities(Data(#"<cpdActivities xmlns="urn:kz:cpd:activities:1"/>"#.utf8))
        #expect(export.activities.isEmpty && export.workerIIN == nil && export.confirmationDate == nil)
    }

    /// One attribute the schema refuses, and a word its message must contain.
    @Test(arguments: [
        (#"hours="-1""#, "hours"),
        (#"hours="1.555""#, "hours"),
        (#"hours="1,5""#, "hours"),
        (#"hours="+16""#, "hours"),
        (#"criterion="22""#, "criterion"),
        (#"criterion="0""#, "criterion"),
        (#"startDate="2023-02-29""#, "startDate"),
        (#"startDate="2024-13-01""#, "startDate"),
        (#"startDate="2024-01-01Z""#, "startDate"),
        (#"endDate="01.02.2024""#, "endDate"),
        (#"kind="lecture""#, "kind"),
        (#"significance="galactic""#, "significance"),
        (#"quartile="Q5""#, "quartile"),
        (#"role="chair""#, "role"),
        (#"publication="book""#, "publication"),
        (#"language="eng""#, "language"),
        (#"notarizedTranslation="yes""#, "notarizedTranslation"),
        (#"weeks="2.5""#, "weeks"),
        (#"title="   ""#, "title"),
        (#"hourz="16""#, "hourz"),
    ])
    func invalidValuesAreRefusedWithTheirLine(_ attribute: String, field: String) {
        let text = """
            <cpdActivities xmlns="urn:kz:cpd:activities:1">
              <activity kind="seminar" hours="8"/>
              <activity \(attribute)/>
            </cpdActivities>
            """
        guard case .invalidAgainstSchema(let problems)? = failure(text) else {
            Issue.record("expected invalidAgainstSchema for \(attribute), got \(String(describing: failure(text)))")
            return
        }
        #expect(!problems.isEmpty && problems.allSatisfy { $0.hasPrefix("line 3: ") && !$0.contains("{urn:") })
        #expect(problems.first?.contains(field) == true)
    }

    @Test func everySchemaProblemIsListed() {
        let text = """
            <cpdActivities xmlns="urn:kz:cpd:activities:1" targetCategory="top">
              <worker iin="12345"/>
              <activity kind="seminar" hours="8">text is not allowed</activity>
              <activity criterion="3" hours="-2"/>
              <note/>
            </cpdActivities>
            """
        guard case .invalidAgainstSchema(let problems)? = failure(text) else {
            Issue.record("expected invalidAgainstSchema")
            return
        }
        #expect(Set(problems.map { $0.prefix(while: { $0 != ":" }) }) == ["line 1", "line 2", "line 3", "line 4", "line 5"])
    }

    @Test(arguments: [
        "<cpdActivities/>",
        #"<cpdActivities xmlns="urn:kz:cpd:activities:2"/>"#,
        #"<cpd:cpdActivities xmlns:cpd="urn:kz:cpd:activities:1"><activity kind="seminar"/></cpd:cpdActivities>"#,
    ])
    func theNamespaceIsRequired(_ text: String) {
        guard case .invalidAgainstSchema? = failure(text) else {
            Issue.record("expected invalidAgainstSchema for \(text)")
            return
        }
    }

    /// Facts that are each valid but contradict one another, as the YAML reader refuses them.
    @Test(arguments: [
        (#"kind="seminar" criterion="4""#, "criterion is 4, but a(n) seminar is criterion 3"),
        (#"kind="article" year="2024""#, "an article needs `criterion` (8, 9 or 10), `quartile` or `recommendedJournal`"),
        (#"title="Untyped""#, "an activity needs `kind` or `criterion`"),
        (#"kind="article" criterion="9" authorPosition="4" authorCount="3""#, "authorPosition is 4, more than authorCount 3"),
        (#"kind="seminar" startDate="2025-03-05" endDate="2025-03-03""#, "endDate 2025-03-03 is before startDate 2025-03-05"),
    ])
    func contradictionsAreRefusedWithTheirLine(_ attributes: String, message: String) {
        let text = """
            <cpdActivities xmlns="urn:kz:cpd:activities:1">
              <activity kind="seminar" hours="8"/>
              <activity \(attributes)/>
            </cpdActivities>
            """
        #expect(failure(text) == .inconsistentActivities(["line 3: \(message)"]))
    }

    @Test func anArticleInARecommendedJournalIsCriterion8AndOtherwise9() throws {
        let export = try activities(Data("""
            <cpdActivities xmlns="urn:kz:cpd:activities:1">
              <activity kind="article" recommendedJournal="true"/>
              <activity kind="article" recommendedJournal="0"/>
              <activity kind="article" criterion="10"/>
            </cpdActivities>
            """.utf8))
        #expect(export.activities.map(\.evidence.criterion) == [8, 9, 10])
    }

    private struct ReadAsPublications: Error {}

    private func activities(_ data: Data) throws -> CPDActivityExport {
        guard case .activities(let export) = try XMLRecords.read(data, name: "export.xml") else { throw ReadAsPublications() }
        return export
    }
}
