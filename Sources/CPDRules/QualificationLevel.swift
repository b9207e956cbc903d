/// The education a level of the sectoral qualifications framework (SQF) rests on: one row group
/// of Appendix 5, and one initial level of Appendix 4.
public enum EducationTrack: String, CaseIterable, Sendable, Codable {
    case technicalVocational = "technical-vocational"
    case postSecondary = "post-secondary"
    case higher
    /// Basic medical education (internship): the levels marked (I).
    case internship
    /// Postgraduate education (residency): the levels marked (R).
    case residency
    case doctoral

    /// Appendix 4's wording of the education that gives the initial level.
    public var education: String {
        switch self {
        case .technicalVocational: "technical and vocational education"
        case .postSecondary: "post-secondary education (applied bachelor's degree)"
        case .higher: "higher education (academic bachelor's degree)"
        case .internship: "Postgraduate education (master's degree based on a completed bachelor's programme) and/or practical work experience; or higher basic medical education (internship) and/or continuing integrated medical education"
        case .residency: "postgraduate education (residency) certification course (for specialisation)"
        case .doctoral: "PhD doctoral studies, PhD degree, (Candidate of Medical Sciences, Doctor of Medical Sciences) or higher medical education and managerial experience in the sector"
        }
    }

    /// The highest step above the initial level (Appendix 5 has three; level 8 has none).
    var highestStep: Int { self == .doctoral ? 0 : 3 }
}

/// A level of the SQF of the sphere "Healthcare" (Appendices 4 and 5): an education track and a
/// step above its initial level. "6.2" is step 2 of higher education; "7.1 (R)" is step 0 of
/// residency.
public struct QualificationLevel: Hashable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    public let track: EducationTrack
    public let step: Int

    public init?(track: EducationTrack, step: Int) {
        guard (0...track.highestStep).contains(step) else { return nil }
        self.track = track
        self.step = step
    }

    /// Parses the regulation's notation: "4.0", "6.3", "7.0 (I)", "7.2(R)", "8".
    public init?(_ text: String) {
        let compact = text.filter { !$0.isWhitespace }.uppercased()
        let marker: EducationTrack? =
            compact.hasSuffix("(I)") ? .internship : compact.hasSuffix("(R)") ? .residency : nil
        let number = marker == nil ? compact : String(compact.dropLast(3))
        if number == "8" && marker == nil {
            self.init(track: .doctoral, step: 0)
            return
        }
        let parts = number.split(separator: ".")
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        switch (major, marker) {
        case (4, nil): self.init(track: .technicalVocational, step: minor)
        case (5, nil): self.init(track: .postSecondary, step: minor)
        case (6, nil): self.init(track: .higher, step: minor)
        case (7, .internship?): self.init(track: .internship, step: minor)
        case (7, .residency?): self.init(track: .residency, step: minor - 1)
        default: return nil
        }
    }

    /// The regulation's notation.
    public var description: String {
        switch track {
        case .technicalVocational: "4.\(step)"
        case .postSecondary: "5.\(step)"
        case .higher: "6.\(step)"
        case .internship: "7.\(step) (I)"
        case .residency: "7.\(step + 1) (R)"
        case .doctoral: "8"
        }
    }

    /// All levels, track by track in the order of Appendix 5.
    public static let all: [QualificationLevel] = EducationTrack.allCases.flatMap { track in
        (0...track.highestStep).map { QualificationLevel(track: track, step: $0)! }
    }

    /// True for the levels Appendix 4 assigns on graduation.
    public var isInitial: Bool { step == 0 }

    /// The category Appendix 3 (row 1) and Appendix 5 pair with this level.
    public var category: QualificationCategory {
        switch step {
        case 1: .second
        case 2: .first
        case 3: .highest
        default: .none
        }
    }

    /// Appendix 5: continuous work experience in the specialty required since the previous
    /// level was obtained, in years; nil for an initial level.
    public var minimumYearsSincePreviousLevel: Int? {
        switch step {
        case 1: 5
        case 2: 4
        case 3: 3
        default: nil
        }
    }

    /// Paragraph 19: the one level that may follow this one, or nil at the top of its track.
    public var next: QualificationLevel? { QualificationLevel(track: track, step: step + 1) }

    /// Whether `requested` may be assigned to a worker who obtained this level on `obtained`,
    /// judged on `date`, with the work experience counted from `obtained`.
    public func decision(
        forRequested requested: QualificationLevel, obtainedOn obtained: CalendarDate, on date: CalendarDate
    ) -> LevelDecision {
        guard let next else { return .noHigherLevel }
        guard requested == next else { return .notTheNextLevel(expected: next) }
        let required = requested.minimumYearsSincePreviousLevel ?? 0
        let completed = obtained.wholeYears(until: date)
        guard completed >= required else {
            return .insufficientExperience(requiredYears: required, completedYears: completed, eligibleFrom: obtained.adding(years: required))
        }
        return .allowed
    }
}

/// Whether a requested next level may be assigned (paragraph 19 and Appendix 5).
public enum LevelDecision: Hashable, Sendable {
    case allowed
    /// The sequence of levels must be kept: only `expected` may follow.
    case notTheNextLevel(expected: QualificationLevel)
    case insufficientExperience(requiredYears: Int, completedYears: Int, eligibleFrom: CalendarDate)
    /// The current level is the top of its track.
    case noHigherLevel
}

extension QualificationLevel: Codable {
    /// Written in the regulation's notation, `"6.2"`, `"7.1 (R)"`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let level = QualificationLevel(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a qualification level: \(text)"))
        }
        self = level
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
