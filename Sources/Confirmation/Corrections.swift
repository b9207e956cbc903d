import CPDRules
import Intake

/// An officer's corrections of one record, applied before the rules decide on it.
struct CorrectedRecord {
    var record: ExtractionRecord
    /// The corrections in force, oldest first: what the outputs mark as a person's.
    let corrections: [Correction]
    /// The officer checked the reading and the holder.
    let accepted: Bool
    /// The officer refused the document.
    let refusal: (reason: RefusalReason, note: String, by: String, on: CalendarDate)?

    /// `record` with the latest correction of each fact and the latest decision among
    /// `corrections` (all of the same content, oldest first) applied.
    init(_ record: ExtractionRecord, _ corrections: [Correction]) {
        var latest: [String: Correction] = [:]
        var order: [String] = []
        for correction in corrections where correction.sha256 == record.sha256 && correction.item == record.item {
            if latest[correction.slot] == nil { order.append(correction.slot) }
            latest[correction.slot] = correction
        }
        let inForce = order.compactMap { latest[$0] }
        self.corrections = inForce
        var record = record
        let facts = inForce.compactMap { correction -> (EvidenceFact, String?)? in
            if case .fact(let fact, let value) = correction.change { return (fact, value) }
            return nil
        }
        if !facts.isEmpty {
            Self.apply(facts, to: &record)
        }
        var accepted = false
        var refusal: (RefusalReason, String, String, CalendarDate)?
        if let decision = latest["decision"] {
            switch decision.change {
            case .accepted:
                accepted = true
                record.uncertainties = []
            case .refused(let reason, let note): refusal = (reason, note, decision.by, decision.on)
            case .fact: break
            }
        }
        self.record = record
        self.accepted = accepted
        self.refusal = refusal
    }

    /// Sets each fact in the record's evidence, making the evidence from what was read when the
    /// reading had none (an activity the reader could not tell), and the criterion again when
    /// the activity changes.
    private static func apply(_ facts: [(EvidenceFact, String?)], to record: inout ExtractionRecord) {
        let activity = facts.last { $0.0 == .activity }.flatMap { $0.1 }.flatMap(ActivityKind.init(rawValue:))
        if let activity {
            record.activity = activity
            record.activityGuess = nil
            record.uncertainties.removeAll { [.activityGuessed, .activityUncertain].contains($0.code) }
            // An article's criterion comes from its journal's standing, which a person does not retype.
            if activity != .article, let criterion = activity.criterion() { record.criterion = criterion }
        }
        if record.evidence == nil, let criterion = record.criterion {
            var evidence = Evidence(criterion: criterion)
            for fact in record.facts {
                guard let name = EvidenceFact(rawValue: fact.name), let text = fact.value.text else { continue }
                try? name.set(text, in: &evidence)
            }
            record.evidence = evidence
        }
        guard var evidence = record.evidence else { return }
        if let criterion = record.criterion { evidence.criterion = criterion }
        for (fact, value) in facts {
            // A stored correction was checked when it was made; one that no longer reads is left out.
            try? fact.set(value, in: &evidence)
        }
        record.evidence = evidence
        record.refreshFingerprint()
    }
}

extension NamedFact.Value {
    /// The value as `EvidenceFact.set` reads it; nil for a list.
    var text: String? {
        switch self {
        case .text(let text), .number(let text): text
        case .date(let date): date.description
        case .flag(let flag): flag ? "true" : "false"
        case .list: nil
        }
    }
}
