/// The qualification category a worker applies for (Appendix 3, row 1).
public enum QualificationCategory: String, CaseIterable, Sendable, Codable, Comparable {
    case none
    case second
    case first
    case highest

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The minimums of Appendix 3 for one category.
public struct CPDRequirements: Sendable, Hashable {
    public let category: QualificationCategory
    /// Row 2: the sum of all three chapters over 5 years.
    public let total: CreditUnits
    /// Row 3: Chapter 1, advanced training.
    public let additionalEducation: CreditUnits
    /// Row 3: Chapters 2 and 3 together.
    public let nonFormalAndCompetences: CreditUnits
    /// Row 2's alternative: participations in an independent expert commission within the last
    /// `commissionYears` years.
    public let commissionParticipations: Int
    public let commissionYears: Int
    /// Row 3's wording of the advanced-training level, for people to check by hand.
    public let advancedTrainingLevel: String

    /// Appendix 3 for `category`; nil for `.none`, which has no CPD requirement.
    public static func forCategory(_ category: QualificationCategory) -> CPDRequirements? {
        switch category {
        case .none: nil
        case .second: CPDRequirements(category: .second, total: 210, additionalEducation: 150, nonFormalAndCompetences: 60, commissionParticipations: 3, commissionYears: 3, advancedTrainingLevel: "basic or intermediate level")
        case .first: CPDRequirements(category: .first, total: 210, additionalEducation: 120, nonFormalAndCompetences: 90, commissionParticipations: 3, commissionYears: 3, advancedTrainingLevel: "intermediate or highest level")
        case .highest: CPDRequirements(category: .highest, total: 210, additionalEducation: 60, nonFormalAndCompetences: 150, commissionParticipations: 3, commissionYears: 3, advancedTrainingLevel: "highest or specialized level")
        }
    }
}

/// Credit units by chapter, as paragraph 9 adds them up.
public struct Totals: Sendable, Hashable {
    /// Chapter 1.
    public var additionalEducation: CreditUnits = 0
    /// Chapters 2 and 3.
    public var nonFormalAndCompetences: CreditUnits = 0
    public var total: CreditUnits { additionalEducation + nonFormalAndCompetences }

    public init() {}

    public mutating func add(_ units: CreditUnits, in chapter: Chapter) {
        if chapter == .additionalEducation {
            additionalEducation += units
        } else {
            nonFormalAndCompetences += units
        }
    }
}

/// One line of Appendix 3 checked against a worker's totals.
public struct ThresholdCheck: Sendable, Hashable {
    public enum Measure: String, Sendable, Codable {
        case total
        case additionalEducation
        case nonFormalAndCompetences
    }

    public let measure: Measure
    public let required: CreditUnits
    public let achieved: CreditUnits
    /// True when the independent-expert-commission alternative stands in for this minimum.
    public let waivedByCommission: Bool

    public var isMet: Bool { waivedByCommission || achieved >= required }
    /// What is still missing, zero when met.
    public var shortfall: CreditUnits { isMet ? 0 : required - achieved }
}

/// Appendix 3 applied to a worker's totals for the target category.
public struct RequirementsCheck: Sendable, Hashable {
    public let requirements: CPDRequirements
    public let checks: [ThresholdCheck]
    /// Accepted independent-expert-commission participations within the alternative's years.
    public let commissionParticipations: Int
    public let commissionAlternativeApplies: Bool

    public var isMet: Bool { checks.allSatisfy(\.isMet) }

    public init(
        requirements: CPDRequirements, totals: Totals, commissionParticipations: Int,
        interpretation: Interpretation
    ) {
        self.requirements = requirements
        self.commissionParticipations = commissionParticipations
        let alternative = commissionParticipations >= requirements.commissionParticipations
        self.commissionAlternativeApplies = alternative
        let waivesMinimums = alternative && interpretation.commissionAlternative == .replacesAllMinimums
        checks = [
            ThresholdCheck(measure: .total, required: requirements.total, achieved: totals.total, waivedByCommission: alternative),
            ThresholdCheck(measure: .additionalEducation, required: requirements.additionalEducation, achieved: totals.additionalEducation, waivedByCommission: waivesMinimums),
            ThresholdCheck(measure: .nonFormalAndCompetences, required: requirements.nonFormalAndCompetences, achieved: totals.nonFormalAndCompetences, waivedByCommission: waivesMinimums),
        ]
    }
}
