import Confirmation
import CPDRules
import Foundation
import Intake
import PersonNames
import ProfessionalRegister
import Watch
import WorkerConfirmation
import Wording

/// What the pages show, read from the database the watch and the register share: the roster with
/// the watch's state of each worker, and one worker's documents assessed from the stored readings,
/// exactly as the watch assesses them when it writes the forms.
struct WorkspaceData: Sendable {
    let register: ProfessionalRegister
    let watch: WatchStore
    let confirmation: WorkerConfirmation
    /// Where the watch writes each worker's forms (`OUT/<IIN>/`).
    let output: URL

    /// One worker on the list.
    struct WorkerRow: Sendable, Hashable {
        let entry: RosterEntry
        let state: WatchStore.WorkerState?
        let files: Int
        let pending: Int
        let failed: Int
        let blocked: Bool

        var review: Int { state?.reviewCount ?? 0 }
        var refused: Int { state?.refusedCount ?? 0 }
        var upToDate: Bool { state.map { !$0.dirty } ?? (files == 0) }

        /// Lower first: what needs the officer most. Documents for review, then files that could
        /// not be read, a blocked record, forms not yet up to date, refusals, requirements not met.
        var urgency: Int {
            if review > 0 { return 0 }
            if failed > 0 { return 1 }
            if blocked { return 2 }
            if !upToDate || pending > 0 { return 3 }
            if refused > 0 { return 4 }
            if entry.latestAssessment?.meetsRequirements == false { return 5 }
            return 6
        }
    }

    func workers(on date: CalendarDate) throws -> [WorkerRow] {
        let states = Dictionary(uniqueKeysWithValues: try watch.workerStates().map { ($0.worker, $0) })
        let counts = try watch.fileCounts()
        return try register.roster().map { entry in
            let count = counts[entry.iin.digits] ?? (0, 0, 0)
            return WorkerRow(
                entry: entry, state: states[entry.iin.digits], files: count.files, pending: count.pending, failed: count.failed,
                blocked: entry.certificateExpiresOn.map { $0 < date } ?? false)
        }
        // The roster comes by IIN: the most urgent first, then by name, each key made once.
        .map { (row: $0, urgency: $0.urgency, name: NameOrder.key($0.entry.fullName)) }
        .sorted { first, second in
            if first.urgency != second.urgency { return first.urgency < second.urgency }
            if first.name != second.name { return first.name.lexicographicallyPrecedes(second.name) }
            return first.row.entry.iin < second.row.entry.iin
        }
        .map(\.row)
    }

    /// One worker's page.
    struct WorkerDetail: Sendable {
        let record: Worker
        let files: [WatchStore.File]
        /// The assessment of the stored readings; nil with the reason when the worker cannot be
        /// assessed (not registered for the watch, blocked, no target category).
        let assessment: FolderAssessment?
        let stop: WorkerConfirmation.Stop?
        let history: [AssessmentRecord]
        /// Chapter 3's decision for the level the register says the worker applies for.
        let level: LevelAssignment?
        /// The forms in the worker's output folder, by file name.
        let forms: [String]
    }

    /// The forms a page may link to: nothing else of the output folder is ever served.
    static let formFiles = [
        "appendix2.pdf", "appendix2.html", "refusal.pdf", "refusal.html", "level.pdf", "level.html", "assessment.json",
    ]

    func worker(_ iin: IIN) throws -> WorkerDetail? {
        guard let record = try register.worker(iin) else { return nil }
        let folder = iin.digits
        var assessment: FolderAssessment?
        var stop: WorkerConfirmation.Stop?
        do {
            let worker = try confirmation.worker(iin: folder)
            assessment = try confirmation.confirm(worker, records: try watch.records(worker: folder), writing: nil).assessment
        } catch let reason as WorkerConfirmation.Stop {
            stop = reason
        }
        let directory = output.appendingPathComponent(folder)
        let history = try register.assessments(of: iin)
        let level = record.targetLevel.map { target in
            WorkerLevel.decide(
                record, target: target, on: confirmation.clock.confirmationDate(fixed: confirmation.settings.confirmationDate), folder: assessment,
                recorded: history)
        }
        return WorkerDetail(
            record: record, files: try watch.files(worker: folder), assessment: assessment, stop: stop, history: history, level: level,
            forms: Self.formFiles.filter { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) })
    }

    /// One file of a worker: where it is, and each of its records as assessed (a record set such
    /// as a PubMed export gives several).
    struct DocumentDetail: Sendable {
        let worker: Worker
        let file: WatchStore.File
        let records: [ExtractionRecord]
        /// The assessment's decision on each record, by its position in `records`.
        let decisions: [Int: FolderAssessment.Document]
        /// The officer's corrections of this content, oldest first.
        let corrections: [KeptCorrection]
    }

    /// The worker's file of content `sha256`; nil when the worker has none.
    func document(_ iin: IIN, sha256: String) throws -> DocumentDetail? {
        guard let detail = try worker(iin), let file = detail.files.first(where: { $0.sha256 == sha256 }) else { return nil }
        let records = try watch.records(worker: iin.digits).filter { $0.sha256 == sha256 && $0.file == file.path }
        let assessed = detail.assessment?.documents ?? []
        var decisions: [Int: FolderAssessment.Document] = [:]
        for (index, record) in records.enumerated() {
            decisions[index] = assessed.first { $0.record.sha256 == sha256 && $0.record.file == file.path && $0.record.item == record.item }
        }
        let corrections = try register.corrections(of: iin).filter { $0.correction.sha256 == sha256 }
        return DocumentDetail(worker: detail.record, file: file, records: records, decisions: decisions, corrections: corrections)
    }

    /// A form of the worker's output folder, when `name` is one of `formFiles`.
    func form(_ iin: IIN, named name: String) -> Data? {
        guard Self.formFiles.contains(name) else { return nil }
        return try? Data(contentsOf: output.appendingPathComponent(iin.digits).appendingPathComponent(name))
    }
}
