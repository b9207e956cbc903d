/// Why a document earns nothing. The codes are the corpus vocabulary; the paragraph is the one
/// the refusal rests on (7 for a missing translation, 11 for every other non-compliance).
public enum RefusalReason: String, CaseIterable, Sendable, Codable, Comparable {
    case outsidePeriod = "outside-period"
    case needsNotarizedTranslation = "needs-notarized-translation"
    case authorPosition = "author-position"
    case holderMismatch = "holder-mismatch"
    case duplicate
    case missingVolume = "missing-volume"
    case unreadable
    case unrecognized

    public var paragraph: Int { self == .needsNotarizedTranslation ? 7 : 11 }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One reason for refusing one document, with the sentence an HR officer can put in the notice.
public struct Refusal: Sendable, Hashable, Codable {
    public let reason: RefusalReason
    public let paragraph: Int
    /// The sentence in English, citing the paragraph and the criterion's requirement.
    public let message: String
    /// The facts behind the sentence ("date", "periodStart", "position", "limit", "language",
    /// "criterion", …), so a notice in another language can say the same in its own words.
    public let details: [String: String]

    public init(_ reason: RefusalReason, _ message: String, details: [String: String] = [:]) {
        self.reason = reason
        self.paragraph = reason.paragraph
        self.message = message
        self.details = details
    }
}

/// The decision on one document.
public enum Decision: String, Sendable, Codable {
    /// It earns `creditUnits` under its criterion.
    case accepted
    /// It earns nothing, for the reasons given.
    case refused
    /// A fact the criterion depends on is missing or uncertain; a person must decide, and until
    /// then it counts toward nothing.
    case review
}

/// What the rules make of one document: the decision, the credit and how it was reached.
public struct Outcome: Sendable, Hashable {
    public let decision: Decision
    public let creditUnits: CreditUnits
    /// How the credit was computed ("16 h × 0.5 CU"), or why it is zero.
    public let calculation: String
    /// The same as terms, for an accepted document: what the catalogue words in each language.
    public var terms: Calculation? = nil
    public let refusals: [Refusal]
    /// For `review`: what a person must establish.
    public let findings: [Finding]

    public static func accepted(_ creditUnits: CreditUnits, _ calculation: Calculation) -> Outcome {
        Outcome(decision: .accepted, creditUnits: creditUnits, calculation: calculation.description, terms: calculation, refusals: [], findings: [])
    }

    public static func refused(_ refusals: [Refusal]) -> Outcome {
        Outcome(decision: .refused, creditUnits: .zero, calculation: "refused", refusals: refusals, findings: [])
    }

    /// The second copy of evidence already counted: `original` names the first.
    public static func duplicate(of original: String) -> Outcome {
        .refused([Refusal(.duplicate, "The same evidence as \(original) was submitted again; one copy counts. Paragraph 11: a result is confirmed once.", details: ["original": original])])
    }

    public static func review(_ findings: [Finding]) -> Outcome {
        Outcome(decision: .review, creditUnits: .zero, calculation: "awaiting review", refusals: [], findings: findings)
    }
}
