extension Criterion {
    /// Decides one document under this criterion on the confirmation date.
    ///
    /// Every reason that applies is reported, so a refusal notice names all of them; a document
    /// with a refusal is refused even where other facts are missing.
    public func evaluate(
        _ evidence: Evidence, on confirmationDate: CalendarDate,
        interpretation: Interpretation = .default
    ) -> Outcome {
        var evaluation = Evaluation(
            criterion: self, evidence: evidence,
            window: ConfirmationWindow(confirmationDate: confirmationDate),
            interpretation: interpretation)
        return evaluation.run()
    }
}

/// The working state of one evaluation: the refusals and the findings for review so far.
private struct Evaluation {
    let criterion: Criterion
    let evidence: Evidence
    let window: ConfirmationWindow
    let interpretation: Interpretation
    var refusals: [Refusal] = []
    var findings: [Finding] = []

    mutating func run() -> Outcome {
        checkLanguage()
        let tutoringYears = checkDates()
        checkAuthorPosition()
        let credit = price(tutoringYears: tutoringYears)
        if !refusals.isEmpty { return .refused(refusals) }
        if !findings.isEmpty { return .review(findings) }
        guard let credit else { return .review([Finding(.creditNotComputed)]) }
        return .accepted(credit.units, credit.calculation)
    }

    // MARK: Requirements

    /// Refuses for a missing volume only when the document shows none: a line that seems to state
    /// one the reader could not understand is a question for a person.
    mutating func refuseMissingVolume(_ finding: String, _ volume: VolumeKind) {
        if let line = evidence.unreadVolume {
            findings.append(Finding(.unreadVolume, ["volume": .volume(volume), "line": .text(line)], provenance: .init(page: nil, text: line)))
        } else {
            refuse(.missingVolume, finding, ["volume": volume.rawValue])
        }
    }

    mutating func refuse(_ reason: RefusalReason, _ finding: String, _ details: [String: String] = [:]) {
        let basis =
            reason == .needsNotarizedTranslation
            ? "Paragraph 7: documents issued in a foreign language are accepted with a notarized translation into Kazakh or Russian"
            : "Paragraph 11: the document does not meet the requirement of criterion \(criterion.number) (\(criterion.requirement); \(criterion.unitText))"
        refusals.append(Refusal(reason, "\(finding). \(basis).", details: details.merging(["criterion": "\(criterion.number)"]) { first, _ in first }))
    }

    /// The period a date was measured against, for findings that state it in their own words.
    func periodValues(_ years: Int, _ details: [String: FindingValue]) -> [String: FindingValue] {
        details.merging(["periodStart": .date(window.start(ofLast: years)), "periodEnd": .date(window.confirmationDate)]) { first, _ in first }
    }

    /// The period a date was measured against, for notices that state it in their own words.
    func periodDetails(_ years: Int, _ details: [String: String]) -> [String: String] {
        details.merging(["periodStart": "\(window.start(ofLast: years))", "periodEnd": "\(window.confirmationDate)", "years": "\(years)"]) { first, _ in first }
    }

    mutating func checkLanguage() {
        guard NotarizedTranslation.isRequired(language: evidence.language, criterion: criterion, interpretation),
            !evidence.hasNotarizedTranslation
        else { return }
        refuse(.needsNotarizedTranslation, "The document is in a language other than Kazakh or Russian (\(evidence.language ?? "unknown")) and has no notarized translation", ["language": evidence.language ?? "unknown"])
    }

    /// Checks the criterion's window; for tutoring, returns the number of years that count.
    mutating func checkDates() -> Int? {
        if let start = evidence.startDate, let end = evidence.endDate, start > end {
            findings.append(Finding(.startAfterEnd, ["start": .date(start), "end": .date(end)]))
            return nil
        }
        switch criterion.window {
        case .confirmationPeriod: checkCompletion(lastYears: 5)
        case .lastYear: checkCompletion(lastYears: 1)
        case .activeMembership(let minimumYears): checkMembership(minimumYears: minimumYears)
        case .tutoringYears: return countTutoringYears()
        }
        return nil
    }

