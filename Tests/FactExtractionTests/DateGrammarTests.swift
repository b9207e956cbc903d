import CPDRules
import Foundation
@testable import FactExtraction
import Testing

/// The date grammar: written forms in every language, random dates rendered and read back,
/// numbers that are not dates, and whole documents.
@Suite("Reading dates and periods")
struct DateGrammarTests {
    /// The spans of one line as the extractor sees it: normalised, then lowercased.
    static func read(_ written: String) -> [DateSpan] {
        let line = TextNormalization.normalize(written).lowercased()
        return DateGrammar.spans(in: line, order: DateGrammar.NumericOrder(of: [line]))
    }

    static func facts(_ text: String) -> ExtractedFacts { FactExtractor.extract(from: SourceText(pages: [text])) }

    // MARK: Written forms

    @Test(arguments: [
        // Numbers, day first
        ("01.02.2023", "2023-02-01", "2023-02-01"), ("12. 02. 2024", "2024-02-12", "2024-02-12"),
        ("12 .02.2024", "2024-02-12", "2024-02-12"), ("1.2.23", "2023-02-01", "2023-02-01"),
        ("6/3/2024", "2024-03-06", "2024-03-06"), ("2024-03-06", "2024-03-06", "2024-03-06"),
        // Month first where the document writes its slashed dates so
        ("06/23/2024", "2024-06-23", "2024-06-23"), ("from 11/28/2025 to 12/02/2025", "2025-11-28", "2025-12-02"),
        ("12/25/24", "2024-12-25", "2024-12-25"),
        ("12-02-2024", "2024-02-12", "2024-02-12"), ("01.02.2024 г.", "2024-02-01", "2024-02-01"),
        ("26.11.2023 ж.", "2023-11-26", "2023-11-26"), ("12.02.2024 года", "2024-02-12", "2024-02-12"),
        ("05/11/99", "1999-11-05", "1999-11-05"), ("Дата выдачи: 23.10.2026", "2026-10-23", "2026-10-23"),
        // Russian
        ("«01» февраля 2023 года", "2023-02-01", "2023-02-01"), ("3 января 2024 г.", "2024-01-03", "2024-01-03"),
        ("15 мая 2024", "2024-05-15", "2024-05-15"), ("г. Шымкент    31 декабря 2020 г.", "2020-12-31", "2020-12-31"),
        // Abbreviated and Roman months, ordinal days
        ("12 февр. 2024 г.", "2024-02-12", "2024-02-12"), ("12 фев 2024", "2024-02-12", "2024-02-12"),
        ("12 дек. 2023 г.", "2023-12-12", "2023-12-12"), ("12 сен. 2022", "2022-09-12", "2022-09-12"),
        ("12.II.2024", "2024-02-12", "2024-02-12"), ("12 XI 2023 г.", "2023-11-12", "2023-11-12"),
        ("с 01.XI.2023 по 30.XI.2023", "2023-11-01", "2023-11-30"), ("12-16.II.2024", "2024-02-12", "2024-02-16"),
        ("с 12-го по 16-е февраля 2024 г.", "2024-02-12", "2024-02-16"), ("12-ші ақпан 2024 ж.", "2024-02-12", "2024-02-12"),
        ("2023 жылғы 1-ші наурыз", "2023-03-01", "2023-03-01"),
        // Kazakh, year first and after, and as OCR leaves it
        ("2023 жылғы 1 ақпан", "2023-02-01", "2023-02-01"), ("2024 ж. 1 ақпан", "2024-02-01", "2024-02-01"),
        ("2023 жылдың 5 мамыры", "2023-05-05", "2023-05-05"), ("3 мамыр 2025 ж.", "2025-05-03", "2025-05-03"),
        ("2024 жылгы 15 акпан", "2024-02-15", "2024-02-15"), ("2025 жылғы 19 мамыр, Алматы қ.", "2025-05-19", "2025-05-19"),
        ("2022 жылы 12 кыркуйек", "2022-09-12", "2022-09-12"), ("2021 жылғы 3 шiлде", "2021-07-03", "2021-07-03"),
        ("2020 жылгы 7 сэуір", "2020-04-07", "2020-04-07"), ("2024 жылғы 15 ақпанда", "2024-02-15", "2024-02-15"),
        // English, German, Turkish, French
        ("15 June 2024", "2024-06-15", "2024-06-15"), ("June 15, 2024", "2024-06-15", "2024-06-15"),
        ("Jun. 15th, 2024", "2024-06-15", "2024-06-15"), ("Dec 3 2023", "2023-12-03", "2023-12-03"),
        ("the 1st of March 2024", "2024-03-01", "2024-03-01"), ("15. Juli 2024", "2024-07-15", "2024-07-15"),
        ("3. März 2025", "2025-03-03", "2025-03-03"), ("3 Temmuz 2025", "2025-07-03", "2025-07-03"),
        ("29 Ekim 2023", "2023-10-29", "2023-10-29"), ("le 3 mars 2024", "2024-03-03", "2024-03-03"),
        ("1er mars 2024", "2024-03-01", "2024-03-01"), ("14 juillet 2026", "2026-07-14", "2026-07-14"),
        // Periods written with numbers
        ("12–16.02.2024", "2024-02-12", "2024-02-16"), ("12.02.–16.02.2024", "2024-02-12", "2024-02-16"),
        ("12.02-16.02.2024", "2024-02-12", "2024-02-16"), ("12 - 16.02.2024", "2024-02-12", "2024-02-16"),
        ("28.12.2023 - 05.01.2024", "2023-12-28", "2024-01-05"), ("28.12. - 05.01.2024", "2023-12-28", "2024-01-05"),
        ("с 01.02.2024 г. по 14.02.2024 г.", "2024-02-01", "2024-02-14"), ("2024-03-06 - 2024-03-08", "2024-03-06", "2024-03-08"),
        ("Период: 06.03.2024 – 26.03.2024 (3 недели)", "2024-03-06", "2024-03-26"),
        ("from 29/04/2024 to 01/05/2024", "2024-04-29", "2024-05-01"), ("vom 12.07.2026 bis 13.07.2026", "2026-07-12", "2026-07-13"),
        ("10.02.2022 бастап 11.02.2022 дейін", "2022-02-10", "2022-02-11"), ("10.02.2022-ден 11.02.2022-ге дейін", "2022-02-10", "2022-02-11"),
        // Periods in Russian
        ("с 12 по 16 февраля 2024", "2024-02-12", "2024-02-16"), ("с 28 февраля по 3 марта 2024 г.", "2024-02-28", "2024-03-03"),
        ("в период с 8 мая по 10 мая 2023 г.", "2023-05-08", "2023-05-10"),
        ("с 13 апреля 2026 года по 28 апреля 2026 года", "2026-04-13", "2026-04-28"),
        ("12-13 апреля 2023 года", "2023-04-12", "2023-04-13"), ("28 декабря 2023 – 5 января 2024", "2023-12-28", "2024-01-05"),
        ("28 декабря – 5 января 2024", "2023-12-28", "2024-01-05"), ("с 8 по 8 мая 2023", "2023-05-08", "2023-05-08"),
        ("с 10 июля 2022 г. по 12 июля 2022 г., г. Шымкент", "2022-07-10", "2022-07-12"),
        // Periods in Kazakh
        ("6 қарашадан 17 қарашаға дейін 2023", "2023-11-06", "2023-11-17"),
        ("2023 жылғы 6 қарашадан 17 қарашаға дейін", "2023-11-06", "2023-11-17"),
        ("2022 жылғы 19 қарашадан бастап 29 қарашаға дейін", "2022-11-19", "2022-11-29"),
        ("2024 жылғы 12-16 ақпан", "2024-02-12", "2024-02-16"), ("2022 жылғы 19-20 қазан аралығында", "2022-10-19", "2022-10-20"),
        ("2023 жылғы 28 желтоқсаннан 2024 жылғы 5 қаңтарға дейін", "2023-12-28", "2024-01-05"),
        ("2023 жылгы 6 карашадан 17 карашага дейiн", "2023-11-06", "2023-11-17"),
        // Periods in English, German, Turkish, French
        ("February 12–16, 2024", "2024-02-12", "2024-02-16"), ("February 28 – March 3, 2024", "2024-02-28", "2024-03-03"),
        ("March 3–4, 2025", "2025-03-03", "2025-03-04"), ("between 3 and 5 May 2024", "2024-05-03", "2024-05-05"),
        ("21-23 January 2026", "2026-01-21", "2026-01-23"), ("from 1 September 2022 to 2 September 2022", "2022-09-01", "2022-09-02"),
        ("December 28, 2023 – January 5, 2024", "2023-12-28", "2024-01-05"), ("from the 3rd to the 5th of May 2024", "2024-05-03", "2024-05-05"),
        ("vom 12. bis 14. Juli 2026", "2026-07-12", "2026-07-14"), ("12.-13. Juli 2026", "2026-07-12", "2026-07-13"),
        ("11-13 Mart 2024", "2024-03-11", "2024-03-13"), ("11 ile 13 Mart 2024 arasında", "2024-03-11", "2024-03-13"),
        ("March 3 through 5, 2024", "2024-03-03", "2024-03-05"), ("12-14 Ekim 2023 tarihlerinde", "2023-10-12", "2023-10-14"),
        ("du 3 au 5 mars 2024", "2024-03-03", "2024-03-05"), ("du 28 février au 3 mars 2024", "2024-02-28", "2024-03-03"),
        ("du 1er au 3 juin 2025", "2025-06-01", "2025-06-03"),
    ])
    func readsAWrittenForm(written: String, start: String, end: String) {
        let spans = Self.read(written)
        #expect(spans.count == 1)
        #expect(spans.first?.startMention?.date.description == start)
        #expect(spans.first?.endMention?.date.description == end)
    }

