import CPDRules
import Foundation
import Intake
import OCR
import Testing

/// Scores the intake on the development corpus against its truth, by kind of source, and fails
/// below the agreed figures. The README reports the figures reached.
@Suite("Extraction accuracy on the corpus")
struct CorpusScoringTests {
    /// The fields the truth states, compared one by one: `nil` in a field the truth gives is a miss.
    static func compare(_ document: Corpus.Document, _ record: ExtractionRecord?) -> [(field: String, ok: Bool, detail: String)] {
        var results: [(String, Bool, String)] = []
        func check(_ field: String, _ actual: String?, _ expected: String?) {
            results.append((field, actual == expected, "\(field): read \(actual ?? "nothing"), truth \(expected ?? "nothing")"))
        }
        let truth = document.truth
        let facts = document.facts
        check("activity", record?.activity?.rawValue, truth["activity"] as? String)
        check("criterion", record?.criterion.map(String.init), (truth["criterion"] as? Int).map(String.init))
        check("language", record?.language, truth["language"] as? String)
        check("needsNotarizedTranslation", record.map { "\($0.needsNotarizedTranslation)" }, "\(truth["needsNotarizedTranslation"] as! Bool)")
        if let translated = facts["notarizedTranslation"] as? Bool {
            check("notarizedTranslation", record.map { "\($0.hasNotarizedTranslation)" }, "\(translated)")
        }
        func value(_ name: String) -> String? {
            guard let fact = record?.fact(name) else { return nil }
            switch fact.value {
            case .number(let text): return text
            case .date(let date): return date.description
            case .text(let text): return text
            case .flag(let flag): return "\(flag)"
            case .list(let list): return list.joined(separator: ", ")
            }
        }
        let counts = ["testQuestions", "clinicalScenarios"]
        for field in ["hours", "weeks", "days", "testQuestions", "clinicalScenarios", "startDate", "endDate", "issueDate", "year", "authorPosition"] {
            guard let expected = facts[field], !(expected is NSNull) else { continue }
            let text = (expected as? NSNumber).map { "\($0.intValue)" } ?? "\(expected)"
            // An act that states only test questions has no scenarios: absent is zero.
            if counts.contains(field), text == "0", value(field) == nil, value(counts.first { $0 != field }!) != nil { continue }
            check(field, value(field), text)
        }
        return results
    }

    struct Score {
        var documents = 0
        var documentsRight = 0
        var fields = 0
        var fieldsRight = 0
        var misses: [String] = []
        var fieldAccuracy: Double { fields == 0 ? 1 : Double(fieldsRight) / Double(fields) }
        var documentAccuracy: Double { documents == 0 ? 1 : Double(documentsRight) / Double(documents) }
    }

    @Test func scoresEachKindOfSourceAboveItsThreshold() async throws {
        let (corpus, records) = try await Corpus.reading.value
        var scores: [String: Score] = [:]
        for worker in corpus.workers {
          for (document, record) in zip(worker.documents, records[worker.iin]!) {
            let group = document.source.hasSuffix("ocr") ? "scans and photos" : document.source == "xml" ? "xml" : "text PDFs"
            let results = Self.compare(document, record)
            var score = scores[group] ?? Score()
            score.documents += 1
            score.fields += results.count
            score.fieldsRight += results.filter(\.ok).count
            if results.allSatisfy(\.ok) { score.documentsRight += 1 } else {
                score.misses.append("\(document.file.split(separator: "/").suffix(2).joined(separator: "/")): " + results.filter { !$0.ok }.map(\.detail).joined(separator: "; "))
            }
            scores[group] = score
          }
        }
        let thresholds = ["text PDFs": 0.97, "scans and photos": 0.93, "xml": 0.99]
        for (group, threshold) in thresholds.sorted(by: { $0.key < $1.key }) {
            let score = try #require(scores[group])
            print(String(format: "corpus %@: %d documents, fields %.1f%% (%d/%d), documents entirely right %.1f%%", group, score.documents, score.fieldAccuracy * 100, score.fieldsRight, score.fields, score.documentAccuracy * 100))
            for miss in score.misses { print("  miss \(miss)") }
            #expect(score.fieldAccuracy >= threshold, "\(group): field accuracy \(score.fieldAccuracy) below \(threshold)")
            #expect(score.documentAccuracy >= threshold, "\(group): document accuracy \(score.documentAccuracy) below \(threshold)")
        }
    }
}
