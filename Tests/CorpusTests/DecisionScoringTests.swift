import CPDRules
import Confirmation
import Foundation
import Intake
import Testing

/// Scores the whole pipeline (intake, then the folder assessment) on the corpus: decisions per
/// document, totals and Appendix 3 per worker, and never a refused document accepted.
///
/// Copies of one piece of evidence are compared as a group: one copy counts and the others are
/// refused as duplicates, but which copy counts is nothing the documents say (the truth picks
/// one at random), so a group agrees when it has one counted copy, decided as the truth decides
/// it, and the rest refused as duplicates.
@Suite("Decisions on the corpus")
struct DecisionScoringTests {
    @Test func decisionsAndTotalsAgreeWithTheTruth() async throws {
        let (corpus, records) = try await Corpus.reading.value
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: Corpus.root.appendingPathComponent("corpus/truth.json"))) as! [String: Any]
        let asOf = CalendarDate(truth["asOf"] as! String)!
        let workers = truth["workers"] as! [[String: Any]]
        var documents = 0, decisionsRight = 0, totalsRight = 0, meetsRight = 0
        var refusedButAccepted: [String] = [], misses: [String] = []
        for worker in corpus.workers {
            let entry = workers.first { $0["iin"] as? String == worker.iin }!
            let folder = FolderAssessment(
                records: records[worker.iin]!, workerIIN: worker.iin, workerName: worker.name, confirmationDate: asOf,
                targetCategory: QualificationCategory(rawValue: entry["targetCategory"] as! String)!)
            let pairs = Array(zip(worker.documents, folder.documents.map(\.item.outcome)))
            let copied = Set(pairs.map(\.0).filter { ($0.truth["reasons"] as! [String]).contains("duplicate") }.map(Self.copyKey))
            for (key, group) in Dictionary(grouping: pairs.filter { copied.contains(Self.copyKey($0.0)) }, by: { Self.copyKey($0.0) }) {
                let original = group.first { !($0.0.truth["reasons"] as! [String]).contains("duplicate") }?.0
                let counted = group.filter { !$0.1.refusals.contains { $0.reason == .duplicate } }
                documents += group.count
                if counted.count == 1, counted[0].1.decision.rawValue == original?.truth["decision"] as? String {
                    decisionsRight += group.count
                } else {
                    misses.append("copies \(key): not one counted copy and the rest duplicates")
                }
            }
            for (document, outcome) in pairs where !copied.contains(Self.copyKey(document)) {
                documents += 1
                let expectedDecision = document.truth["decision"] as! String
                let expectedReasons = Set(document.truth["reasons"] as! [String])
                let units = [document.truth["creditUnits"], document.truth["creditUnitsAlt"]].compactMap { ($0 as? NSNumber)?.doubleValue }
                let reasonsAgree = expectedReasons.isEmpty || !expectedReasons.isDisjoint(with: outcome.refusals.map(\.reason.rawValue))
                if outcome.decision.rawValue == expectedDecision, reasonsAgree, units.contains(Self.double(outcome.creditUnits)) {
                    decisionsRight += 1
                } else {
                    misses.append("\(document.file.split(separator: "/").suffix(2).joined(separator: "/")): \(outcome.decision.rawValue) \(outcome.creditUnits) \(outcome.refusals.map(\.reason.rawValue)) \(outcome.findings.map(\.code.rawValue)), truth \(expectedDecision) \(units) \(expectedReasons.sorted())")
                }
                if expectedDecision == "refused", outcome.decision == .accepted { refusedButAccepted.append(document.file) }
            }
            let expected = entry["expected"] as! [String: Any]
            let totals = folder.assessment.totals
            if Self.double(totals.total) == (expected["total"] as! NSNumber).doubleValue,
                Self.double(totals.additionalEducation) == (expected["additionalEducation"] as! NSNumber).doubleValue
            {
                totalsRight += 1
            } else {
                misses.append("worker \(worker.iin): totals \(totals.additionalEducation) + \(totals.nonFormalAndCompetences), truth \(expected["additionalEducation"]!) + \(expected["nonFormalAndCompetences"]!)")
            }
            if folder.assessment.meetsCPDRequirements == expected["meetsCPDRequirements"] as! Bool { meetsRight += 1 }
        }
        let decisionRate = Double(decisionsRight) / Double(documents)
        let totalsRate = Double(totalsRight) / Double(corpus.workers.count)
        print(String(format: "corpus decisions: %d/%d documents agree (%.1f%%); totals exact for %d/%d workers (%.0f%%); Appendix 3 agrees for %d/%d", decisionsRight, documents, decisionRate * 100, totalsRight, corpus.workers.count, totalsRate * 100, meetsRight, corpus.workers.count))
        for miss in misses { print("  miss \(miss)") }
        #expect(decisionRate >= 0.97)
        #expect(totalsRate >= 0.90)
        #expect(meetsRight == corpus.workers.count)
        #expect(refusedButAccepted.isEmpty, "refused in the truth but accepted: \(refusedButAccepted)")
    }

    /// Copies share their folder, activity and facts.
    static func copyKey(_ document: Corpus.Document) -> String {
        let facts = (try? JSONSerialization.data(withJSONObject: document.facts, options: .sortedKeys)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return "\(document.file.split(separator: "/").dropLast().last ?? "") \(document.truth["activity"]!) \(facts)"
    }

    /// Credit units as the truth's JSON numbers hold them (exact for these small decimals).
    static func double(_ units: CreditUnits) -> Double { Double(units.thousandths) / 1000 }
}
