/// Every place where the regulation's text allows more than one reading, named once.
///
/// The defaults are the readings the toolkit applies unless told otherwise; each alternative is a
/// documented option of `cpd` (see the README, "Readings of the rules").
public struct Interpretation: Sendable, Hashable, Codable {
    /// Criterion 5 prices "1 day" and "report" side by side without saying whether a speaker
    /// earns both.
    public enum SpeakerCredit: String, CaseIterable, Sendable, Codable {
        /// A speaker earns the report price only; a participant earns the per-day price.
        case reportOnly = "report-only"
        /// A speaker earns the report price plus the per-day price for the days attended.
        case reportPlusDays = "report-plus-days"
    }

    /// Criterion 20 says "50 test questions = 1 credit unit" without saying what 75 questions are.
    public enum ExamMaterialCounting: String, CaseIterable, Sendable, Codable {
        /// Only complete blocks count: 75 questions earn 1 CU.
        case completeBlocks = "complete-blocks"
        /// Every question counts pro rata: 75 questions earn 1.5 CU.
        case proportional
    }

    /// Appendix 3 offers "at least three participations in an independent expert commission in
    /// the last three years" as an alternative in the row of the 210 CU total.
    public enum CommissionAlternative: String, CaseIterable, Sendable, Codable {
        /// It replaces the 210 CU total only; the minimums for each chapter still apply.
        case replacesTotal = "replaces-total"
        /// It replaces the whole of Appendix 3: the chapter minimums are waived too.
        case replacesAllMinimums = "replaces-all-minimums"
    }

    public var speakerCredit: SpeakerCredit
    public var examMaterialCounting: ExamMaterialCounting
    public var commissionAlternative: CommissionAlternative
    /// Criteria 1, 3 and 4 accept "the number of hours or credits"; a credit of additional
    /// education in Kazakhstan is taken as this many academic hours.
    public var hoursPerCredit: Int
    /// Paragraph 7 asks for a notarized translation of "documents issued in a foreign language".
    /// By default a published work (criteria 6 to 10) is not such a document: the evidence is
    /// the book or article itself, and indexed journals publish in English.
    public var publicationsNeedTranslation: Bool

    public init(
        speakerCredit: SpeakerCredit = .reportOnly,
        examMaterialCounting: ExamMaterialCounting = .completeBlocks,
        commissionAlternative: CommissionAlternative = .replacesTotal,
        hoursPerCredit: Int = 30,
        publicationsNeedTranslation: Bool = false
    ) {
        self.speakerCredit = speakerCredit
        self.examMaterialCounting = examMaterialCounting
        self.commissionAlternative = commissionAlternative
        self.hoursPerCredit = hoursPerCredit
        self.publicationsNeedTranslation = publicationsNeedTranslation
    }

    public static let `default` = Interpretation()
}
