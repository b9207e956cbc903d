/// The decision on every document of one worker, the totals, and Appendix 3.
public struct Assessment: Sendable {
    public struct Item: Sendable {
        /// Nil for a document nothing could be read from.
        public let evidence: Evidence?
        public let criterion: Criterion?
        public let outcome: Outcome

        public init(evidence: Evidence?, criterion: Criterion?, outcome: Outcome) {
            self.evidence = evidence
            self.criterion = criterion
            self.outcome = outcome
        }
    }

    public let confirmationDate: CalendarDate
    public let targetCategory: QualificationCategory
    public let interpretation: Interpretation
    public let items: [Item]
    public let totals: Totals
    /// Accepted credit units per criterion number, for the Appendix 2 results table.
    public let byCriterion: [Int: CreditUnits]
    /// Nil when the target category has no CPD requirement.
    public let requirementsCheck: RequirementsCheck?

    /// Evaluates every document. A document whose fingerprint an earlier one already has is a
    /// duplicate: the first copy counts and the others are refused.
    public init(
        evidence: [Evidence], confirmationDate: CalendarDate, targetCategory: QualificationCategory,
        interpretation: Interpretation = .default
    ) {
        var firstCopies = FirstCopies<Int>()
        let items = evidence.enumerated().map { index, evidence in
            guard let criterion = Criterion.number(evidence.criterion) else {
                return Item(evidence: evidence, criterion: nil, outcome: .refused([
                    Refusal(.unrecognized, "Criterion \(evidence.criterion) does not exist; Appendix 1 has criteria 1 to 21. Paragraph 11: the document does not meet the requirements of any criterion.")
                ]))
            }
            if let fingerprint = evidence.fingerprint {
                if let original = firstCopies.original(of: fingerprint) {
                    return Item(evidence: evidence, criterion: criterion, outcome: .duplicate(of: "item \(original + 1)"))
                }
                firstCopies.counts(fingerprint, as: index)
            }
            return Item(
                evidence: evidence, criterion: criterion,
                outcome: criterion.evaluate(evidence, on: confirmationDate, interpretation: interpretation))
        }
        self.init(items: items, confirmationDate: confirmationDate, targetCategory: targetCategory, interpretation: interpretation)
    }

    /// Adds up documents already decided (by `evaluate` and by checks the rules cannot make
    /// alone, such as whose name a certificate bears) and applies Appendix 3.
    public init(
        items: [Item], confirmationDate: CalendarDate, targetCategory: QualificationCategory,
        interpretation: Interpretation = .default
    ) {
        self.confirmationDate = confirmationDate
        self.targetCategory = targetCategory
        self.interpretation = interpretation
        self.items = items
        var totals = Totals()
        var byCriterion: [Int: CreditUnits] = [:]
        var commission = 0
        let window = ConfirmationWindow(confirmationDate: confirmationDate)
        for item in items where item.outcome.decision == .accepted {
            guard let criterion = item.criterion else { continue }
            totals.add(item.outcome.creditUnits, in: criterion.chapter)
            byCriterion[criterion.number, default: 0] += item.outcome.creditUnits
            if criterion.number == 21, let requirements = CPDRequirements.forCategory(targetCategory),
                let date = item.evidence?.endDate ?? item.evidence?.issueDate,
                window.contains(date, lastYears: requirements.commissionYears)
            {
                commission += 1
            }
        }
        self.totals = totals
        self.byCriterion = byCriterion
        requirementsCheck = CPDRequirements.forCategory(targetCategory).map {
            RequirementsCheck(requirements: $0, totals: totals, commissionParticipations: commission, interpretation: interpretation)
        }
    }

    /// Appendix 3 for the target category; true when the category asks nothing.
    public var meetsCPDRequirements: Bool { requirementsCheck?.isMet ?? true }
}
