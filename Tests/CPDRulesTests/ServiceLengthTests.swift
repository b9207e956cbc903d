import CPDRules
import Testing

@Suite("Lengths of service as registers type them")
struct ServiceLengthTests {
    @Test(arguments: [
        ("18 лет 2 месяца 15 дней", 18, 2, 15), ("1 год 1 месяц 1 день", 1, 1, 1), ("21 год, 3 месяца и 4 дня", 21, 3, 4),
        ("18 л. 2 мес. 15 дн.", 18, 2, 15), ("18л 2мес 15дн", 18, 2, 15), ("5 лет", 5, 0, 0), ("7 месяцев", 0, 7, 0),
        ("18 жыл 2 ай 15 күн", 18, 2, 15), ("3 жыл және 4 күн", 3, 0, 4),
        ("18 years 2 months 15 days", 18, 2, 15), ("1 year, 1 month and 1 day", 1, 1, 1), ("18 y 2 m 15 d", 18, 2, 15),
        ("18.2.15", 18, 2, 15), ("18-02-15", 18, 2, 15), ("P18Y2M15D", 18, 2, 15), ("p5y", 5, 0, 0), ("P0D", 0, 0, 0),
        ("  12 ЛЕТ  ", 12, 0, 0),
    ])
    func readsEveryLanguageAndTheNumericForms(text: String, years: Int, months: Int, days: Int) throws {
        let length = try ServiceLength(parsing: text)
        #expect(length == ServiceLength(years: years, months: months, days: days))
    }

    @Test(arguments: [
        ("", "it is empty"), ("восемнадцать лет", "\"восемнадцать\" is not a number written in digits"),
        ("18 недель", "\"недель\" is not years, months or days"), ("18", "the number 18 has no unit"),
        ("2 года 3 года", "it states the years twice"), ("2 месяца 3 года", "the years come after the months"),
        ("1 год 14 месяцев", "14 months is a year or more"), ("40 дней", "40 days is a month or more"), ("P1W", "\"p\" is not a number"),
    ])
    func saysWhatCannotBeRead(text: String, reason: String) {
        #expect {
            try ServiceLength(parsing: text)
        } throws: { error in
            guard let error = error as? ServiceLength.Unreadable else { return false }
            return error.reason.hasPrefix(reason) && error.description.contains("P18Y2M15D")
        }
    }

    @Test func keptInISO8601AndReadBack() throws {
        let length = try #require(ServiceLength(years: 18, months: 0, days: 15))
        #expect(length.description == "P18Y15D")
        #expect(ServiceLength(length.description) == length)
        #expect(ServiceLength(years: 0, months: 0, days: 0)?.description == "P0D")
    }
}
