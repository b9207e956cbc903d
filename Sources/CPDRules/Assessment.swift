/// The decision on every document of one worker, the totals, and Appendix 3.
public struct Assessment: Sendable {
    public struct Item: Sendable {
        public let evidence: Evidence
        public let criterion: Criterion?
        public let outcome: Outcome
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
        self.confirmationDate = confirmationDate
        self.targetCategory = targetCategory
        self.interpretation = interpretation
        var firstIndexByFingerprint: [String: Int] = [:]
        items = evidence.enumerated().map { index, evidence in
            guard let criterion = Criterion.number(evidence.criterion) else {
                return Item(evidence: evidence, criterion: nil, outcome: .refused([
                    Refusal(.unrecognized, "Criterion \(evidence.criterion) does not exist; Appendix 1 has criteria 1 to 21. Paragraph 11: the document does not meet the requirements of any criterion.")
                ]))
            }
            if let fingerprint = evidence.fingerprint {
                if let original = firstIndexByFingerprint[fingerprint] {
                    return Item(evidence: evidence, criterion: criterion, outcome: .refused([
                        Refusal(.duplicate, "The same evidence as item \(original + 1) was submitted again; one copy counts. Paragraph 11: a result is confirmed once.")
                    ]))
                }
                firstIndexByFingerprint[fingerprint] = index
            }
            return Item(
                evidence: evidence, criterion: criterion,
                outcome: criterion.evaluate(evidence, on: confirmationDate, interpretation: interpretation))
        }

        var totals = Totals()
        var byCriterion: [Int: CreditUnits] = [:]
        var commission = 0
        let window = ConfirmationWindow(confirmationDate: confirmationDate)
        for item in items where item.outcome.decision == .accepted {
            guard let criterion = item.criterion else { continue }
            totals.add(item.outcome.creditUnits, in: criterion.chapter)
            byCriterion[criterion.number, default: 0] += item.outcome.creditUnits
            if criterion.number == 21, let requirements = CPDRequirements.forCategory(targetCategory),
                let date = item.evidence.endDate ?? item.evidence.issueDate,
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
