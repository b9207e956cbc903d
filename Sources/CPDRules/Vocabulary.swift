/// The chapters of Appendix 1. Appendix 3 sets one minimum for Chapter 1 and one for Chapters 2
/// and 3 together.
public enum Chapter: Int, CaseIterable, Sendable, Codable, Comparable {
    case additionalEducation = 1
    case nonFormalEducation = 2
    case additionalCompetences = 3

    public var title: String {
        switch self {
        case .additionalEducation: "Additional education"
        case .nonFormalEducation: "Non-formal education"
        case .additionalCompetences: "Additional competences"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The kinds of evidence an HR officer receives, named as in the corpus vocabulary.
public enum ActivityKind: String, CaseIterable, Sendable, Codable {
    case advancedTraining = "advanced-training"
    case internship
    case seminar
    case onlineCourse = "online-course"
    case conference
    case monograph
    case guidelines
    case textbook
    case article
    case patent
    case ipCertificate = "ip-certificate"
    case tutoringTrainees = "tutoring-trainees"
    case tutoringNewStaff = "tutoring-new-staff"
    case implementation
    case membership
    case expertBody = "expert-body"
    case expertCoaching = "expert-coaching"
    case regulatoryAct = "regulatory-act"
    case examExpertise = "exam-expertise"
    case independentExpertCommission = "independent-expert-commission"

    /// The Appendix 1 rows this kind of activity can fall under: an article one of 8, 9 and 10.
    public var possibleCriteria: [Int] { self == .article ? [8, 9, 10] : criterion().map { [$0] } ?? [] }

    /// The Appendix 1 row, or nil for an article whose journal is not yet placed: an article is
    /// criterion 10 in an indexed journal with a quartile, 8 in a recommended journal, 9 otherwise.
    public func criterion(quartile: Quartile? = nil, inRecommendedJournal: Bool? = nil) -> Int? {
        switch self {
        case .advancedTraining: 1
        case .internship: 2
        case .seminar: 3
        case .onlineCourse: 4
        case .conference: 5
        case .monograph, .guidelines: 6
        case .textbook: 7
        case .article:
            if quartile != nil { 10 } else { inRecommendedJournal.map { $0 ? 8 : 9 } }
        case .patent: 11
        case .ipCertificate: 12
        case .tutoringTrainees: 13
        case .tutoringNewStaff: 14
        case .implementation: 15
        case .membership: 16
        case .expertBody: 17
        case .expertCoaching: 18
        case .regulatoryAct: 19
        case .examExpertise: 20
        case .independentExpertCommission: 21
        }
    }
}

/// The level of an event, organisation or title. Documents say "national" and "republican" for
/// the same thing in Kazakhstan, and "foreign" for a patent's international level.
public enum Significance: String, CaseIterable, Sendable, Codable {
    case regional
    case city
    case republican
    case international

    /// Reads the words documents use, in English: "national" is republican, "foreign" and
    /// "local" are international and regional.
    public init?(word: String) {
        switch word.lowercased() {
        case "regional", "local", "oblast": self = .regional
        case "city": self = .city
        case "republican", "national": self = .republican
        case "international", "foreign": self = .international
        default: return nil
        }
    }
}

/// The part a worker played at a conference (criterion 5).
public enum Role: String, CaseIterable, Sendable, Codable {
    case participant
    case speaker
}

/// SCImago-style journal quartile (criterion 10).
public enum Quartile: String, CaseIterable, Sendable, Codable {
    case q1 = "Q1", q2 = "Q2", q3 = "Q3", q4 = "Q4"
}

/// What a criterion-6 publication is: the row prices a monograph and guidelines differently.
public enum PublicationKind: String, CaseIterable, Sendable, Codable {
    case monograph
    case guidelines
}
