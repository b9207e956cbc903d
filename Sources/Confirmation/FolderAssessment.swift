import CPDRules
import Intake
import PersonNames

/// One worker's folder assessed: every document's decision with what was read from it, the
/// totals and Appendix 3.
public struct FolderAssessment: Sendable {
    public struct Document: Sendable {
        /// The record as the rules saw it: corrections applied.
        public let record: ExtractionRecord
        public let item: Assessment.Item
        /// What a person corrected or decided about it, oldest first.
        public var corrections: [Correction] = []
    }

    /// A document of chapter 3 (an assessment's result, a work-functions report), set apart from
    /// the CPD evidence, with whether it is the worker's.
    public struct LevelEvidence: Sendable {
        public let record: ExtractionRecord
        public let document: LevelDocument
        public let holder: LevelAssignment.Holder
    }

    public let workerIIN: String?
    public let workerName: PersonName
    public let documents: [Document]
    public let assessment: Assessment
    /// Not CPD evidence, so neither credited nor refused on the CPD forms.
    public let levelDocuments: [LevelEvidence]

    /// Decides each record in order (the first copy of duplicated evidence counts: `FirstCopies`). Beyond the
    /// rules of Appendix 1, a document is refused when nothing could be read from it, when it is
    /// not any kind of CPD evidence, when it bears someone else's name, or when it repeats one
    /// already counted; it goes to review when its reading is uncertain. An officer's
    /// `corrections` (oldest first) are applied to the records before anything is decided.
    public init(
        records: [ExtractionRecord], workerIIN: String?, workerName: PersonName, confirmationDate: CalendarDate,
        targetCategory: QualificationCategory, interpretation: Interpretation = .default, corrections: [Correction] = []
    ) {
        let corrected = records.map { CorrectedRecord($0, corrections) }
        let records = corrected.map(\.record)
        self.workerIIN = workerIIN
        self.workerName = workerName
        var seenContent = FirstCopies<String>()
        var seenEvidence = FirstCopies<String>()
        var documents: [Document] = []
        var levelDocuments: [LevelEvidence] = []
        let translations = TranslationPairs(records)
        for (index, original) in records.enumerated() {
            let record = translations.withTranslation(original, at: index)
            if let document = record.levelDocument, record.errors.isEmpty {
                levelDocuments.append(LevelEvidence(record: record, document: document, holder: HolderCheck.check(record, against: workerName).holder))
                continue
            }
            let name = Self.name(of: record)
            // "file.xml #2" for the second record of a file: no words, so every form can quote it.
            let label = name + (record.item.map { " #\($0)" } ?? "")
            let officer = corrected[index]
            if record.isTranslationOnly {
                let outcome: Outcome = translations.originalName(of: index).map {
                    .accepted(0, .translation(of: $0))
                } ?? .review([Finding(.translationWithoutOriginal)])
                documents.append(Document(record: record, item: .init(evidence: record.evidence, criterion: nil, outcome: outcome), corrections: officer.corrections))
                continue
            }
            let contentKey = record.sha256 + (record.item.map { "#\($0)" } ?? "")
            let sameFacts = record.evidence?.fingerprint.flatMap { seenEvidence.original(of: $0) }
            let identified = record.evidence?.isIdentified ?? false
            var item = Self.decide(
                record, workerName: workerName, duplicateOf: seenContent.original(of: contentKey) ?? (identified ? sameFacts : nil),
                confirmationDate: confirmationDate, interpretation: interpretation, officer: officer)
            // The same few facts without a number or a date do not prove the same document: a person compares them.
            if !identified, let sameFacts, item.outcome.decision != .refused {
                let finding = Finding(.possibleDuplicate, ["original": .text(sameFacts)])
                item = .init(evidence: item.evidence, criterion: item.criterion, outcome: .review(item.outcome.findings + [finding]))
            }
            seenContent.counts(contentKey, as: label)
            if item.outcome.decision != .refused || item.outcome.refusals.allSatisfy({ $0.reason != .duplicate }),
                let fingerprint = record.evidence?.fingerprint
            {
                seenEvidence.counts(fingerprint, as: label)
            }
            documents.append(Document(record: record, item: item, corrections: officer.corrections))
        }
        self.documents = documents
        self.levelDocuments = levelDocuments
        assessment = Assessment(
            items: documents.map(\.item), confirmationDate: confirmationDate, targetCategory: targetCategory,
            interpretation: interpretation)
    }

    static func name(of record: ExtractionRecord) -> String {
        record.file.split(separator: "/").last.map(String.init) ?? record.file
    }