    @Test(arguments: [
        ("с 21.10.2020", "since 2020-10-21"), ("21.10.2020 бастап", "since 2020-10-21"),
        ("21.10.2020 жылдан бастап", "since 2020-10-21"), ("с 21.10.2020 по настоящее время", "since 2020-10-21"),
        ("seit 12.03.2019", "since 2019-03-12"), ("since June 3, 2018", "since 2018-06-03"),
        ("since 2020", "since the year 2020"), ("2019 жылдан бастап", "since the year 2019"), ("с 2018 года", "since the year 2018"),
        ("с 13 апреля 2026 года по", "awaiting the end after 2026-04-13"), ("Назначить тьютором на период с 05.12.2025 по", "awaiting the end after 2025-12-05"),
        ("с по 11.06.2027", "until 2027-06-11"), ("на период с - 11.06.2027", "until 2027-06-11"), ("по 11.06.2027", "until 2027-06-11"),
        ("11.06.2027 дейін", "until 2027-06-11"), ("2023 жылғы 17 қарашаға дейін", "until 2023-11-17"), ("from to 01/05/2024", "until 2024-05-01"),
        ("приказ № 98 от 28.08.2026 г.", "on 2026-08-28"), ("действителен до 12.12.2027", "on 2027-12-12"),
        ("valid until March 3, 2029", "on 2029-03-03"), ("с до 12.12.2027", "until 2027-12-12"), ("Urkunde vom 12.07.2026", "on 2026-07-12"),
    ])
    func readsAnOpenForm(written: String, reading: String) {
        let spans = Self.read(written)
        #expect(spans.map(Self.describe) == [reading])
    }

