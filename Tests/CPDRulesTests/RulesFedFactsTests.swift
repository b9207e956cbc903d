import CPDRules
import Testing

@Suite("Rules decided from facts: paragraph 7, criteria 8 to 10, the first copy, an event's days, the day")
struct RulesFedFactsTests {
    /// Paragraph 7: a foreign original needs a notarized translation; a publication only under
    /// the stricter reading; an unknown criterion is not taken for a publication.
    @Test(arguments: [
        ("en", 1, false, true), ("en", 9, false, false), ("en", 9, true, true), ("EN", nil, false, true),
        ("kk", 1, false, false), ("RU", 1, false, false), (nil, 1, false, false), ("de", 6, false, false),
    ] as [(String?, Int?, Bool, Bool)])
    func paragraph7(language: String?, criterion: Int?, publicationsNeedTranslation: Bool, required: Bool) {
        let reading = Interpretation(publicationsNeedTranslation: publicationsNeedTranslation)
        #expect(NotarizedTranslation.isRequired(language: language, criterion: criterion.flatMap(Criterion.number), reading) == required)
    }

    /// Criterion 10 with a quartile; 8 on the recommended list; 9 only when both lists say the
    /// journal is on neither; undecided otherwise.
    @Test(arguments: [
        (Quartile.q2, true, false, 10), (nil, true, true, 8), (nil, false, true, 8), (nil, true, false, 9),
        (nil, false, false, nil), (nil, true, nil, nil), (nil, false, nil, nil),
    ] as [(Quartile?, Bool, Bool?, Int?)])
    func journalStanding(quartile: Quartile?, indexedListGiven: Bool, onRecommendedList: Bool?, criterion: Int?) {
        let standing = JournalStanding(quartile: quartile, indexedListGiven: indexedListGiven, onRecommendedList: onRecommendedList)
        #expect(standing.criterion == criterion)
    }

    @Test func theFirstCopyCounts() {
        var copies = FirstCopies<String>()
        #expect(copies.original(of: "certificate 17") == nil)
        copies.counts("certificate 17", as: "a.pdf")
        copies.counts("certificate 17", as: "b.pdf")
        #expect(copies.original(of: "certificate 17") == "a.pdf")
    }

    @Test(arguments: [("2024-02-12", "2024-02-16", 5), ("2024-02-28", "2024-03-02", 4), ("2024-02-12", nil, 1)] as [(String, String?, Int)])
    func eventDaysCountBothEnds(start: String, end: String?, days: Int) {
        #expect(EventDays.count(from: CalendarDate(start)!, through: end.flatMap(CalendarDate.init)) == days)
    }

    @Test func theConfirmationDateIsTheDayGivenElseTheClocksDay() {
        let clock = FixedCalendarClock(CalendarDate("2026-11-22")!)
        #expect(clock.confirmationDate(fixed: nil) == CalendarDate("2026-11-22"))
        #expect(clock.confirmationDate(fixed: CalendarDate("2025-01-31")) == CalendarDate("2025-01-31"))
    }
}