    static func decide(
        _ record: ExtractionRecord, workerName: PersonName, duplicateOf original: String?,
        confirmationDate: CalendarDate, interpretation: Interpretation, officer: CorrectedRecord? = nil
    ) -> Assessment.Item {
        if let refusal = officer?.refusal {
            return .init(evidence: record.evidence, criterion: record.criterion.flatMap(Criterion.number), outcome: .refused([
                Refusal(
                    refusal.reason,
                    "Refused by the HR officer \(refusal.by) on \(refusal.on): \(refusal.note). Paragraph \(refusal.reason.paragraph).",
                    details: ["officerNote": refusal.note, "officer": refusal.by, "decidedOn": refusal.on.description])
            ]))
        }
        if let original {
            return .init(evidence: record.evidence, criterion: record.criterion.flatMap(Criterion.number), outcome: .duplicate(of: original))
        }
        if let error = record.errors.first {
            return .init(evidence: nil, criterion: nil, outcome: .refused([
                Refusal(.unreadable, "The document cannot be read: \(error). Paragraph 11: its compliance with the criteria cannot be established.", details: error.details.merging(["error": "\(error)", "cause": error.cause]) { first, _ in first })
            ]))
        }
        guard let evidence = record.evidence, let criterion = Criterion.number(evidence.criterion) else {
            // An article whose journal is not placed, or a document weak phrases point somewhere:
            // the reader's doubt is not the worker's loss.
            if record.activity == .article || record.activityGuess != nil {
                return .init(evidence: nil, criterion: nil, outcome: .review(record.uncertainties))
            }
            return .init(evidence: nil, criterion: nil, outcome: .refused([
                Refusal(.unrecognized, "The document is not recognised as evidence under any criterion of Appendix 1. Paragraph 11: it does not meet the requirements of the criteria.")
            ]))
        }
        let outcome = criterion.evaluate(evidence, on: confirmationDate, interpretation: interpretation)
        var refusals = outcome.refusals
        var findings = outcome.findings
        switch HolderCheck.check(record, against: workerName) {
        case .same: break
        case .different(let printed):
            refusals.append(Refusal(.holderMismatch, "The document is issued to \(printed), not to \(workerName). Paragraph 11: only the worker's own results are confirmed.", details: ["printedName": printed, "criterion": "\(criterion.number)"]))
        case .uncertain(let finding):
            // The officer who accepted the document checked whose it is.
            if officer?.accepted != true { findings.append(finding) }
        }
        if !refusals.isEmpty { return .init(evidence: evidence, criterion: criterion, outcome: .refused(refusals.sorted { $0.reason < $1.reason })) }
        findings += record.uncertainties
        if !findings.isEmpty { return .init(evidence: evidence, criterion: criterion, outcome: .review(findings)) }
        return .init(evidence: evidence, criterion: criterion, outcome: outcome)
    }
}

/// Whether a document is the worker's: the name it is issued to, or the worker among the people
/// it names (a commission's members, a working group, the authors).
enum HolderCheck: Equatable {
    case same
    case different(printed: String)
    case uncertain(Finding)

    var holder: LevelAssignment.Holder {
        switch self {
        case .same: .worker
        case .different(let printed): .someoneElse(printed)
        case .uncertain(let note): .uncertain(note)
        }
    }

    static func check(_ record: ExtractionRecord, against worker: PersonName) -> HolderCheck {
        let names = ([record.holderName].compactMap { $0 } + record.people).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard !names.isEmpty else { return .uncertain(Finding(.holderNotFound)) }
        let matches = names.map { worker.match(printed: $0) }
        if matches.contains(.same) { return .same }
        if matches.allSatisfy({ $0 == .different }) {
            // Someone else's name refuses the document only where a label says it is the holder's.
            if record.holderNameIsUnlabelled, record.people.count <= 1 {
                return .uncertain(Finding(.holderUnlabelled, ["names": .names(names)]))
            }
            return .different(printed: record.holderName ?? names[0])
        }
        return .uncertain(Finding(.holderUncertain, ["names": .names(names)]))
    }
}

/// Originals in a foreign language and the separate files that translate them: a translation
/// whose criterion, dates and volume agree with an original's is that original's translation.
struct TranslationPairs {
    private var translationOfOriginal: [Int: Int] = [:]
    private var originalOfTranslation: [Int: Int] = [:]
    private let records: [ExtractionRecord]

    init(_ records: [ExtractionRecord]) {
        self.records = records
        let translations = records.indices.filter { records[$0].isTranslationOnly && records[$0].evidence != nil }
        for index in records.indices {
            let original = records[index]
            guard original.needsNotarizedTranslation, !original.hasNotarizedTranslation, let evidence = original.evidence else { continue }
            if let match = translations.first(where: { originalOfTranslation[$0] == nil && Self.agree(evidence, records[$0].evidence!) }) {
                translationOfOriginal[index] = match
                originalOfTranslation[match] = index
            }
        }
    }

    /// The same criterion, and every date and volume both state equal (at least one):
    /// `EvidenceFact.agreesWithTranslation`.
    static func agree(_ original: Evidence, _ translation: Evidence) -> Bool {
        guard original.criterion == translation.criterion else { return false }
        let facts = EvidenceFact.allCases.filter(\.agreesWithTranslation).map { ($0.text(in: original), $0.text(in: translation)) }
        let shared = facts.filter { $0.0 != nil && $0.1 != nil }
        return !shared.isEmpty && shared.allSatisfy { $0.0 == $0.1 }
    }

    /// The record, with its separate notarized translation noted when it has one.
    func withTranslation(_ record: ExtractionRecord, at index: Int) -> ExtractionRecord {
        guard let translation = translationOfOriginal[index].map({ records[$0] }), translation.hasNotarizedTranslation else { return record }
        var record = record
        record.hasNotarizedTranslation = true
        record.evidence?.hasNotarizedTranslation = true
        return record
    }

    func originalName(of translation: Int) -> String? {
        originalOfTranslation[translation].map { FolderAssessment.name(of: records[$0]) }
    }
}