    static func describe(_ span: DateSpan) -> String {
        switch span {
        case .single(let date): "on \(date.date)"
        case .range(let from, let to): "\(from.date) to \(to.date)"
        case .since(let from) where from.precision == .year: "since the year \(from.date.year)"
        case .since(let from): "since \(from.date)"
        case .awaitingEnd(let from): "awaiting the end after \(from.date)"
        case .until(let to): "until \(to.date)"
        }
    }

    @Test func marksEachDateWithItsOffsetsInTheLine() {
        let line = "с 28 февраля по 3 марта 2024 г."
        let characters = Array(line)
        let spans = DateGrammar.spans(in: line)
        let texts = spans.flatMap(\.mentions).map { String(characters[$0.start..<$0.end]) }
        #expect(texts == ["28 февраля", "3 марта 2024 г"])
    }

    /// A document writes its slashed dates one way: one that can only be month first makes the
    /// others month first too; with one of each, or none decisive, they are day first.
    @Test(arguments: [
        (["Course date: 06/23/2024", "Issue date: 07/01/2024"], DateGrammar.NumericOrder.monthFirst, "2024-07-01"),
        (["Course date: 23/06/2024", "Issue date: 07/01/2024"], .dayFirst, "2024-01-07"),
        (["Dates: 06/23/2024 and 23/06/2024", "Issue date: 07/01/2024"], .dayFirst, "2024-01-07"),
        (["Ref. 12/31", "Issue date: 07/01/2024"], .dayFirst, "2024-01-07"),
    ])
    func readsSlashedDatesInTheOrderTheDocumentUses(lines: [String], order: DateGrammar.NumericOrder, issue: String) {
        let folded = lines.map { TextNormalization.normalize($0).lowercased() }
        #expect(DateGrammar.NumericOrder(of: folded) == order)
        #expect(DateGrammar.spans(in: folded[1], order: order).first?.mentions.first?.date.description == issue)
    }

