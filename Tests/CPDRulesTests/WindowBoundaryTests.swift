import CPDRules
import Testing

/// The windows are checked on each side of their boundaries for every confirmation date of three
/// years, a leap year among them.
@Suite("Window boundaries, day by day")
struct WindowBoundaryTests {
    static let confirmationDates: [CalendarDate] = {
        let first = CalendarDate("2023-01-01")!
        return (0..<(3 * 365 + 1)).map { first.adding(days: $0) }
    }()

    func decision(_ criterion: Int, on confirmation: CalendarDate, _ configure: (inout Evidence) -> Void) -> Decision {
        var evidence = Evidence(criterion: criterion)
        evidence.significance = .regional
        configure(&evidence)
        return Criterion.number(criterion)!.evaluate(evidence, on: confirmation).decision
    }

    @Test func fiveYearPeriod() {
        for confirmation in Self.confirmationDates {
            let first = confirmation.adding(years: -5).adding(days: 1)
            #expect(decision(12, on: confirmation) { $0.issueDate = first.adding(days: -1) } == .refused, "\(confirmation)")
            #expect(decision(12, on: confirmation) { $0.issueDate = first } == .accepted, "\(confirmation)")
            #expect(decision(12, on: confirmation) { $0.issueDate = confirmation } == .accepted, "\(confirmation)")
            #expect(decision(12, on: confirmation) { $0.issueDate = confirmation.adding(days: 1) } == .refused, "\(confirmation)")
        }
    }

    @Test func oneYearForExpertAndCoachingDocuments() {
        for confirmation in Self.confirmationDates {
            let first = confirmation.adding(years: -1).adding(days: 1)
            #expect(decision(18, on: confirmation) { $0.issueDate = first.adding(days: -1) } == .refused, "\(confirmation)")
            #expect(decision(18, on: confirmation) { $0.issueDate = first } == .accepted, "\(confirmation)")
        }
    }

    @Test func oneYearOfActiveMembership() {
        for confirmation in Self.confirmationDates {
            let anniversary = confirmation.adding(years: -1)
            #expect(decision(16, on: confirmation) { $0.startDate = anniversary } == .accepted, "\(confirmation)")
            let dayAfter = anniversary.adding(days: 1)
            // A member since 29 February has an anniversary on 28 February in other years.
            let expected: Decision = dayAfter.adding(years: 1) == confirmation ? .accepted : .refused
            #expect(decision(16, on: confirmation) { $0.startDate = dayAfter } == expected, "\(confirmation)")
            #expect(decision(16, on: confirmation) { $0.startDate = anniversary; $0.endDate = confirmation.adding(days: -1) } == .refused)
            #expect(decision(16, on: confirmation) { $0.startDate = anniversary; $0.endDate = confirmation } == .accepted)
        }
    }

    @Test func tutoringYearBeginningOnTheFirstDay() {
        for confirmation in Self.confirmationDates {
            let first = confirmation.adding(years: -5).adding(days: 1)
            #expect(decision(13, on: confirmation) { $0.startDate = first; $0.endDate = first.adding(years: 1) } == .accepted)
            #expect(decision(13, on: confirmation) { $0.startDate = first.adding(days: -1); $0.endDate = first.adding(years: 1).adding(days: -1) } == .refused)
        }
    }

    @Test(arguments: [
        ("2024-02-29", "2019-03-01"), ("2028-02-29", "2023-03-01"), ("2025-03-01", "2020-03-02"),
        ("2024-03-01", "2019-03-02"), ("2026-11-22", "2021-11-23"), ("2025-01-01", "2020-01-02"),
    ])
    func periodStartAroundLeapDays(confirmation: String, start: String) {
        #expect(ConfirmationWindow(confirmationDate: CalendarDate(confirmation)!).periodStart == CalendarDate(start))
    }
}
