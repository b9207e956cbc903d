/// What day it is where the HR office is. The rules never read a clock: the command line and
/// the watch give them the machine's (`SystemCalendarClock` in WorkerConfirmation), tests a
/// fixed day.
public protocol CalendarClock: Sendable {
    var today: CalendarDate { get }
}

extension CalendarClock {
    /// Paragraph 6 counts the last 5 years back from the confirmation date: the day given (`--as-of`,
    /// an activity file's `asOf`) when there is one, else the day of the assessment.
    public func confirmationDate(fixed: CalendarDate?) -> CalendarDate { fixed ?? today }
}

/// A clock that always says the same day.
public struct FixedCalendarClock: CalendarClock {
    public let today: CalendarDate

    public init(_ today: CalendarDate) { self.today = today }
}