    // MARK: Numbers that are not dates

    @Test(arguments: [
        "31.02.2023", "32.01.2024", "12.13.2024", "00.01.2024", "№ 215-2021/ПК", "ISBN 978-601-677-939-2",
        "тел. 8-701-123-45-67", "+7 (701) 123-45-67", "тел. 12-05-56", "ИИН 850312300123", "2023", "2023-2024 учебный год",
        "4,5 часа", "в объеме 12.5 кредита", "12-10", "с 12 по 16 февраля", "12.10-14.10", "с 2019 по 2021 год",
        "from 2019 to 2021", "№ 12 от", "в 10:30-12:00", "May 15 participants", "12-16%",
    ])
    func findsNoDateWhereThereIsNone(text: String) {
        #expect(Self.read(text).isEmpty)
    }

    @Test(arguments: [
        // A dash lost into a space joins nothing: only the whole date is read.
        ("12 16.02.2024", ["on 2024-02-16"]),
        // An end before its start is no period.
        ("16.02.2024 - 12.02.2024", ["on 2024-02-16", "on 2024-02-12"]),
        ("12-10.05.2024", []), ("12.05 - 10.05.2024", ["on 2024-05-10"]),
    ])
    func joinsNothingThatIsNotAPeriod(text: String, readings: [String]) {
        #expect(Self.read(text).map(Self.describe) == readings)
    }

    // MARK: Random dates rendered in every style and read back

    @Test(arguments: DateStyle.all)
    func readsBackRandomDates(style: DateStyle) {
        var random = SplitMix64(seed: 0x5EED_DA7E ^ UInt64(style.seed))
        var failures: [String] = []
        for _ in 0..<150 {
            let day = SimpleDate.random(using: &random)
            let text = style.single(&random, day)
            let readings = Self.read(text).map(Self.describe)
            if readings != ["on \(day)"] { failures.append("\(text) -> \(readings)") }
        }
        #expect(failures.isEmpty, "\(failures.count) misread, e.g. \(failures.prefix(5))")
    }

    @Test(arguments: DateStyle.all)
    func readsBackRandomPeriods(style: DateStyle) {
        var random = SplitMix64(seed: 0x9E71_0D5 ^ UInt64(style.seed))
        var failures: [String] = []
        for index in 0..<300 {
            let (from, to) = SimpleDate.randomPeriod(PeriodShape.allCases[index % PeriodShape.allCases.count], using: &random)
            let text = style.period(&random, from, to)
            let readings = Self.read(text).map(Self.describe)
            if readings != ["\(from) to \(to)"] { failures.append("\(text) -> \(readings)") }
        }
        #expect(failures.isEmpty, "\(failures.count) misread, e.g. \(failures.prefix(5))")
    }

    // MARK: Whole documents