    /// An activity counts by the day it was completed (its end date), else by the day its
    /// document was issued; a publication known only by its year counts when the whole year is
    /// inside the period, and goes to review when the period starts within that year.
    mutating func checkCompletion(lastYears years: Int) {
        let period = window.describe(lastYears: years)
        if let date = evidence.endDate ?? evidence.issueDate ?? evidence.startDate {
            if !window.contains(date, lastYears: years) {
                refuse(.outsidePeriod, "The document is dated \(date), outside the period \(period)", periodDetails(years, ["date": "\(date)"]))
            }
        } else if let year = evidence.publicationYear, let month = evidence.publicationMonth,
            let first = CalendarDate(year: year, month: month, day: 1),
            let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        {
            // A month is a span of days: inside, outside, or across an edge of the period.
            let start = window.start(ofLast: years)
            let published = "\(year)-\(month < 10 ? "0" : "")\(month)"
            if last < start || first > window.confirmationDate {
                refuse(.outsidePeriod, "The work was published in \(published), outside the period \(period)", periodDetails(years, ["month": published]))
            } else if first < start || last > window.confirmationDate {
                findings.append(Finding(.publishedInEdgeMonth, periodValues(years, ["month": .month(year: year, month: month)])))
            }
        } else if let year = evidence.publicationYear {
            let start = window.start(ofLast: years)
            if year < start.year || year > window.confirmationDate.year {
                refuse(.outsidePeriod, "The work was published in \(year), outside the period \(period)", periodDetails(years, ["year": "\(year)"]))
            } else if year == start.year && !(start.month == 1 && start.day == 1) {
                findings.append(Finding(.publishedInStartYear, periodValues(years, ["year": .number(year)])))
            }
        } else {
            findings.append(Finding(.noDate, periodValues(years, [:])))
        }
    }

    mutating func checkMembership(minimumYears: Int) {
        guard let start = evidence.startDate ?? evidence.issueDate else {
            findings.append(Finding(.membershipStartUnknown))
            return
        }
        let confirmation = window.confirmationDate
        if let end = evidence.endDate, end < confirmation {
            refuse(.outsidePeriod, "The membership ended on \(end), before the confirmation date \(confirmation)", ["membershipEnd": "\(end)", "confirmationDate": "\(confirmation)"])
        } else if start > confirmation || start.wholeYears(until: confirmation) < minimumYears {
            refuse(.outsidePeriod, "The membership began on \(start): less than \(minimumYears) year of active membership at the confirmation date \(confirmation)", ["membershipStart": "\(start)", "confirmationDate": "\(confirmation)", "minimumYears": "\(minimumYears)"])
        }
    }

    /// An appointment counts one year for each whole year it lasted (its end date included), and
    /// at least one: a year in progress counts, and an order with no end date proves one year.
    /// Each of those years counts when it begins inside the 5-year period.
    mutating func countTutoringYears() -> Int? {
        guard let start = evidence.startDate ?? evidence.issueDate else {
            findings.append(Finding(.tutoringStartUnknown))
            return nil
        }
        let lasted = evidence.endDate.map { start.wholeYears(until: $0.adding(days: 1)) } ?? 1
        let years = (0..<max(1, lasted)).filter { window.contains(start.adding(years: $0)) }.count
        if years == 0 {
            refuse(.outsidePeriod, "No year of the tutoring that began on \(start) starts within the period \(window.describe())", periodDetails(5, ["tutoringStart": "\(start)"]))
        }
        return years
    }

    mutating func checkAuthorPosition() {
        guard let limit = criterion.authorPositionLimit else { return }
        let position = evidence.authorCount == 1 ? 1 : evidence.authorPosition
        guard let position else {
            findings.append(Finding(.authorPositionUnknown))
            return
        }
        guard position > limit else { return }
        let of = evidence.authorCount.map { " of \($0)" } ?? ""
        let allowed = limit == 1 ? "the first or sole author" : "the first \(limit) authors"
        refuse(.authorPosition, "The worker is author \(position)\(of); the criterion credits \(allowed) only", ["position": "\(position)", "limit": "\(limit)"].merging(evidence.authorCount.map { ["count": "\($0)"] } ?? [:]) { first, _ in first })
    }

    // MARK: Price

    mutating func price(tutoringYears: Int?) -> (units: CreditUnits, calculation: Calculation)? {
        switch criterion.unitRule {
        case .perHour(let rate):
            guard let hours = statedHours() else { return nil }
            return (hours.hours.creditUnits(at: rate), .volume(hours.volume, rate: rate, significance: nil))
        case .perWeek(let rates):
            guard let significance = requireSignificance(), let rate = rates.rate(for: significance),
                let weeks = statedWeeks()
            else { return nil }
            return (rate.times(weeks.count), .volume(weeks.volume, rate: rate, significance: significance))
        case .conference(let perDay, let perReport):
            return priceConference(perDay: perDay, perReport: perReport)
        case .publication(let monograph, let guidelines):
            let kind = evidence.publicationKind ?? (evidence.activity == .guidelines ? .guidelines : evidence.activity == .monograph ? .monograph : nil)
            switch kind {
            case .monograph: return (monograph, .monograph)
            case .guidelines: return (guidelines, .guidelines)
            case nil:
                findings.append(Finding(.publicationKindUnknown))
                return nil
            }
        case .byQuartile(let prices):
            guard let quartile = evidence.quartile else {
                findings.append(Finding(.quartileUnknown))
                return nil
            }
            return (prices[quartile]!, .article(quartile))
        case .perItemByLevel(let rates):
            guard let significance = requireSignificance() else { return nil }
            guard let rate = rates.rate(for: significance) else {
                findings.append(Finding(.noCreditAtLevel, ["significance": .significance(significance), "criterion": .number(criterion.number)]))
                return nil
            }
            return (rate, .document(level: significance))
        case .perYearOfTutoring(let rate):
            guard let years = tutoringYears else { return nil }
            return (rate.times(years), .tutoring(years: years, rate: rate))
        case .examMaterial(let questionsPerUnit, let scenariosPerUnit):
            return priceExamMaterial(questionsPerUnit: questionsPerUnit, scenariosPerUnit: scenariosPerUnit)
        case .perDocument(let price):
            return (price, .document(level: nil))
        }
    }

