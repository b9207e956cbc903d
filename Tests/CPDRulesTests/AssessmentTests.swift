import CPDRules
import Testing

/// A seminar or advanced-training course worth exactly `units` in its chapter.
func credit(_ units: Int, in chapter: Chapter) -> Evidence {
    chapter == .additionalEducation
        ? document(1) { $0.hours = Hours(units) }
        : document(3) { $0.hours = Hours(units * 2) }
}

@Suite("Appendix 3 and the assessment of a worker")
struct AssessmentTests {
    @Test(arguments: [
        (QualificationCategory.second, 150, 60, true), (.second, 149, 61, false), (.second, 150, 59, false),
        (.second, 300, 60, true), (.first, 120, 90, true), (.first, 119, 200, false), (.first, 200, 89, false),
        (.highest, 60, 150, true), (.highest, 59, 300, false), (.highest, 400, 149, false), (.none, 0, 0, true),
    ])
    func thresholds(category: QualificationCategory, additional: Int, nonFormal: Int, met: Bool) {
        let assessment = Assessment(
            evidence: [credit(additional, in: .additionalEducation), credit(nonFormal, in: .nonFormalEducation)],
            confirmationDate: confirmation, targetCategory: category)
        #expect(assessment.totals.additionalEducation == CreditUnits(additional))
        #expect(assessment.totals.nonFormalAndCompetences == CreditUnits(nonFormal))
        #expect(assessment.meetsCPDRequirements == met)
    }

    @Test func shortfallSaysWhatIsMissing() throws {
        let assessment = Assessment(
            evidence: [credit(100, in: .additionalEducation), credit(70, in: .nonFormalEducation)],
            confirmationDate: confirmation, targetCategory: .first)
        let check = try #require(assessment.requirementsCheck)
        #expect(check.checks.map(\.shortfall) == [40, 20, 20])
        #expect(!check.isMet)
    }

    static func commission(_ dates: String...) -> [Evidence] {
        dates.map { day in document(21) { $0.issueDate = date(day) } }
    }

    @Test func commissionAlternativeReplacesTheTotalOnlyByDefault() throws {
        let evidence = Self.commission("2024-01-10", "2025-02-11", "2026-03-12")
        let assessment = Assessment(evidence: evidence, confirmationDate: confirmation, targetCategory: .second)
        let check = try #require(assessment.requirementsCheck)
        #expect(check.commissionParticipations == 3)
        #expect(check.commissionAlternativeApplies)
        #expect(check.checks[0].isMet)  // the 210 total, replaced
        #expect(!check.checks[1].isMet)  // 150 CU of advanced training still required
        #expect(!assessment.meetsCPDRequirements)

        let waived = Assessment(
            evidence: evidence, confirmationDate: confirmation, targetCategory: .second,
            interpretation: Interpretation(commissionAlternative: .replacesAllMinimums))
        #expect(waived.meetsCPDRequirements)
    }

    @Test func commissionAlternativeCountsTheLastThreeYearsOnly() throws {
        let evidence = Self.commission("2023-11-22", "2025-02-11", "2026-03-12")
        let assessment = Assessment(
            evidence: evidence, confirmationDate: confirmation, targetCategory: .second,
            interpretation: Interpretation(commissionAlternative: .replacesAllMinimums))
        #expect(assessment.requirementsCheck?.commissionParticipations == 2)
        #expect(assessment.totals.nonFormalAndCompetences == 270)  // all three still earn their 90
        #expect(!assessment.meetsCPDRequirements)
    }

    @Test func theSecondCopyOfTheSameEvidenceIsADuplicate() {
        var first = document(3) { $0.hours = 8 }
        first.fingerprint = "certificate 1234"
        let assessment = Assessment(evidence: [first, first, document(3) { $0.hours = 8 }], confirmationDate: confirmation, targetCategory: .second)
        #expect(assessment.items.map(\.outcome.decision) == [.accepted, .refused, .accepted])
        #expect(assessment.items[1].outcome.refusals.map(\.reason) == [.duplicate])
        #expect(assessment.items[1].outcome.refusals[0].message.contains("item 1"))
        #expect(assessment.totals.nonFormalAndCompetences == 8)
    }

    @Test func anUnknownCriterionIsUnrecognized() {
        let assessment = Assessment(evidence: [Evidence(criterion: 22)], confirmationDate: confirmation, targetCategory: .first)
        #expect(assessment.items[0].outcome.refusals.map(\.reason) == [.unrecognized])
    }

    @Test func refusedAndReviewedDocumentsCountForNothing() {
        let assessment = Assessment(
            evidence: [
                document(3) { $0.hours = 8 }, document(3) { $0.hours = 8; $0.language = "en" },
                document(10), document(1) { $0.hours = 72 },
            ],
            confirmationDate: confirmation, targetCategory: .highest)
        #expect(assessment.items.map(\.outcome.decision) == [.accepted, .refused, .review, .accepted])
        #expect(assessment.totals.total == 76)
        #expect(assessment.byCriterion == [1: 72, 3: 4])
    }
}
