import CPDRules
import FactExtraction
import JournalLists
import PersonNames

/// Turns the facts read from a document into the record `cpd extract` reports and the evidence
/// the rules decide on.
struct EvidenceBuilder {
    let options: IntakeOptions

    func record(from facts: ExtractedFacts, base: ExtractionRecord) -> ExtractionRecord {
        var record = base
        var list: [NamedFact] = []
        func add<Value>(_ name: String, _ found: Found<Value>?, _ value: (Value) -> NamedFact.Value) {
            guard let found else { return }
            list.append(NamedFact(name: name, value: value(found.value), provenance: found.provenance, confidence: found.confidence))
        }
        func add<Value>(_ fact: EvidenceFact, _ found: Found<Value>?, _ value: (Value) -> NamedFact.Value) { add(fact.rawValue, found, value) }
        add(.activity, facts.activity) { .text($0.rawValue) }
        add(.hours, facts.hours) { .number($0.description) }
        add(.credits, facts.credits) { .number($0.description) }
        add(.weeks, facts.weeks) { .number("\($0)") }
        add(.days, facts.days) { .number("\($0)") }
        add(.testQuestions, facts.testQuestions) { .number("\($0)") }
        add(.clinicalScenarios, facts.clinicalScenarios) { .number("\($0)") }
        add(.startDate, facts.startDate) { .date($0) }
        add(.endDate, facts.endDate) { .date($0) }
        add("ongoing", facts.ongoing) { .flag($0) }
        add(.issueDate, facts.issueDate) { .date($0) }
        add(.year, facts.year) { .number("\($0)") }
        add(.significance, facts.significance) { .text($0.rawValue) }
        add(.role, facts.role) { .text($0.rawValue) }
        add(.publication, facts.publicationKind) { .text($0.rawValue) }
        add("holderName", facts.holderName) { .text($0) }
        add("authors", facts.authors) { .list($0) }
        add(.documentNumber, facts.documentNumber) { .text($0) }
        add("issn", facts.issn) { .text($0) }
        add(.title, facts.title) { .text($0) }
        add(.notarizedTranslation, facts.notarizedTranslation) { .flag($0) }
        add("activityGuess", facts.activityGuess) { .text($0.rawValue) }
        add(.unreadVolume, facts.unreadVolume) { .text($0) }
        add("levelDocument", facts.levelDocument) { .text($0.rawValue) }
        add("assessmentPassed", facts.assessmentPassed) { .flag($0) }
        add("levelNamed", facts.levelNamed) { .text($0.description) }
        add("reportIssuer", facts.reportIssuer) { .text($0.rawValue) }

        record.language = facts.language?.value
        record.hasNotarizedTranslation = facts.notarizedTranslation?.value ?? false
        record.isTranslationOnly = facts.isTranslationOnly
        record.holderName = facts.holderName?.value
        record.holderNameIsUnlabelled = (facts.holderName?.confidence ?? 1) <= ExtractedFacts.unlabelledNameConfidence
        record.people = facts.people.map(\.value)
        record.activity = facts.activity?.value
        record.levelDocument = facts.levelDocument.map {
            LevelDocument(
                kind: $0.value, date: (facts.issueDate ?? facts.endDate ?? facts.startDate)?.value, passed: facts.assessmentPassed?.value,
                level: facts.levelNamed?.value.description, issuer: facts.reportIssuer?.value)
        }
        if let guess = facts.activityGuess {
            record.activityGuess = guess.value
            record.uncertainties.append(Finding(.activityGuessed, ["activity": .activity(guess.value)], provenance: .init(guess.provenance)))
        }
        if let activity = facts.activity, activity.confidence < 0.5 {
            record.uncertainties.append(Finding(.activityUncertain, ["activity": .activity(activity.value)], provenance: .init(activity.provenance)))
        }

        // Publications: the worker's place among the authors, and where the journal stands.
        var authorPosition: Int?
        if let authors = facts.authors?.value, let worker = options.worker {
            authorPosition = authors.firstIndex { worker.match(printed: $0) == .same }.map { $0 + 1 }
            if let position = authorPosition {
                list.append(NamedFact(name: EvidenceFact.authorPosition.rawValue, value: .number("\(position)"), provenance: facts.authors!.provenance, confidence: 0.85))
            } else {
                record.uncertainties.append(Finding(.workerNotAmongAuthors, ["authors": .names(authors)], provenance: .init(facts.authors!.provenance)))
            }
            list.append(NamedFact(name: EvidenceFact.authorCount.rawValue, value: .number("\(authors.count)"), provenance: facts.authors!.provenance, confidence: 0.85))
        }
        let journal = JournalPlacement(issns: facts.issn.flatMap { ISSN($0.value) }.map { [$0] } ?? [], title: nil, options: options)
        if let quartile = journal.quartile { list.append(NamedFact(name: EvidenceFact.quartile.rawValue, value: .text(quartile.rawValue), provenance: facts.issn!.provenance, confidence: 0.9)) }

        record.criterion = facts.activity.flatMap { $0.value == .article ? journal.standing.criterion : $0.value.criterion() }
        if record.activity == .article, record.criterion == nil {
            record.uncertainties.append(journal.missingListFinding)
        }
        record.needsNotarizedTranslation = NotarizedTranslation.isRequired(
            language: record.language, criterion: record.criterion.flatMap(Criterion.number), options.interpretation)
        record.facts = list

        guard let criterion = record.criterion else { return record }
        var evidence = Evidence(criterion: criterion)
        evidence.activity = record.activity
        evidence.title = facts.title?.value
        evidence.documentNumber = facts.documentNumber?.value
        evidence.language = record.language
        evidence.hasNotarizedTranslation = record.hasNotarizedTranslation
        evidence.startDate = facts.startDate?.value
        evidence.endDate = facts.endDate?.value
        evidence.issueDate = facts.issueDate?.value
        evidence.publicationYear = facts.year?.value
        evidence.hours = facts.hours?.value
        evidence.credits = facts.credits?.value
        evidence.weeks = facts.weeks?.value
        evidence.days = facts.days?.value
        evidence.testQuestions = facts.testQuestions?.value
        evidence.clinicalScenarios = facts.clinicalScenarios?.value
        evidence.unreadVolume = facts.unreadVolume?.value
        evidence.significance = facts.significance?.value
        evidence.role = facts.role?.value
        evidence.publicationKind = facts.publicationKind?.value
        evidence.authorPosition = authorPosition
        evidence.authorCount = facts.authors?.value.count
        evidence.quartile = journal.quartile
        evidence.fingerprint = Self.fingerprint(evidence, holder: record.holderName)
        record.evidence = evidence
        return record
    }

