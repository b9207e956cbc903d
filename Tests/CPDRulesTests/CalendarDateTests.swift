import CPDRules
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test(arguments: [
        (2024, 2, 29, true), (2023, 2, 29, false), (1900, 2, 29, false), (2000, 2, 29, true),
        (2025, 4, 31, false), (2025, 12, 31, true), (2025, 13, 1, false), (2025, 0, 1, false),
        (2025, 1, 0, false),
    ])
    func validatesDaysThatExist(year: Int, month: Int, day: Int, exists: Bool) {
        #expect((CalendarDate(year: year, month: month, day: day) != nil) == exists)
    }

    @Test(arguments: ["2023-02-29", "2023-2-28", "23-02-28", "2023/02/28", "2023-02-28T00:00", ""])
    func refusesMalformedOrImpossibleText(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func dayNumbersRoundTripOverFourCenturies() {
        var date = CalendarDate("1899-12-31")!
        var number = date.dayNumber
        for _ in 0..<(400 * 366) {
            let next = date.adding(days: 1)
            #expect(next.dayNumber == number + 1)
            #expect(next > date)
            #expect(CalendarDate(next.description) == next)
            date = next
            number += 1
        }
        #expect(CalendarDate("1970-01-01")!.dayNumber == 0)
    }

    @Test(arguments: [
        ("2024-02-29", -5, "2019-02-28"), ("2024-02-29", 4, "2028-02-29"), ("2026-11-22", -5, "2021-11-22"),
        ("2021-03-01", -1, "2020-03-01"),
    ])
    func addsYearsClampingTheLeapDay(date: String, years: Int, expected: String) {
        #expect(CalendarDate(date)!.adding(years: years).description == expected)
    }

    @Test(arguments: [
        ("2020-02-29", "2021-02-27", 0), ("2020-02-29", "2021-02-28", 1), ("2025-11-22", "2026-11-21", 0),
        ("2025-11-22", "2026-11-22", 1), ("2026-11-23", "2026-11-22", 0),
    ])
    func countsWholeYears(from: String, until: String, years: Int) {
        #expect(CalendarDate(from)!.wholeYears(until: CalendarDate(until)!) == years)
    }

    @Test func countsDaysInclusively() {
        #expect(CalendarDate("2023-04-12")!.inclusiveDays(through: CalendarDate("2023-04-13")!) == 2)
        #expect(CalendarDate("2024-02-28")!.inclusiveDays(through: CalendarDate("2024-03-01")!) == 3)
    }
}
