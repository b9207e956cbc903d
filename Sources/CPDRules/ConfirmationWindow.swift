/// The periods a document's dates are measured against, all ending on the confirmation date.
///
/// A period of N years ending on the confirmation date starts the day after the same date N
/// years earlier (a term counted in years ends on the matching date of its last year): for a
/// confirmation on 2026-11-22 the 5-year period runs from 2021-11-23 through 2026-11-22. A
/// document dated after the confirmation date is outside every period.
public struct ConfirmationWindow: Sendable, Hashable {
    public let confirmationDate: CalendarDate

    public init(confirmationDate: CalendarDate) { self.confirmationDate = confirmationDate }

    /// The first day of the last `years` years.
    public func start(ofLast years: Int) -> CalendarDate {
        confirmationDate.adding(years: -years).adding(days: 1)
    }

    /// Paragraph 6: results are confirmed for the last 5 years.
    public var periodStart: CalendarDate { start(ofLast: 5) }

    public func contains(_ date: CalendarDate, lastYears years: Int = 5) -> Bool {
        start(ofLast: years) <= date && date <= confirmationDate
    }

    /// "from 2021-11-23 to 2026-11-22"
    public func describe(lastYears years: Int = 5) -> String {
        "from \(start(ofLast: years)) to \(confirmationDate)"
    }
}
