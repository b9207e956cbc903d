import CPDRules

/// The law as `cpd rules` prints it: Appendix 1, Appendix 3, the SQF levels and the readings.
public struct RulesReport: Encodable, Sendable {
    struct CriterionRow: Encodable {
        let number: Int
        let chapter: Int
        let chapterTitle: String
        let name: String
        let requirement: String
        let unit: String
        let supportingDocument: String
        let window: String
    }

    struct CategoryRow: Encodable {
        let category: QualificationCategory
        let levels: [QualificationLevel]
        let total: CreditUnits
        let additionalEducation: CreditUnits
        let advancedTrainingLevel: String
        let nonFormalAndCompetences: CreditUnits
        let commissionAlternative: String
    }

    struct LevelRow: Encodable {
        let level: QualificationLevel
        let education: String
        let initial: Bool
        let category: QualificationCategory
        let minimumYearsSincePreviousLevel: Int?
        let next: QualificationLevel?
    }

    let regulation = "Order of the Minister of Health of the Republic of Kazakhstan ҚР ДСМ-283/2020"
    let criteria: [CriterionRow]
    let appendix3: [CategoryRow]
    let levels: [LevelRow]
    let readings: Interpretation

    public init(interpretation: Interpretation) {
        criteria = Criterion.all.map {
            CriterionRow(
                number: $0.number, chapter: $0.chapter.rawValue, chapterTitle: $0.chapter.title, name: $0.name,
                requirement: $0.requirement, unit: $0.unitText, supportingDocument: $0.supportingDocument,
                window: Self.describe($0.window))
        }
        appendix3 = QualificationCategory.allCases.compactMap { category in
            CPDRequirements.forCategory(category).map {
                CategoryRow(
                    category: category, levels: QualificationLevel.all.filter { $0.category == category },
                    total: $0.total, additionalEducation: $0.additionalEducation,
                    advancedTrainingLevel: $0.advancedTrainingLevel, nonFormalAndCompetences: $0.nonFormalAndCompetences,
                    commissionAlternative: "at least \($0.commissionParticipations) participations in an independent expert commission in the last \($0.commissionYears) years")
            }
        }
        levels = QualificationLevel.all.map {
            LevelRow(
                level: $0, education: $0.track.education, initial: $0.isInitial, category: $0.category,
                minimumYearsSincePreviousLevel: $0.minimumYearsSincePreviousLevel, next: $0.next)
        }
        readings = interpretation
    }

    static func describe(_ window: WindowRule) -> String {
        switch window {
        case .confirmationPeriod: "dated within the last 5 years"
        case .lastYear: "dated within the last year"
        case .activeMembership(let years): "active at the confirmation date, for at least \(years) year"
        case .tutoringYears: "each year of tutoring that begins within the last 5 years"
        }
    }

    /// The same content for a person: one block per criterion, then the tables.
    public var text: String {
        var lines = ["Appendix 1. Criteria for confirming the results of CPD (\(regulation))"]
        var chapter = 0
        for row in criteria {
            if row.chapter != chapter {
                chapter = row.chapter
                lines += ["", "Chapter \(row.chapter). \(row.chapterTitle)"]
            }
            lines.append("")
            lines += wrap(row.name, label: "\(row.number). ")
            lines += wrap(row.requirement, indent: 6, label: "Requirement: ")
            lines += wrap(row.unit, indent: 6, label: "Unit:        ")
            lines += wrap(row.window, indent: 6, label: "Window:      ")
            lines += wrap(row.supportingDocument, indent: 6, label: "Document:    ")
        }
        lines += ["", "Appendix 3. Minimums over 5 years by target category", ""]
        lines.append(table(
            ["category", "levels", "total", "additional education", "non-formal + competences"],
            appendix3.map {
                [$0.category.rawValue, $0.levels.map(\.description).joined(separator: ", "), "≥ \($0.total)",
                 "≥ \($0.additionalEducation)", "≥ \($0.nonFormalAndCompetences)"]
            }))
        if let first = appendix3.first { lines += ["", "Instead of the 210 CU total: \(first.commissionAlternative)."] }
        lines += ["", "Appendices 4 and 5. Levels of the sectoral qualifications framework", ""]
        lines.append(table(
            ["level", "category", "years since previous level", "next"],
            levels.map {
                [$0.level.description, $0.initial ? "initial" : $0.category.rawValue,
                 $0.minimumYearsSincePreviousLevel.map { "≥ \($0)" } ?? "-", $0.next?.description ?? "-"]
            }))
        lines += [
            "", "Readings applied where the text allows more than one (see README):",
            "  speaker credit (criterion 5):        \(readings.speakerCredit.rawValue)",
            "  exam material (criterion 20):        \(readings.examMaterialCounting.rawValue)",
            "  commission alternative (Appendix 3): \(readings.commissionAlternative.rawValue)",
            "  hours per credit (criteria 1, 3, 4): \(readings.hoursPerCredit)",
            "  publications need translation:       \(readings.publicationsNeedTranslation)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
