import CPDRules
import Foundation
import Testing
import XMLRecords

/// The export's attributes are the facts a person types (`EvidenceFact`), the activity's being
/// called `kind`; each one is read.
@Suite("The activity export and the fact schema")
struct ExportFactSchemaTests {
    static func attributeName(_ fact: EvidenceFact) -> String { fact == .activity ? "kind" : fact.rawValue }

    /// A value for every attribute.
    static let samples: [String: String] = [
        "kind": "conference", "criterion": "5", "title": "Stroke care", "documentNumber": "0123", "language": "en",
        "notarizedTranslation": "true", "startDate": "2025-02-12", "endDate": "2025-02-14", "issueDate": "2025-02-16", "year": "2025",
        "hours": "16", "credits": "1", "weeks": "1", "days": "3", "reports": "1", "testQuestions": "100", "clinicalScenarios": "10",
        "significance": "republican", "role": "speaker", "publication": "monograph", "authorPosition": "1", "authorCount": "2",
        "quartile": "Q1", "recommendedJournal": "false",
    ]

    static let attributes: [String] = {
        let xsd = try! String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/XMLRecords/cpd-activities-1.xsd"), encoding: .utf8)
        let activity = xsd.components(separatedBy: "<xs:complexType name=\"activity\">")[1].components(separatedBy: "</xs:complexType>")[0]
        return activity.matches(of: #/<xs:attribute name="(\w+)"/#).map { String($0.output.1) }
    }()

    @Test func theSchemasAttributesAreTheTypedFacts() {
        let typed = Set(EvidenceFact.allCases.filter(\.isTypedByHand).map(Self.attributeName))
        #expect(Set(Self.attributes) == typed.union(["criterion", "recommendedJournal"]))
    }

    @Test func everyTypedFactIsRead() throws {
        for name in Self.attributes { #expect(Self.samples[name] != nil, "no sample for \(name)") }
        let values = Self.attributes.map { "\($0)=\"\(Self.samples[$0] ?? "")\"" }.joined(separator: " ")
        let xml = "<cpdActivities xmlns=\"urn:kz:cpd:activities:1\"><activity \(values)/></cpdActivities>"
        guard case .activities(let export) = try XMLRecords.read(Data(xml.utf8), name: "all.xml") else {
            Issue.record("not read as an activity export")
            return
        }
        let evidence = try #require(export.activities.first?.evidence)
        for fact in EvidenceFact.allCases where fact.isTypedByHand {
            #expect(fact.text(in: evidence) != nil, "\(fact) is not read from the export")
        }
    }
}
