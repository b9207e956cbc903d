import ArgumentParser
import CPDRules

extension Interpretation.SpeakerCredit: ExpressibleByArgument {}
extension Interpretation.ExamMaterialCounting: ExpressibleByArgument {}
extension Interpretation.CommissionAlternative: ExpressibleByArgument {}

/// The options that choose among the readings the regulation's text allows (README: "Readings
/// of the rules").
struct ReadingOptions: ParsableArguments {
    @Option(help: "Criterion 5, a speaker's credit: report-only or report-plus-days.")
    var speakerCredit: Interpretation.SpeakerCredit = Interpretation.default.speakerCredit

    @Option(help: "Criterion 20, partial blocks of 50 questions or 10 scenarios: complete-blocks or proportional.")
    var examMaterial: Interpretation.ExamMaterialCounting = Interpretation.default.examMaterialCounting

    @Option(help: "Appendix 3, three expert-commission participations in 3 years: replaces-total or replaces-all-minimums.")
    var commissionAlternative: Interpretation.CommissionAlternative = Interpretation.default.commissionAlternative

    @Option(help: "Criteria 1, 3 and 4: academic hours in one credit, when a document states credits.")
    var hoursPerCredit: Int = Interpretation.default.hoursPerCredit

    @Flag(help: "Paragraph 7: require a notarized translation of foreign-language publications too.")
    var publicationsNeedTranslation = false

    func validate() throws {
        guard (1...100).contains(hoursPerCredit) else {
            throw ValidationError("--hours-per-credit must be from 1 to 100 (got \(hoursPerCredit)).")
        }
    }

    var interpretation: Interpretation {
        Interpretation(
            speakerCredit: speakerCredit, examMaterialCounting: examMaterial,
            commissionAlternative: commissionAlternative, hoursPerCredit: hoursPerCredit,
            publicationsNeedTranslation: publicationsNeedTranslation)
    }
}
