/// The facts of `Evidence`, declared once. Each has the name it goes by in extraction records,
/// activity files, the XML export and reports, and says whether it tells one copy of a document
/// from another and whether an original and its translation must agree on it; the fingerprint
/// of a document and the pairing of translations are derived from these answers. A new fact is
/// a new case here: the compiler then asks every question below of it, and the schema tests
/// (`Tests/IntakeTests/FactSchemaTests.swift`, `Tests/CPDActivityFileTests/FactSchemaTests.swift`)
/// fail until the readers fill it.
public enum EvidenceFact: String, CaseIterable, Sendable, Codable {
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

    /// The facts a person may set from the page: every fact the rules read, but the activity (set
    /// from its own list) and those that are not stated on a page (a translation's presence, an
    /// unread volume's words, a publication's month).
    public static var correctable: [EvidenceFact] {
        allCases.filter { ![.activity, .notarizedTranslation, .unreadVolume, .publicationMonth].contains($0) }
    }

    /// A value that does not read as the fact's kind (a date as YYYY-MM-DD, an amount, a whole
    /// number, one of a closed list's codes).
    public struct BadValue: Error, Sendable, Hashable, CustomStringConvertible {
        public let fact: EvidenceFact
        public let text: String
        public var description: String { "“\(text)” is not a value of \(fact.rawValue)" }
    }

    /// Sets the fact in `evidence` from its text, as `text(in:)` writes it; nil clears it. The
    /// way a person's correction of a reading reaches the rules.
    public func set(_ text: String?, in evidence: inout Evidence) throws(BadValue) {
        func parse<Value>(_ read: (String) -> Value?) throws(BadValue) -> Value? {
            guard let text else { return nil }
            guard let value = read(text) else { throw BadValue(fact: self, text: text) }
            return value
        }
        let whole: (String) -> Int? = { Int($0).flatMap { $0 >= 0 ? $0 : nil } }
        switch self {
        case .documentNumber: evidence.documentNumber = text
        case .startDate: evidence.startDate = try parse { CalendarDate($0) }
        case .endDate: evidence.endDate = try parse { CalendarDate($0) }
        case .issueDate: evidence.issueDate = try parse { CalendarDate($0) }
        case .year: evidence.publicationYear = try parse(whole)
        case .hours: evidence.hours = try parse { Hours($0).flatMap { $0.isNegative ? nil : $0 } }
        case .credits: evidence.credits = try parse { Hours($0).flatMap { $0.isNegative ? nil : $0 } }
        case .weeks: evidence.weeks = try parse(whole)
        case .days: evidence.days = try parse(whole)
        case .testQuestions: evidence.testQuestions = try parse(whole)
        case .clinicalScenarios: evidence.clinicalScenarios = try parse(whole)
        case .title: evidence.title = text
        case .activity: evidence.activity = try parse(ActivityKind.init(rawValue:))
        case .language: evidence.language = text
        case .notarizedTranslation: evidence.hasNotarizedTranslation = try parse { ["true": true, "false": false][$0] } ?? false
        case .publicationMonth: evidence.publicationMonth = try parse { whole($0).flatMap { (1...12).contains($0) ? $0 : nil } }
        case .reports: evidence.reports = try parse(whole)
        case .unreadVolume: evidence.unreadVolume = text
        case .significance: evidence.significance = try parse(Significance.init(rawValue:))
        case .role: evidence.role = try parse(Role.init(rawValue:))
        case .publication: evidence.publicationKind = try parse(PublicationKind.init(rawValue:))
        case .authorPosition: evidence.authorPosition = try parse { whole($0).flatMap { $0 >= 1 ? $0 : nil } }
        case .authorCount: evidence.authorCount = try parse { whole($0).flatMap { $0 >= 1 ? $0 : nil } }
        case .quartile: evidence.quartile = try parse(Quartile.init(rawValue:))
        }
    }
}
