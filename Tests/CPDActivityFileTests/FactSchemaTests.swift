import CPDRules
import Testing

@testable import CPDActivityFile

/// An activity file names the facts as `EvidenceFact` does, and reads every one a person types.
@Suite("Activity files and the fact schema")
struct ActivityFactSchemaTests {
    /// A value for every field, as a person would type it.
    static let samples: [ActivityField: String] = [
        .activity: "conference", .criterion: "5", .title: "Stroke care", .documentNumber: "\"0123\"", .language: "en",
        .notarizedTranslation: "true", .startDate: "2025-02-12", .endDate: "2025-02-14", .issueDate: "2025-02-16", .year: "2025",
        .hours: "16", .credits: "1", .weeks: "1", .days: "3", .reports: "1", .testQuestions: "100", .clinicalScenarios: "10",
        .significance: "republican", .role: "speaker", .publication: "monograph", .authorPosition: "1", .authorCount: "2",
        .quartile: "Q1", .recommendedJournal: "false",
    ]

    /// The fields are the facts a person types, and what decides the criterion.
    @Test func theFieldsAreTheTypedFacts() {
        let typed = Set(EvidenceFact.allCases.filter(\.isTypedByHand).map(\.rawValue))
        #expect(Set(ActivityField.allCases.map(\.rawValue)) == typed.union(["criterion", "recommendedJournal"]))
    }

    @Test func everyTypedFactIsRead() throws {
        for field in ActivityField.allCases { #expect(Self.samples[field] != nil, "no sample for \(field)") }
        let lines = ActivityField.allCases.enumerated().map { index, field in
            (index == 0 ? "  - " : "    ") + "\(field.rawValue): \(Self.samples[field] ?? "")"
        }
        let file = try ActivityFile(text: "activities:\n" + lines.joined(separator: "\n") + "\n", name: "all.yaml")
        let evidence = try #require(file.entries.first?.evidence)
        for fact in EvidenceFact.allCases where fact.isTypedByHand {
            #expect(fact.text(in: evidence) != nil, "\(fact) is not read from an activity file")
        }
    }
}
