import CPDRules
import Intake

/// Where an assessed document came from: an entry typed in an activity file, or a file read by
/// the intake.
public enum DocumentOrigin: Sendable {
    case entry(line: Int)
    case file(ExtractionRecord)
}

/// The result of `cpd assess`, on an activity file or a worker's folder, in the shape its JSON
/// output promises (README, "Assessment output").
public struct AssessmentReport: Encodable, Sendable {
    public struct Worker: Encodable, Sendable {
        public let iin: String?
        public let fullName: String?

        public init(iin: String?, fullName: String?) {
            self.iin = iin
            self.fullName = fullName
        }
    }

    struct Provenance: Encodable {
        let page: Int
        let text: String
        let confidence: Double
    }

    struct Document: Encodable {
        /// 1-based position in the assessment.
        let index: Int
        /// The line an activity file's entry starts on.
        let line: Int?
        /// The evidence file, its content hash and how its text was read.
        let file: String?
        let record: Int?
        let sha256: String?
        let source: SourceKind?
        let language: String?
        let needsNotarizedTranslation: Bool?
        let title: String?
        let activity: ActivityKind?
        let criterion: Int?
        let creditUnits: CreditUnits
        let decision: Decision
        let calculation: String
        /// Reason codes, as the refusal notice groups them.
        let reasons: [RefusalReason]
        let refusals: [Refusal]
        /// For `review`: what a person must establish.
        let review: [FindingReport]
        /// The facts read from the file, and where each was read.
        let facts: [String: ExtractionReport.JSONFactValue]?
        let provenance: [String: Provenance]?
        /// What a person corrected or decided, when anything: the figures the rules used are theirs.
        let corrections: [CorrectionReport]?
    }

    /// One correction in force: a fact set (`fact`, `value`, null when the page states none) or a
    /// decision (`decision`: accepted or refused, with the reason and the officer's words).
    struct CorrectionReport: Encodable {
        let fact: EvidenceFact?
        let value: String?
        let decision: Decision?
        let reason: RefusalReason?
        let note: String?
        let by: String
        let on: CalendarDate

        init(_ correction: Correction) {
            var fact: EvidenceFact?, value: String?, decision: Decision?, reason: RefusalReason?, note: String?
            switch correction.change {
            case .fact(let name, let stated): (fact, value) = (name, stated)
            case .accepted: decision = .accepted
            case .refused(let why, let words): (decision, reason, note) = (.refused, why, words)
            }
            (self.fact, self.value, self.decision, self.reason, self.note) = (fact, value, decision, reason, note)
            (by, on) = (correction.by, correction.on)
        }

        func encode(to encoder: any Encoder) throws {
            enum Key: String, CodingKey { case fact, value, decision, reason, note, by, on }
            var container = encoder.container(keyedBy: Key.self)
            if let fact {
                try container.encode(fact.rawValue, forKey: .fact)
                try container.encode(value, forKey: .value)
            }
            try container.encodeIfPresent(decision, forKey: .decision)
            try container.encodeIfPresent(reason, forKey: .reason)
            try container.encodeIfPresent(note, forKey: .note)
            try container.encode(by, forKey: .by)
            try container.encode(on, forKey: .on)
        }
    }

    struct Requirement: Encodable {
        let measure: ThresholdCheck.Measure
        let required: CreditUnits
        let achieved: CreditUnits
        let met: Bool
        let waivedByCommission: Bool
        let shortfall: CreditUnits
    }

    struct Totals: Encodable {
        let additionalEducation: CreditUnits
        let nonFormalAndCompetences: CreditUnits
        let total: CreditUnits
    }

    let worker: Worker?
    let asOf: CalendarDate
    let targetCategory: QualificationCategory
    let interpretation: Interpretation
    let documents: [Document]
    let totals: Totals
    /// Every criterion 1 to 21, zero where nothing was accepted: the Appendix 2 results table.
    let byCriterion: [String: CreditUnits]
    let meetsCPDRequirements: Bool
    let requirements: [Requirement]
    let commissionParticipations: Int
    /// What is missing, by measure, when the requirements are not met.
    let shortfall: [String: CreditUnits]
    /// The level decision (chapter 3), when the register names the level the worker applies for.
    public var level: LevelReport?

