/// What is known about one piece of evidence: the facts its criterion is decided on.
///
/// A fact that could not be established is nil, never guessed; the evaluation then says which
/// fact it needs (a review) or refuses the document when the criterion requires it.
public struct Evidence: Sendable, Hashable, Codable {
    public var criterion: Int
    public var activity: ActivityKind?
    public var title: String?
    /// The certificate's or order's registration number, when it has one.
    public var documentNumber: String?
    /// The ISO 639-1 code of the original's language; nil when it is Kazakh or Russian.
    public var language: String?
    public var hasNotarizedTranslation: Bool

    public var startDate: CalendarDate?
    public var endDate: CalendarDate?
    public var issueDate: CalendarDate?
    /// For publications known only by year.
    public var publicationYear: Int?
    /// For publications known by year and month only ("2026 Nov"): never given a day the
    /// document does not print.
    public var publicationMonth: Int?

    public var hours: Hours?
    /// Credits of additional education, used when hours are not stated.
    public var credits: Hours?
    public var weeks: Int?
    public var days: Int?
    /// Reports given at a conference (a speaker gives at least one).
    public var reports: Int?
    public var testQuestions: Int?
    public var clinicalScenarios: Int?
    /// A line that seems to state a volume the reader could not understand: without a volume the
    /// document goes to review rather than being refused for stating none.
    public var unreadVolume: String?

    public var significance: Significance?
    public var role: Role?
    public var publicationKind: PublicationKind?
    public var authorPosition: Int?
    public var authorCount: Int?
    public var quartile: Quartile?

    /// Identifies the same evidence submitted twice: a content hash, or a certificate's number.
    public var fingerprint: String?

    public init(criterion: Int) {
        self.criterion = criterion
        self.hasNotarizedTranslation = false
    }

    /// A registration number, a date, or a published title and year: enough to call a second copy
    /// with the same facts the same document.
    public var isIdentified: Bool {
        documentNumber != nil || startDate != nil || endDate != nil || issueDate != nil || publicationYear != nil && title != nil
    }

    /// For facts listed by hand or by another system: the same number under the same criterion,
    /// or the same facts to the letter, is the same document listed twice.
    public var listedFingerprint: String {
        documentNumber.map { "criterion \(criterion) number \($0)" } ?? "facts \(self)"
    }
}
