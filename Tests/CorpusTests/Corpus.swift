import CPDRules
import Foundation
import Intake
import JournalLists
import OCR
import PersonNames

/// The development corpus in `../shared/corpus`: its files, its truth and its lists.
/// Immutable once read (the truth's JSON values are never changed), so shared across tasks.
struct Corpus: @unchecked Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")

    struct Document {
        let file: String
        let source: String
        let truth: [String: Any]
        var facts: [String: Any] { truth["facts"] as? [String: Any] ?? [:] }
    }

    struct Worker {
        let iin: String
        let name: PersonName
        let documents: [Document]
    }

    let workers: [Worker]
    let quartiles: QuartileList
    let recommended: RecommendedJournals

    init() throws {
        let corpus = Self.root.appendingPathComponent("corpus")
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: corpus.appendingPathComponent("truth.json"))) as! [String: Any]
        workers = (truth["workers"] as! [[String: Any]]).map { worker in
            Worker(
                iin: worker["iin"] as! String, name: PersonName(registerName: worker["fullName"] as! String)!,
                documents: (worker["documents"] as! [[String: Any]]).map {
                    Document(file: corpus.appendingPathComponent($0["file"] as! String).path, source: $0["source"] as! String, truth: $0)
                })
        }
        quartiles = try QuartileList(csv: String(contentsOf: corpus.appendingPathComponent("journals.csv"), encoding: .utf8))
        recommended = try RecommendedJournals(csv: String(contentsOf: corpus.appendingPathComponent("recommended-journals.csv"), encoding: .utf8))
    }

    /// Every document read through the intake, with its worker's name, as `cpd extract` would:
    /// the records of each worker's documents, in the truth's order.
    func read(pool: OCRPool) async -> [String: [ExtractionRecord]] {
        var results: [String: [ExtractionRecord]] = [:]
        for worker in workers {
            let intake = Intake(options: IntakeOptions(worker: worker.name, quartiles: quartiles, recommendedJournals: recommended), ocr: pool)
            let records = await intake.read(worker.documents.map(\.file), concurrency: pool.size)
            results[worker.iin] = records.map { $0.first! }
        }
        return results
    }

    /// The corpus read once per test run, shared by the suites that score it.
    static let reading = Task { () throws -> (Corpus, [String: [ExtractionRecord]]) in
        let corpus = try Corpus()
        let pool = OCRPool(size: ProcessInfo.processInfo.activeProcessorCount)
        return (corpus, await corpus.read(pool: pool))
    }
}