    /// - Parameters:
    ///   - origins: where each document came from, in the order of the assessment.
    ///   - corrections: what a person corrected of each document, in the same order (none by default).
    public init(assessment: Assessment, worker: Worker?, origins: [DocumentOrigin], corrections: [[Correction]] = []) {
        self.worker = worker
        asOf = assessment.confirmationDate
        targetCategory = assessment.targetCategory
        interpretation = assessment.interpretation
        documents = zip(assessment.items, origins).enumerated().map { index, pair in
            let (item, origin) = pair
            var record: ExtractionRecord?
            var line: Int?
            switch origin {
            case .entry(let entryLine): line = entryLine
            case .file(let read): record = read
            }
            return Document(
                index: index + 1, line: line, file: record?.file, record: record?.item, sha256: record?.sha256,
                source: record?.source, language: record.map { $0.language ?? "und" }, needsNotarizedTranslation: record?.needsNotarizedTranslation,
                title: item.evidence?.title, activity: item.evidence?.activity ?? record?.activity,
                criterion: item.evidence?.criterion ?? record?.criterion, creditUnits: item.outcome.creditUnits,
                decision: item.outcome.decision, calculation: item.outcome.calculation,
                reasons: item.outcome.refusals.map(\.reason), refusals: item.outcome.refusals,
                review: item.outcome.findings.map(FindingReport.init),
                facts: record.map { Dictionary($0.facts.map { ($0.name, ExtractionReport.value($0.value)) }, uniquingKeysWith: { first, _ in first }) },
                provenance: record.map {
                    Dictionary($0.facts.map { ($0.name, Provenance(page: $0.provenance.page, text: $0.provenance.text, confidence: ($0.confidence * 100).rounded() / 100)) }, uniquingKeysWith: { first, _ in first })
                },
                corrections: corrections.indices.contains(index) && !corrections[index].isEmpty ? corrections[index].map(CorrectionReport.init) : nil)
        }
        totals = Totals(
            additionalEducation: assessment.totals.additionalEducation,
            nonFormalAndCompetences: assessment.totals.nonFormalAndCompetences, total: assessment.totals.total)
        byCriterion = Dictionary(uniqueKeysWithValues: Criterion.all.map {
            (String($0.number), assessment.byCriterion[$0.number] ?? 0)
        })
        meetsCPDRequirements = assessment.meetsCPDRequirements
        let checks = assessment.requirementsCheck?.checks ?? []
        requirements = checks.map {
            Requirement(
                measure: $0.measure, required: $0.required, achieved: $0.achieved, met: $0.isMet,
                waivedByCommission: $0.waivedByCommission, shortfall: $0.shortfall)
        }
        commissionParticipations = assessment.requirementsCheck?.commissionParticipations ?? 0
        shortfall = Dictionary(uniqueKeysWithValues: checks.filter { !$0.isMet }.map { ($0.measure.rawValue, $0.shortfall) })
    }

    /// A table of the documents, the totals and Appendix 3, for a person.
    public var text: String {
        var lines: [String] = []
        if let worker {
            lines.append("Worker: \((worker.fullName ?? "(name not given)").escapingControlCharacters)" + (worker.iin.map { " (IIN \($0.escapingControlCharacters))" } ?? ""))
        }
        lines.append("Confirmation date: \(asOf)    Target category: \(targetCategory.rawValue)")
        lines.append("")
        lines.append(table(
            ["#", documents.first?.file != nil ? "file" : "line", "criterion", "decision", "CU", "how"],
            documents.map {
                let how =
                    switch $0.decision {
                    case .accepted: $0.calculation
                    case .refused: $0.reasons.map(\.rawValue).joined(separator: ", ")
                    case .review: "needs review"
                    }
                let origin = $0.file.map { ($0.split(separator: "/").last.map(String.init) ?? $0) } ?? $0.line.map(String.init) ?? ""
                let criterion = [$0.criterion.map(String.init), $0.activity?.rawValue].compactMap { $0 }.joined(separator: " ")
                return [String($0.index), origin + ($0.record.map { " #\($0)" } ?? ""), criterion.isEmpty ? "-" : criterion,
                        $0.decision.rawValue, $0.creditUnits.description, how]
            }))
        let explained = documents.filter { !$0.refusals.isEmpty || !$0.review.isEmpty }
        if !explained.isEmpty {
            lines += ["", "Refused and for review:"]
            for document in explained {
                for refusal in document.refusals {
                    lines += wrap(refusal.message, label: "#\(document.index) \(refusal.reason.rawValue): ")
                }
                for finding in document.review {
                    lines += wrap(finding.message, label: "#\(document.index) review: ")
                }
            }
        }
        lines += [
            "",
            "Chapter 1, additional education:                  \(totals.additionalEducation) CU",
            "Chapters 2 and 3, non-formal and competences:     \(totals.nonFormalAndCompetences) CU",
            "Total:                                            \(totals.total) CU",
            "",
        ]
        if requirements.isEmpty {
            lines.append("Appendix 3 sets no CPD requirement for the category \(targetCategory.rawValue).")
        } else {
            lines.append("Appendix 3 for the \(targetCategory.rawValue) category: \(meetsCPDRequirements ? "met" : "NOT met")")
            for requirement in requirements {
                let name =
                    switch requirement.measure {
                    case .total: "total over 5 years"
                    case .additionalEducation: "additional education"
                    case .nonFormalAndCompetences: "non-formal education and additional competences"
                    }
                let status =
                    requirement.waivedByCommission
                    ? "replaced by \(commissionParticipations) independent expert commission participations"
                    : requirement.met ? "met" : "short by \(requirement.shortfall)"
                lines.append("  \(name): \(requirement.achieved) of at least \(requirement.required): \(status)")
            }
        }
        return lines.joined(separator: "\n") + "\n" + (level.map { "\n" + $0.text } ?? "")
    }
}