    mutating func requireSignificance() -> Significance? {
        if let significance = evidence.significance { return significance }
        findings.append(Finding(.significanceUnknown))
        return nil
    }

    /// Hours as stated, or credits converted at the reading's rate.
    mutating func statedHours() -> (hours: Hours, volume: Calculation.Volume)? {
        if let hours = evidence.hours, let credits = evidence.credits,
            hours != Hours(thousandths: credits.thousandths * interpretation.hoursPerCredit)
        {
            findings.append(Finding(.creditsAndHoursDisagree, ["credits": .amount(credits), "hours": .amount(hours), "hoursPerCredit": .number(interpretation.hoursPerCredit)]))
            return nil
        }
        if let hours = evidence.hours { return (hours, .hours(hours)) }
        if let credits = evidence.credits {
            let hours = Hours(thousandths: credits.thousandths * interpretation.hoursPerCredit)
            return (hours, .credits(credits, hoursPerCredit: interpretation.hoursPerCredit, hours: hours))
        }
        refuseMissingVolume("The document states neither hours nor credits", .hours)
        return nil
    }

    /// Weeks as stated, or the whole weeks between the first and last day.
    mutating func statedWeeks() -> (count: Int, volume: Calculation.Volume)? {
        if let weeks = evidence.weeks { return (weeks, .weeks(weeks)) }
        if let start = evidence.startDate, let end = evidence.endDate, start.inclusiveDays(through: end) >= 7 {
            let weeks = start.inclusiveDays(through: end) / 7
            return (weeks, .weeksBetween(weeks, start, end))
        }
        refuseMissingVolume("The document states no number of weeks nor the dates of a whole week", .weeks)
        return nil
    }

    /// Days as stated, or the days from the first to the last, both counted.
    func statedDays() -> (count: Int, volume: Calculation.Volume)? {
        if let days = evidence.days { return (days, .days(days)) }
        if let start = evidence.startDate {
            let days = EventDays.count(from: start, through: evidence.endDate)
            return (days, .daysBetween(days, start, evidence.endDate ?? start))
        }
        return nil
    }

    mutating func priceConference(perDay: LevelRates, perReport: LevelRates) -> (units: CreditUnits, calculation: Calculation)? {
        guard let significance = requireSignificance(), let dayRate = perDay.rate(for: significance),
            let reportRate = perReport.rate(for: significance)
        else { return nil }
        let days = statedDays()
        if evidence.role == .speaker {
            let reports = max(1, evidence.reports ?? 1)
            guard interpretation.speakerCredit == .reportPlusDays, let days else {
                return (reportRate.times(reports), .reports(reports, rate: reportRate, significance: significance, days: nil, dayRate: nil))
            }
            return (reportRate.times(reports) + dayRate.times(days.count), .reports(reports, rate: reportRate, significance: significance, days: days.volume, dayRate: dayRate))
        }
        guard let days else {
            refuseMissingVolume("The document states neither the number of days nor the dates of the event", .days)
            return nil
        }
        return (dayRate.times(days.count), .volume(days.volume, rate: dayRate, significance: significance))
    }

    mutating func priceExamMaterial(questionsPerUnit: Int, scenariosPerUnit: Int) -> (units: CreditUnits, calculation: Calculation)? {
        guard evidence.testQuestions != nil || evidence.clinicalScenarios != nil else {
            refuseMissingVolume("The act states neither the number of test questions nor of clinical scenarios", .counts)
            return nil
        }
        let questions = evidence.testQuestions ?? 0
        let scenarios = evidence.clinicalScenarios ?? 0
        func units(_ count: Int, per block: Int) -> CreditUnits {
            switch interpretation.examMaterialCounting {
            case .completeBlocks: CreditUnits(count / block)
            case .proportional: CreditUnits(thousandths: count * 1000 / block)
            }
        }
        let total = units(questions, per: questionsPerUnit) + units(scenarios, per: scenariosPerUnit)
        return (total, .examMaterial(questions: questions, perQuestions: questionsPerUnit, scenarios: scenarios, perScenarios: scenariosPerUnit, counting: interpretation.examMaterialCounting))
    }
}
