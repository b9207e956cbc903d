import CPDRules
import Foundation
import Testing

/// Walks the tables of the regulation's text and checks that the code says the same: the words
/// of every Appendix 1 row, the credit each unit clause prices, the Appendix 3 minimums, and the
/// levels of Appendices 4 and 5.
@Suite("The code agrees with the regulation text")
struct RegulationAgreementTests {
    struct Appendix1Row {
        var number: Int
        var chapter: Int
        var name: String
        var requirements: [String]
        var units: [String]
        var document: String
    }

    static func appendix1() throws -> [Appendix1Row] {
        let text = try RegulationText.load()
        let table = try #require(RegulationText.section(
            of: text, from: "Criteria for confirming the results of continuous professional development of healthcare workers",
            to: "Appendix 2"))
        var rows: [Appendix1Row] = []
        var chapter = 0
        for cells in RegulationText.tableRows(table) {
            if cells.count == 1, cells[0].hasPrefix("Chapter ") {
                chapter = Int(cells[0].dropFirst("Chapter ".count).prefix { $0.isNumber })!
            } else if cells.count >= 5, let number = Int(cells[0]), Int(cells[1]) == nil {
                rows.append(Appendix1Row(
                    number: number, chapter: chapter, name: cells[1], requirements: [cells[2]],
                    units: [cells[3]], document: cells[4]))
            } else if cells.count >= 4, cells[0].isEmpty, cells[1].isEmpty, !rows.isEmpty {
                rows[rows.count - 1].requirements.append(cells[2])
                rows[rows.count - 1].units.append(cells[3])
            }
        }
        return rows
    }

    @Test func appendix1HasTwentyOneRowsInOrder() throws {
        #expect(try Self.appendix1().map(\.number) == Array(1...21))
        #expect(Criterion.all.map(\.number) == Array(1...21))
    }

    @Test(arguments: 1...21)
    func rowWordsAgree(number: Int) throws {
        let row = try #require(try Self.appendix1().first { $0.number == number })
        let criterion = try #require(Criterion.number(number))
        #expect(criterion.chapter.rawValue == row.chapter)
        #expect(RegulationText.normalize(criterion.name) == row.name)
        #expect(RegulationText.normalize(criterion.requirement) == row.requirements.joined(separator: "; "))
        let units =
            row.units.count == 1
            ? row.units[0]
            : zip(row.requirements, row.units).map { "\($0): \($1)" }.joined(separator: "; ")
        #expect(RegulationText.normalize(criterion.unitText) == units)
        #expect(RegulationText.normalize(criterion.supportingDocument) == row.document)
    }

    /// Every "X = N credit units" clause of column 4, turned into a document with exactly X,
    /// must earn exactly N.
    @Test(arguments: 1...21)
    func everyUnitClausePricesAsTheTextSays(number: Int) throws {
        let row = try #require(try Self.appendix1().first { $0.number == number })
        let criterion = try #require(Criterion.number(number))
        let confirmation = CalendarDate("2026-11-22")!
        var clauses = 0
        for (requirement, unit) in zip(row.requirements, row.units) {
            for clause in unit.split(separator: ";") {
                let sides = clause.split(separator: "=")
                try #require(sides.count == 2, "clause \(clause)")
                let price = try #require(CreditUnits(String(sides[1].split(separator: " ")[0])))
                let evidence = Self.evidence(
                    for: criterion, unitClause: sides[0].lowercased(), requirement: requirement.lowercased(),
                    confirmation: confirmation)
                let outcome = criterion.evaluate(evidence, on: confirmation)
                #expect(outcome.decision == .accepted, "\(clause): \(outcome)")
                #expect(outcome.creditUnits == price, "criterion \(number): \(clause)")
                clauses += 1
            }
        }
        #expect(clauses >= 1)
    }

    /// A document with exactly what a unit clause names, dated well inside its window.
    static func evidence(
        for criterion: Criterion, unitClause: String, requirement: String, confirmation: CalendarDate
    ) -> Evidence {
        var evidence = Evidence(criterion: criterion.number)
        evidence.issueDate = confirmation.adding(days: -30)
        evidence.authorPosition = 1
        evidence.authorCount = 1
        let quantity = Int(unitClause.split(separator: " ").first ?? "") ?? 1
        let levels: [(String, Significance)] = [
            ("international", .international), ("foreign", .international), ("republican", .republican),
            ("national", .republican), ("regional", .regional),
        ]
        evidence.significance = levels.first { unitClause.contains($0.0) }?.1 ?? levels.first { requirement.contains($0.0) }?.1
        switch criterion.window {
        case .activeMembership: evidence.startDate = confirmation.adding(years: -2)
        case .tutoringYears:
            evidence.startDate = confirmation.adding(years: -2)
            evidence.endDate = confirmation.adding(years: -1)
        case .confirmationPeriod, .lastYear: break
        }
        if unitClause.contains("hour") { evidence.hours = Hours(quantity) }
        if unitClause.contains("week") { evidence.weeks = quantity }
        if unitClause.contains("day") { evidence.days = quantity; evidence.role = .participant }
        if unitClause.contains("report") { evidence.role = .speaker }
        if unitClause.contains("monograph") { evidence.publicationKind = .monograph }
        if unitClause.contains("guidelines") { evidence.publicationKind = .guidelines }
        if unitClause.contains("test questions") { evidence.testQuestions = quantity }
        if unitClause.contains("clinical scenarios") { evidence.clinicalScenarios = quantity }
        if let quartile = Quartile.allCases.first(where: { unitClause.contains($0.rawValue.lowercased()) }) {
            evidence.quartile = quartile
        }
        return evidence
    }

    @Test func appendix3MinimumsAgree() throws {
        let text = try RegulationText.load()
        let table = try #require(RegulationText.section(of: text, from: "Continuous professional development of healthcare workers", to: "Appendix 4"))
        let minimums = try Regex(#"(?i)at least (\d+) credit units"#)
        let numbers = table.matches(of: minimums).map { Int($0.output[1].substring!)! }
        let categories: [QualificationCategory] = [.second, .first, .highest]
        let code = categories.map { CPDRequirements.forCategory($0)! }
        #expect(numbers == code.map(\.total.thousandths).map { $0 / 1000 }
            + code.map(\.additionalEducation.thousandths).map { $0 / 1000 }
            + code.map(\.nonFormalAndCompetences.thousandths).map { $0 / 1000 })
        #expect(RegulationText.normalize(table).components(separatedBy: "at least three times in the last three years").count - 1 == 3)
        #expect(code.allSatisfy { $0.commissionParticipations == 3 && $0.commissionYears == 3 })
        #expect(CPDRequirements.forCategory(.none) == nil)
        for requirement in code {
            #expect(RegulationText.normalize(table).contains(requirement.advancedTrainingLevel))
        }
    }

    @Test func appendix3LevelColumnsMatchCategories() throws {
        let text = try RegulationText.load()
        let table = try #require(RegulationText.section(of: text, from: "Continuous professional development of healthcare workers", to: "Appendix 4"))
        let rows = RegulationText.tableRows(table)
        let levelsRow = try #require(rows.first { $0.count >= 6 && $0[1].hasPrefix("Levels of the sectoral") })
        for (column, category) in zip(levelsRow[2...5], QualificationCategory.allCases) {
            let levels = column.split(separator: ";").map { RegulationText.normalize($0) }
            #expect(levels.count == 5)
            for level in levels {
                #expect(QualificationLevel(level)?.category == category, "\(level)")
            }
        }
    }

    @Test func appendix4InitialLevelsAgree() throws {
        let text = try RegulationText.load()
        let table = try #require(RegulationText.section(of: text, from: "Initial qualification levels\n", to: "Appendix 5"))
        let rows = RegulationText.tableRows(table).filter { $0.count == 2 && !$0[0].isEmpty && $0[0] != "SQF qualification level" }
        #expect(rows.count == EducationTrack.allCases.count)
        for row in rows {
            let level = try #require(QualificationLevel(row[0]), "\(row[0])")
            #expect(level.isInitial)
            func plain(_ text: String) -> String { text.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: CharacterSet(charactersIn: ". ")) }
            #expect(plain(level.track.education) == plain(row[1]))
        }
    }

    @Test func appendix5OrdinaryLevelsAgree() throws {
        let text = try RegulationText.load()
        let table = try #require(text.range(of: "Ordinary qualification levels").map { text[$0.upperBound...] })
        let rows = RegulationText.tableRows(table).filter { $0.count == 4 && $0[3].hasPrefix("at least") }
        #expect(rows.count == 15)
        for row in rows {
            let level = try #require(QualificationLevel(row[1]), "\(row[1])")
            #expect(level.category.rawValue == row[2])
            #expect(level.minimumYearsSincePreviousLevel == Int(row[3].split(separator: " ")[2]))
        }
        #expect(QualificationLevel.all.filter { !$0.isInitial }.count == 15)
    }

    /// Appendix 5 walked row group by row group: each ordinary level follows the one before it in
    /// its education (the first follows Appendix 4's initial level), and chapter 3's decision
    /// accepts it after exactly the years the row asks since that level, not a day sooner, and
    /// refuses a skipped step.
    @Test func appendix5SequenceAndYearsDecideTheLevel() throws {
        let text = try RegulationText.load()
        let table = try #require(text.range(of: "Ordinary qualification levels").map { text[$0.upperBound...] })
        var groups: [[(level: QualificationLevel, years: Int)]] = []
        for row in RegulationText.tableRows(table) where row.count == 4 && row[3].hasPrefix("at least") {
            if !row[0].isEmpty { groups.append([]) }
            let level = try #require(QualificationLevel(row[1]))
            groups[groups.count - 1].append((level, try #require(Int(row[3].split(separator: " ")[2]))))
        }
        #expect(groups.count == 5)
        for group in groups {
            var previous = try #require(QualificationLevel(track: group[0].level.track, step: 0))
            for (level, years) in group {
                #expect(level.track == previous.track && previous.next == level)
                let obtained = confirmation.adding(years: -years)
                func decide(_ obtainedOn: CalendarDate, current: QualificationLevel = previous) -> LevelAssignment {
                    var application = LevelAssignment.Application(target: level, date: confirmation)
                    application.currentLevel = (current, .init(.register, "sqfLevel"))
                    application.currentLevelObtainedOn = (obtainedOn, .init(.register, "sqfLevelObtainedOn"))
                    application.specialty = ("Specialty", .init(.register, "specialty"))
                    application.employment = [.init(hired: date("2000-01-01"), dismissed: nil, specialty: "Specialty", source: .init(.register, "employment[1]"))]
                    application.employmentSource = .init(.register, "employment")
                    return LevelAssignment(application)
                }
                #expect(decide(obtained).condition(.sequence)?.status == .met, "\(level)")
                #expect(decide(obtained).condition(.experience)?.status == .met, "\(level)")
                #expect(decide(obtained.adding(days: 1)).condition(.experience)?.status == .notMet, "\(level)")
                if previous.step > 0 {
                    let below = QualificationLevel(track: previous.track, step: previous.step - 1)!
                    #expect(decide(obtained, current: below).condition(.sequence)?.status == .notMet, "\(level) from \(below)")
                }
                previous = level
            }
        }
    }
}