    @Test(arguments: [
        ("с 28 февраля по 3 марта 2024 г.", "2024-02-28", "2024-03-03"),
        ("2023 жылғы 6 қарашадан 17 қарашаға дейін", "2023-11-06", "2023-11-17"),
        ("February 28 – March 3, 2024", "2024-02-28", "2024-03-03"),
        ("du 3 au 5 mars 2024", "2024-03-03", "2024-03-05"),
        ("12.02.–16.02.2024", "2024-02-12", "2024-02-16"),
        ("vom 12. bis 14. Juli 2026", "2026-07-12", "2026-07-14"),
        ("в период с 8 мая по 10 мая 2023 г.", "2023-05-08", "2023-05-10"),
    ])
    func readsAnEventsPeriod(line: String, start: String, end: String) {
        let found = Self.facts("СЕРТИФИКАТ\nпринял участие в семинаре\n\(line)\n8 часов")
        #expect(found.startDate?.value.description == start)
        #expect(found.endDate?.value.description == end)
    }

    @Test func anAppointmentWhoseStartIsLostHasOnlyItsEnd() {
        let found = Self.facts("""
            ПРИКАЗ № 70-к от 24.06.2024
            О назначении тьютором интернов
            Назначить Искакову Мадину Асановну тьютором на период с по 11.06.2027
            """)
        #expect(found.activity?.value == .tutoringTrainees)
        #expect(found.startDate == nil)
        #expect(found.endDate?.value == CalendarDate("2027-06-11"))
        #expect(found.issueDate?.value == CalendarDate("2024-06-24"))
    }

    @Test func aPeriodWhoseEndIsOnTheNextLine() {
        let found = Self.facts("""
            ПРИКАЗ № 70-к от 24.06.2024
            О назначении тьютором интернов
            Назначить Искакову Мадину Асановну тьютором на период с 24.06.2024 по
            24.06.2025
            """)
        #expect(found.startDate?.value == CalendarDate("2024-06-24"))
        #expect(found.endDate?.value == CalendarDate("2025-06-24"))
        let split = Self.facts("СЕРТИФИКАТ\nпринял участие в семинаре\nс 13 апреля 2026 года\nпо 15 апреля 2026 года")
        #expect(split.startDate?.value == CalendarDate("2026-04-13"))
        #expect(split.endDate?.value == CalendarDate("2026-04-15"))
    }

    @Test func aMembershipSinceADate() {
        let found = Self.facts("Справка о членстве в Европейском обществе кардиологов\nявляется членом с 21.10.2020 по настоящее время")
        #expect(found.startDate?.value == CalendarDate("2020-10-21"))
        #expect(found.endDate == nil)
        #expect(found.ongoing?.value == true)
    }
}

// MARK: - Random dates

/// A deterministic generator (SplitMix64), so every run renders the same cases.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// A day, counted here without the parser's or the rules' calendar.
struct SimpleDate: CustomStringConvertible, Comparable {
    let year: Int
    let month: Int
    let day: Int

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func random(year: Int? = nil, month: Int? = nil, using random: inout SplitMix64) -> SimpleDate {
        let year = year ?? Int.random(in: 1990...2035, using: &random)
        let month = month ?? Int.random(in: 1...12, using: &random)
        return SimpleDate(year: year, month: month, day: Int.random(in: 1...days(in: month, of: year), using: &random))
    }

    static func randomPeriod(_ shape: PeriodShape, using random: inout SplitMix64) -> (SimpleDate, SimpleDate) {
        switch shape {
        case .sameMonth:
            let first = Self.random(using: &random)
            let last = Int.random(in: first.day...days(in: first.month, of: first.year), using: &random)
            return (first, SimpleDate(year: first.year, month: first.month, day: last))
        case .acrossMonths:
            let year = Int.random(in: 1990...2035, using: &random)
            let firstMonth = Int.random(in: 1...11, using: &random)
            let lastMonth = Int.random(in: firstMonth + 1...12, using: &random)
            return (Self.random(year: year, month: firstMonth, using: &random), Self.random(year: year, month: lastMonth, using: &random))
        case .acrossYears:
            let year = Int.random(in: 1990...2034, using: &random)
            let lastYear = Int.random(in: year + 1...min(year + 2, 2035), using: &random)
            return (Self.random(year: year, using: &random), Self.random(year: lastYear, using: &random))
        }
    }

