/// How a document's credit units were computed, as terms: a message catalogue words them in each
/// language (`calculation.<lang>` among the templates), and `description` is the English the
/// reports carry.
public enum Calculation: Sendable, Hashable {
    /// A volume as the rules counted it.
    public enum Volume: Sendable, Hashable {
        case hours(Hours)
        /// Credits converted to hours at the reading's rate.
        case credits(Hours, hoursPerCredit: Int, hours: Hours)
        case weeks(Int)
        /// The whole weeks from the first day to the last.
        case weeksBetween(Int, CalendarDate, CalendarDate)
        case days(Int)
        /// The days from the first to the last, both counted.
        case daysBetween(Int, CalendarDate, CalendarDate)
    }

    /// A volume times a rate; the event's significance where the rate depends on it.
    case volume(Volume, rate: CreditUnits, significance: Significance?)
    /// A speaker's reports times a rate, and the days attended where the reading adds them.
    case reports(Int, rate: CreditUnits, significance: Significance, days: Volume?, dayRate: CreditUnits?)
    case monograph
    case guidelines
    case article(Quartile)
    /// One document, at the event's level where the price depends on it.
    case document(level: Significance?)
    case tutoring(years: Int, rate: CreditUnits)
    case examMaterial(questions: Int, perQuestions: Int, scenarios: Int, perScenarios: Int, counting: Interpretation.ExamMaterialCounting)
    /// A separate notarized translation, counted with its original.
    case translation(of: String)
}

extension Calculation.Volume: CustomStringConvertible {
    public var description: String {
        switch self {
        case .hours(let hours): "\(hours) h"
        case .credits(let credits, let perCredit, let hours): "\(credits) credits × \(perCredit) h = \(hours) h"
        case .weeks(let weeks): "\(weeks) wk"
        case .weeksBetween(let weeks, let start, let end): "\(weeks) whole wk from \(start) to \(end)"
        case .days(let days): "\(days) d"
        case .daysBetween(let days, let start, let end): "\(days) d from \(start) to \(end)"
        }
    }
}

extension Calculation: CustomStringConvertible {
    public var description: String {
        switch self {
        case .volume(let volume, let rate, let significance):
            "\(volume) × \(rate) CU" + (significance.map { " (\($0.rawValue))" } ?? "")
        case .reports(let reports, let rate, let significance, let days, let dayRate):
            "\(reports) report\(reports == 1 ? "" : "s") × \(rate) CU (\(significance.rawValue))"
                + (days.flatMap { days in dayRate.map { " + \(days) × \($0) CU" } } ?? "")
        case .monograph: "1 monograph"
        case .guidelines: "1 guidelines or methodological recommendations"
        case .article(let quartile): "1 article, journal quartile \(quartile.rawValue)"
        case .document(let level):
            level.map { "1 document, \($0 == .republican ? "national (republican)" : $0.rawValue) level" } ?? "1 document"
        case .tutoring(let years, let rate): "\(years) year\(years == 1 ? "" : "s") as a tutor × \(rate) CU"
        case .examMaterial(let questions, let perQuestions, let scenarios, let perScenarios, let counting):
            "\(questions) test questions / \(perQuestions) + \(scenarios) clinical scenarios / \(perScenarios) (\(counting.rawValue))"
        case .translation(let original): "the notarized translation of \(original), which counts with it"
        }
    }
}
