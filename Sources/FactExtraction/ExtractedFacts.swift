import CPDRules

/// Everything read from one document's text. A fact that was not found is nil: never guessed.
public struct ExtractedFacts: Sendable, Hashable {
    public var activity: Found<ActivityKind>?
    /// The kind the weak phrases point to when no specific phrase decides it: for a person to
    /// confirm, never credited nor refused on.
    public var activityGuess: Found<ActivityKind>?
    /// The original's language (ISO 639-1); a translation attached after it is not the original.
    public var language: Found<String>?
    /// True when the document carries a notarized translation into Kazakh or Russian.
    public var notarizedTranslation: Found<Bool>?
    /// The language of that translation.
    public var translationLanguage: String?
    /// The document is a translation only (it opens with the translator's heading): its original
    /// is another file, or was not submitted.
    public var isTranslationOnly = false

    public var hours: Found<Hours>?
    public var credits: Found<Hours>?
    public var weeks: Found<Int>?
    public var days: Found<Int>?
    public var testQuestions: Found<Int>?
    public var clinicalScenarios: Found<Int>?
    /// A line that labels a volume with a number the reader could not understand: the document
    /// may state its volume, so a missing volume is a question for a person, not a refusal.
    public var unreadVolume: Found<String>?

    public var startDate: Found<CalendarDate>?
    public var endDate: Found<CalendarDate>?
    /// True when the period runs "to the present" («по настоящее время»).
    public var ongoing: Found<Bool>?
    public var issueDate: Found<CalendarDate>?
    public var year: Found<Int>?

    public var significance: Found<Significance>?
    public var role: Found<Role>?
    public var publicationKind: Found<PublicationKind>?

    /// The confidence of a holder's name read from a line of its own, without a label.
    public static let unlabelledNameConfidence = 0.6

    /// The person the document is issued to, as printed (possibly declined).
    public var holderName: Found<String>?
    /// Everyone the document names as taking part (commission members, working group, inventors).
    public var people: [Found<String>] = []
    /// Authors in byline order, for publications and patents.
    public var authors: Found<[String]>?
    public var documentNumber: Found<String>?
    public var issn: Found<String>?
    public var title: Found<String>?

    /// A document of chapter 3 (not CPD evidence): its kind, the assessment's result, the level
    /// it names, and who issued a work-functions report.
    public var levelDocument: Found<LevelDocumentKind>?
    public var assessmentPassed: Found<Bool>?
    public var levelNamed: Found<QualificationLevel>?
    public var reportIssuer: Found<LevelAssignment.WorkFunctionsReport.Issuer>?

    public init() {}
}