    var description: String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    static func < (lhs: SimpleDate, rhs: SimpleDate) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }
}

enum PeriodShape: CaseIterable { case sameMonth, acrossMonths, acrossYears }

extension RandomNumberGenerator {
    mutating func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &self)] }
    mutating func chance() -> Bool { Bool.random(using: &self) }
}

// MARK: - Rendering, written apart from the parser's tables

/// One way of writing dates, in one language, with the variations documents and OCR bring.
struct DateStyle: Sendable, CustomTestStringConvertible {
    let name: String
    let seed: Int
    let single: @Sendable (inout SplitMix64, SimpleDate) -> String
    let period: @Sendable (inout SplitMix64, SimpleDate, SimpleDate) -> String

    var testDescription: String { name }

    static let all: [DateStyle] = [numeric, russian, kazakh, english, englishMonthFirst, german, turkish, french]

    static let russianMonths = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
    static let kazakhMonths = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]
    static let kazakhMonthsFrom = [
        "қаңтардан", "ақпаннан", "наурыздан", "сәуірден", "мамырдан", "маусымнан", "шілдеден", "тамыздан", "қыркүйектен", "қазаннан",
        "қарашадан", "желтоқсаннан",
    ]
    static let kazakhMonthsTo = [
        "қаңтарға", "ақпанға", "наурызға", "сәуірге", "мамырға", "маусымға", "шілдеге", "тамызға", "қыркүйекке", "қазанға", "қарашаға",
        "желтоқсанға",
    ]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let englishShortMonths = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]
    static let germanMonths = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
    static let turkishMonths = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"]
    static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

    /// A dash as typesetters and OCR leave it: hyphen, en or em dash, spaces or none.
    static func dash(_ random: inout SplitMix64, spaced: Bool = false) -> String {
        let mark = random.pick(["-", "–", "—"])
        if spaced { return random.pick([" \(mark) ", " \(mark)", "\(mark) "]) }
        return random.pick(["", " "]) + mark + random.pick(["", " "])
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// "02" or "2".
    static func padded(_ random: inout SplitMix64, _ value: Int) -> String { random.chance() ? twoDigits(value) : "\(value)" }

    /// OCR without the Kazakh letters: қ→к, ғ→г, ә→э or а, і→Latin i, ү→у; applied to some renderings.
    static func damagedKazakh(_ random: inout SplitMix64, _ text: String) -> String {
        guard random.pick([false, false, true]) else { return text }
        let alef = random.pick(["э", "а"])
        return text.replacingOccurrences(of: "қ", with: "к").replacingOccurrences(of: "ғ", with: "г")
            .replacingOccurrences(of: "ә", with: alef).replacingOccurrences(of: "і", with: "i").replacingOccurrences(of: "ү", with: "у")
    }

    // Numbers: 12.02.2024, 12/02/24, 12-02-2024, 2024-02-12, spaced dots, year words.

    static let numeric = DateStyle(
        name: "numbers", seed: 1,
        single: { random, date in numericDate(&random, date, separator: random.pick([".", "/", "-", "iso"])) },
        period: { random, from, to in
            let separator = random.pick([".", "/", "-", "iso"])
            if separator == ".", from.year == to.year, random.chance() {
                let end = numericDate(&random, to, separator: ".", spacedDots: false)
                if from.month == to.month, random.chance() { return "\(padded(&random, from.day))\(dash(&random))\(end)" }
                let start = "\(padded(&random, from.day)).\(twoDigits(from.month))"
                return start + random.pick([".", ""]) + dash(&random) + end
            }
            let start = numericDate(&random, from, separator: separator)
            let end = numericDate(&random, to, separator: separator)
            let joiner = random.pick(["dash", "по", "to", "bis", "бастап"])
            switch joiner {
            case "dash": return start + dash(&random, spaced: separator == "-" || separator == "iso") + end
            case "по": return "с \(start) по \(end)"
            case "to": return "from \(start) to \(end)"
            case "bis": return "vom \(start) bis \(end)"
            default: return "\(start) бастап \(end) дейін"
            }
        })

    static func numericDate(_ random: inout SplitMix64, _ date: SimpleDate, separator: String, spacedDots: Bool = true) -> String {
        if separator == "iso" { return "\(date.year)-\(twoDigits(date.month))-\(twoDigits(date.day))" }
        let shortYear = separator != "-" && random.chance()
        let year = shortYear ? twoDigits(date.year % 100) : "\(date.year)"
        var text = padded(&random, date.day) + separator + padded(&random, date.month) + separator + year
        if separator == ".", !shortYear, spacedDots, random.pick([false, false, true]) {
            text = padded(&random, date.day) + random.pick([". ", " .", "."]) + twoDigits(date.month) + random.pick([". ", "."]) + year
        }
        return text + (shortYear ? "" : random.pick(["", "", " г.", " года", " ж.", "г."]))
    }

    // Russian: 12 февраля 2024 года; с 12 по 16 февраля 2024 г.; 28 декабря 2023 – 5 января 2024.

    static let russian = DateStyle(
        name: "Russian", seed: 2,
        single: { random, date in russianDate(&random, date, withYear: true) },
        period: { random, from, to in
            let end = russianDate(&random, to, withYear: true)
            if from.year == to.year, from.month == to.month {
                return random.chance() ? "с \(from.day) по \(end)" : "\(from.day)\(dash(&random))\(end)"
            }
            let start = russianDate(&random, from, withYear: from.year != to.year || random.chance())
            return random.chance() ? random.pick(["с ", "в период с "]) + "\(start) по \(end)" : start + dash(&random, spaced: true) + end
        })

    static func russianDate(_ random: inout SplitMix64, _ date: SimpleDate, withYear: Bool) -> String {
        let day = random.pick(["", "", "«"]).isEmpty ? "\(date.day)" : "«\(twoDigits(date.day))»"
        let text = "\(day) \(russianMonths[date.month - 1])"
        return withYear ? text + " \(date.year)" + random.pick(["", " г.", " года", "г."]) : text
    }

    // Kazakh: 2024 жылғы 12 ақпан; 2024 жылғы 12-16 ақпан; 2023 жылғы 6 қарашадан 17 қарашаға дейін.

    static let kazakh = DateStyle(
        name: "Kazakh", seed: 3,
        single: { random, date in
            let text = random.chance()
                ? "\(date.year) \(random.pick(["жылғы", "ж.", "жылы"])) \(date.day) \(kazakhMonths[date.month - 1])"
                : "\(date.day) \(kazakhMonths[date.month - 1]) \(date.year) ж."
            return damagedKazakh(&random, text)
        },
        period: { random, from, to in
            let text: String
            if from.year == to.year, from.month == to.month, random.chance() {
                text = "\(from.year) жылғы \(from.day)\(dash(&random))\(to.day) \(kazakhMonths[to.month - 1])" + random.pick(["", " аралығында"])
            } else if from.year == to.year {
                let days = "\(from.day) \(kazakhMonthsFrom[from.month - 1]) \(to.day) \(kazakhMonthsTo[to.month - 1]) дейін"
                text = random.chance() ? "\(from.year) жылғы \(days)" : "\(days) \(from.year)"
            } else {
                text = "\(from.year) жылғы \(from.day) \(kazakhMonthsFrom[from.month - 1]) \(to.year) жылғы \(to.day) \(kazakhMonthsTo[to.month - 1]) дейін"
            }
            return damagedKazakh(&random, text)
        })

    // English, day first: 12 February 2024; 12–16 February 2024; from 28 February to 3 March 2024.

    static let english = DateStyle(
        name: "English, day first", seed: 4,
        single: { random, date in "\(englishDay(&random, date.day)) \(englishMonths[date.month - 1]) \(date.year)" },
        period: { random, from, to in
            let end = "\(englishDay(&random, to.day)) \(englishMonths[to.month - 1]) \(to.year)"
            if from.year == to.year, from.month == to.month {
                return random.pick(["\(from.day)\(dash(&random))\(end)", "between \(from.day) and \(end)", "from \(from.day) to \(end)"])
            }
            let start = "\(englishDay(&random, from.day)) \(englishMonths[from.month - 1])" + (from.year != to.year || random.chance() ? " \(from.year)" : "")
            return random.chance() ? "\(start)\(dash(&random, spaced: true))\(end)" : "from \(start) to \(end)"
        })

    static func englishDay(_ random: inout SplitMix64, _ day: Int) -> String {
        guard random.chance() else { return "\(day)" }
        let suffix = switch day {
        case 1, 21, 31: "st"
        case 2, 22: "nd"
        case 3, 23: "rd"
        default: "th"
        }
        return "\(day)\(suffix)"
    }

    // English, month first: June 15, 2024; Jun. 15th, 2024; February 12–16, 2024; February 28 – March 3, 2024.

    static let englishMonthFirst = DateStyle(
        name: "English, month first", seed: 5,
        single: { random, date in "\(englishMonthName(&random, date.month)) \(englishDay(&random, date.day))\(random.pick([",", ""])) \(date.year)" },
        period: { random, from, to in
            let start = "\(englishMonthName(&random, from.month)) \(from.day)"
            if from.year == to.year, from.month == to.month { return "\(start)\(dash(&random))\(to.day), \(to.year)" }
            let end = "\(englishMonthName(&random, to.month)) \(to.day), \(to.year)"
            return from.year == to.year ? "\(start)\(dash(&random, spaced: true))\(end)" : "\(start), \(from.year)\(dash(&random, spaced: true))\(end)"
        })

    static func englishMonthName(_ random: inout SplitMix64, _ month: Int) -> String {
        random.chance() ? englishMonths[month - 1] : englishShortMonths[month - 1]
    }

    // German: 15. Juli 2024; 12.–16. Juli 2024; vom 12. bis 16. Juli 2024.

    static let german = DateStyle(
        name: "German", seed: 6,
        single: { random, date in "\(date.day). \(germanMonths[date.month - 1]) \(date.year)" },
        period: { random, from, to in
            let end = "\(to.day). \(germanMonths[to.month - 1]) \(to.year)"
            if from.year == to.year, from.month == to.month {
                return random.chance() ? "\(from.day).\(dash(&random))\(end)" : "vom \(from.day). bis \(end)"
            }
            let start = "\(from.day). \(germanMonths[from.month - 1])" + (from.year != to.year ? " \(from.year)" : "")
            return random.chance() ? "\(start)\(dash(&random, spaced: true))\(end)" : "vom \(start) bis \(end)"
        })

    // Turkish: 11 Mart 2024; 11-13 Mart 2024; 28 Şubat - 3 Mart 2024.

    static let turkish = DateStyle(
        name: "Turkish", seed: 7,
        single: { random, date in "\(date.day) \(turkishMonths[date.month - 1]) \(date.year)" },
        period: { random, from, to in
            let end = "\(to.day) \(turkishMonths[to.month - 1]) \(to.year)"
            if from.year == to.year, from.month == to.month { return "\(from.day)\(dash(&random))\(end)" + random.pick(["", " tarihlerinde"]) }
            let start = "\(from.day) \(turkishMonths[from.month - 1])" + (from.year != to.year ? " \(from.year)" : "")
            return "\(start)\(dash(&random, spaced: true))\(end)"
        })

    // French: le 3 mars 2024; 1er mars 2024; du 3 au 5 mars 2024.

    static let french = DateStyle(
        name: "French", seed: 8,
        single: { random, date in random.pick(["", "le "]) + "\(frenchDay(date.day)) \(frenchMonths[date.month - 1]) \(date.year)" },
        period: { random, from, to in
            let end = "\(frenchDay(to.day)) \(frenchMonths[to.month - 1]) \(to.year)"
            if from.year == to.year, from.month == to.month { return "du \(frenchDay(from.day)) au \(end)" }
            let start = "\(frenchDay(from.day)) \(frenchMonths[from.month - 1])" + (from.year != to.year ? " \(from.year)" : "")
            return "du \(start) au \(end)"
        })

    static func frenchDay(_ day: Int) -> String { day == 1 ? "1er" : "\(day)" }
}