    /// The rules' fingerprint of a copy, with the holder's surname as names are compared.
    static func fingerprint(_ evidence: Evidence, holder: String?) -> String {
        evidence.copyFingerprint(holderKey: holder.map { PersonName.skeleton($0.split(separator: " ").first.map(String.init) ?? $0) } ?? "")
    }
}

/// A journal looked up on the user's lists; the criterion it gives is the rules' (`JournalStanding`).
struct JournalPlacement {
    let standing: JournalStanding
    let missingListFinding: Finding

    var quartile: Quartile? { standing.quartile }

    init(issns: [ISSN], title: String?, options: IntakeOptions) {
        standing = JournalStanding(
            quartile: options.quartiles?.entry(for: issns)?.quartile, indexedListGiven: options.quartiles != nil,
            onRecommendedList: options.recommendedJournals?.contains(issns: issns, title: title))
        missingListFinding = Finding(issns.isEmpty && title == nil ? .journalNotNamed : .journalListsMissing)
    }
}

extension Finding.Provenance {
    /// The page and line a fact was read from.
    init(_ provenance: FactExtraction.Provenance) { self.init(page: provenance.page, text: provenance.text) }
}

extension ExtractionRecord {
    /// The evidence's fingerprint made again from its facts, after a person corrected them.
    public mutating func refreshFingerprint() {
        guard let evidence else { return }
        self.evidence?.fingerprint = EvidenceBuilder.fingerprint(evidence, holder: holderName)
    }
}
