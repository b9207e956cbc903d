/// The facts of `Evidence`, declared once. Each has the name it goes by in extraction records,
/// activity files, the XML export and reports, and says whether it tells one copy of a document
/// from another and whether an original and its translation must agree on it; the fingerprint
/// of a document and the pairing of translations are derived from these answers. A new fact is
/// a new case here: the compiler then asks every question below of it, and the schema tests
/// (`Tests/IntakeTests/FactSchemaTests.swift`, `Tests/CPDActivityFileTests/FactSchemaTests.swift`)
/// fail until the readers fill it.
public enum EvidenceFact: String, CaseIterable, Sendable {
    // In the order of a document's fingerprint: the stored ones keep this layout.
    case documentNumber, startDate, endDate, issueDate, year
    case hours, credits, weeks, days, testQuestions, clinicalScenarios, title
    case activity, language, notarizedTranslation, publicationMonth, reports, unreadVolume
    case significance, role, publication, authorPosition, authorCount, quartile

    /// The fact's value in `evidence` as text, nil when it is not established.
    public func text(in evidence: Evidence) -> String? {
        switch self {
        case .documentNumber: evidence.documentNumber
        case .startDate: evidence.startDate?.description
        case .endDate: evidence.endDate?.description
        case .issueDate: evidence.issueDate?.description
        case .year: evidence.publicationYear.map(String.init)
        case .hours: evidence.hours?.description
        case .credits: evidence.credits?.description
        case .weeks: evidence.weeks.map(String.init)
        case .days: evidence.days.map(String.init)
        case .testQuestions: evidence.testQuestions.map(String.init)
        case .clinicalScenarios: evidence.clinicalScenarios.map(String.init)
        case .title: evidence.title
        case .activity: evidence.activity?.rawValue
        case .language: evidence.language
        case .notarizedTranslation: evidence.hasNotarizedTranslation ? "true" : nil
        case .publicationMonth: evidence.publicationMonth.map(String.init)
        case .reports: evidence.reports.map(String.init)
        case .unreadVolume: evidence.unreadVolume
        case .significance: evidence.significance?.rawValue
        case .role: evidence.role?.rawValue
        case .publication: evidence.publicationKind?.rawValue
        case .authorPosition: evidence.authorPosition.map(String.init)
        case .authorCount: evidence.authorCount.map(String.init)
        case .quartile: evidence.quartile?.rawValue
        }
    }

    /// Part of what makes two copies the same document (with the criterion and the holder): its
    /// number, dates and volumes, and its title.
    public var identifiesACopy: Bool {
        switch self {
        case .documentNumber, .startDate, .endDate, .issueDate, .year, .hours, .credits, .weeks, .days, .testQuestions,
            .clinicalScenarios, .title:
            true
        case .activity, .language, .notarizedTranslation, .publicationMonth, .reports, .unreadVolume, .significance, .role,
            .publication, .authorPosition, .authorCount, .quartile:
            false
        }
    }

    /// A date or volume a separate translation must state as its original does to be taken for
    /// that original's translation (paragraph 7).
    public var agreesWithTranslation: Bool {
        switch self {
        case .startDate, .endDate, .issueDate, .hours, .weeks, .days, .testQuestions: true
        case .documentNumber, .year, .credits, .clinicalScenarios, .title, .activity, .language, .notarizedTranslation,
            .publicationMonth, .reports, .unreadVolume, .significance, .role, .publication, .authorPosition, .authorCount, .quartile:
            false
        }
    }

    /// Stated by a person or another system (an activity file, the XML export), not only read
    /// from a document.
    public var isTypedByHand: Bool {
        switch self {
        case .publicationMonth, .unreadVolume: false
        case .documentNumber, .startDate, .endDate, .issueDate, .year, .hours, .credits, .weeks, .days, .testQuestions,
            .clinicalScenarios, .title, .activity, .language, .notarizedTranslation, .reports, .significance, .role, .publication,
            .authorPosition, .authorCount, .quartile:
            true
        }
    }
}
