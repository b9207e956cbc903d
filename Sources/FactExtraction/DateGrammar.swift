import CPDRules

/// One date written in a line.
struct DateMention: Hashable {
    /// How much of the day the text states: "since 2020" states only a year, and its `date` is
    /// that year's 1 January, not a day to report.
    enum Precision: Hashable { case day, year }

    let date: CalendarDate
    /// Character offsets of the date's own text in the folded line (not its period's words).
    let start: Int
    let end: Int
    var precision = Precision.day
}

/// A date or a period, as one piece of a line's text.
enum DateSpan: Hashable {
    /// One day: "01.02.2023", "«01» февраля 2023 года", "June 15, 2024".
    case single(DateMention)
    /// A period with both ends, the end on or after the start: "12–16.02.2024",
    /// "с 28 февраля по 3 марта 2024 г.", "6 қарашадан 17 қарашаға дейін 2023".
    case range(from: DateMention, to: DateMention)
    /// A period with its start and no end: "с 21.10.2020", "21.10.2020 бастап", "since 2020",
    /// "с 21.10.2020 по настоящее время".
    case since(DateMention)
    /// A start and the word that leads to the end, where the line stops: "с 13 апреля 2026 года
    /// по". The end is the first date of the next line.
    case awaitingEnd(DateMention)
    /// A period's end whose start is missing: "с по 11.06.2027", "по 11.06.2027" (OCR lost the
    /// start, or the form left it blank). The date is not a start.
    case until(DateMention)

    /// The period's first day, when the text gives it.
    var startMention: DateMention? {
        switch self {
        case .single(let date), .since(let date), .awaitingEnd(let date): date
        case .range(let from, _): from
        case .until: nil
        }
    }

    /// The period's last day, when the text gives it.
    var endMention: DateMention? {
        switch self {
        case .single(let date), .until(let date): date
        case .range(_, let to): to
        case .since, .awaitingEnd: nil
        }
    }

    /// Every date the span writes, in reading order.
    var mentions: [DateMention] {
        switch self {
        case .single(let date), .since(let date), .awaitingEnd(let date), .until(let date): [date]
        case .range(let from, let to): [from, to]
        }
    }
}

/// Reads dates and periods from a folded line as a grammar over tokens (numbers, words, dashes,
/// dots, slashes):
///
///     span    := opener? date (joiner date closer* year?)?     one date, or a period
///              | date "бастап" | date "дейін"                  since, until (Kazakh)
///              | opener joiner date | untilOpener date           the end alone
///              | sinceOpener year | year yearWord? "бастап"     since a year
///     date    := year yearWord day month                         2024 жылғы 12 ақпан
///              | day sep month sep year | year - month - day     12.02.2024, 2024-02-12
///              | day sep month                                  12.02 (a start; the end gives the year)
///              | day month year?  | month day year?             12 февраля 2024, June 12, 2024
///              | day                                             12 (a start: 12–16 февраля)
///
/// A period's start borrows the month and year its end writes ("12–16.02.2024"), and its end
/// the month its start writes ("February 12–16, 2024"). Numbers are read day first, as
/// Kazakhstan and Europe write them; with slashes, month first where the document writes
/// them so (`NumericOrder`, an American certificate's "06/23/2024").
enum DateGrammar {
    static func spans(in folded: String, _ lexicon: Lexicon = .standard, order: NumericOrder = .dayFirst) -> [DateSpan] {
        // Every date and year is read from a number token, made of ASCII digits: a line without
        // one (most of a document) has none, and is not tokenised.
        guard folded.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return [] }
        let parser = Parser(tokens: tokenize(folded), lexicon: lexicon, order: order)
        var spans: [DateSpan] = []
        var index = 0
        while index < parser.tokens.count {
            if let (span, next) = parser.span(at: index) {
                spans.append(span)
                index = next
            } else {
                index += 1
            }
        }
        return spans
    }

    /// A word, a number or a mark, with its character offsets in the line.
    private struct Token {
        enum Kind { case number, word, mark }
        let text: String
        let kind: Kind
        let start: Int
        let end: Int
    }

    /// Spaces, quotes and commas only separate tokens: "«01» февраля", "June 15, 2024".
    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let characters = text.characterArray
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isASCIIDigit {
                while index < characters.count, characters[index].isASCIIDigit { index += 1 }
                tokens.append(Token(text: String(characters[start..<index]), kind: .number, start: start, end: index))
            } else if character.isLetter {
                while index < characters.count, characters[index].isLetter { index += 1 }
                tokens.append(Token(text: String(characters[start..<index]), kind: .word, start: start, end: index))
            } else {
                index += 1
                if character.isWhitespace || character == "\"" || character == "'" || character == "," { continue }
                tokens.append(Token(text: String(character), kind: .mark, start: start, end: index))
            }
        }
        return tokens
    }

    /// A date as the text writes it: a day at least, its month and year possibly left to the
    /// other end of its period.
    private struct Written {
        var day: Int
        var month: Int?
        var year: Int?
        /// Token indices: the first the date uses and the one after its last.
        var first: Int
        var next: Int
        /// Ends in the Kazakh ablative ("6 қарашадан", "10.02.2022-ден"): a period's start.
        var isPeriodStart = false

        var calendarDate: CalendarDate? {
            guard let month, let year else { return nil }
            return CalendarDate(year: year, month: month, day: day)
        }
    }

    /// Which number of a slashed date is the day. A document writes its dates one way: it is
    /// month first when one of its slashed dates can only be read so ("06/23/2024") and none
    /// only day first ("23/06/2024").
    enum NumericOrder {
        case dayFirst, monthFirst

        init(of lines: [String]) {
            var onlyMonthFirst = false, onlyDayFirst = false
            // The byte first: looking for the character walks the line's grapheme clusters.
            for line in lines where line.utf8.contains(UInt8(ascii: "/")) && line.contains("/") {
                for match in line.matches(of: Self.slashed) {
                    let (first, second) = (Int(match.output.1)!, Int(match.output.2)!)
                    if first <= 12 && (13...31).contains(second) { onlyMonthFirst = true }
                    if second <= 12 && (13...31).contains(first) { onlyDayFirst = true }
                }
            }
            self = onlyMonthFirst && !onlyDayFirst ? .monthFirst : .dayFirst
        }

        nonisolated(unsafe) private static let slashed = /(?:^|[^\d\/])(\d{1,2})\/(\d{1,2})\/(?:\d{4}|\d{2})(?![\d\/])/
    }

    private struct Parser {
        let tokens: [Token]
        let lexicon: Lexicon
        let order: NumericOrder
        var words: DateWords { lexicon.dateWords }

        // MARK: Spans

        /// The span that starts at token `start`, and the index of the token after it.
        func span(at start: Int) -> (DateSpan, Int)? {
            if startsInsideANumber(start) { return nil }
            var index = start
            var opener: String?
            if let word = word(at: index),
                words.sinceOpeners.contains(word) || words.rangeOpeners.contains(word) || words.betweenOpeners.contains(word)
            {
                opener = word
                index = skippingArticles(from: index + 1)
            }
            // The end alone: "с по 11.06.2027", "по 11.06.2027".
            let leadsToEnd = opener == nil ? word(at: index).map(words.untilOpeners.contains) ?? false : joins(at: index, after: opener)
            if leadsToEnd {
                if let end = date(at: skippingArticles(from: index + 1)), let date = end.calendarDate {
                    return (.until(mention(end, date)), afterClosers(end.next))
                }
                return nil
            }
            guard let first = date(at: index) else { return sinceYear(at: index, after: opener) }

            // The end: after a joiner, or straight after a start in the Kazakh ablative.
            let joinerIndex = first.next
            let joined = first.isPeriodStart || joins(at: joinerIndex, after: opener)
            // "19 қарашадан бастап 29 қарашаға дейін": "бастап" may follow the ablative start.
            let ablativeThenPostposition = first.isPeriodStart && word(at: joinerIndex).map(words.sincePostpositions.contains) == true
            let secondIndex = first.isPeriodStart && !ablativeThenPostposition ? joinerIndex : joinerIndex + 1
            if joined, let second = date(at: skippingArticles(from: secondIndex)) {
                var end = second
                var next = afterClosers(end.next)
                if end.year == nil, first.year == nil, let year = year(at: next) {
                    end.year = year
                    next = afterClosers(afterYearWord(next + 1))
                }
                if let (from, to) = period(first, end) {
                    return (.range(from: mention(first, from), to: mention(end, to)), next)
                }
            }
            guard let date = first.calendarDate else { return nil }
            let found = mention(first, date)
            if joined, let joiner = text(at: joinerIndex), words.rangeJoiners.contains(joiner), joinerIndex + 1 == tokens.count {
                return (.awaitingEnd(found), tokens.count)
            }
            if let word = word(at: joinerIndex), words.sincePostpositions.contains(word) { return (.since(found), joinerIndex + 1) }
            if let word = word(at: joinerIndex), words.untilPostpositions.contains(word), opener == nil { return (.until(found), joinerIndex + 1) }
            if first.isPeriodStart || opener.map(words.sinceOpeners.contains) == true { return (.since(found), first.next) }
            return (.single(found), first.next)
        }

        /// Both ends of a period, each completed from the other; nil unless the end is on or
        /// after the start. A start that writes a later month than the end's but no year is in
        /// the year before ("28 декабря – 5 января 2024").
        func period(_ first: Written, _ second: Written) -> (CalendarDate, CalendarDate)? {
            var start = first
            var end = second
            end.month = end.month ?? start.month
            end.year = end.year ?? start.year
            start.month = start.month ?? end.month
            if start.year == nil, let year = end.year, let startMonth = first.month, let endMonth = end.month {
                start.year = startMonth > endMonth ? year - 1 : year
            } else if start.year == nil {
                start.year = end.year
            }
            guard let from = start.calendarDate, let to = end.calendarDate, to >= from else { return nil }
            return (from, to)
        }

        /// "since 2020", "с 2020 года", "2020 жылдан бастап": a start known only by its year;
        /// "from 2019 to 2021" is a span of years, not dates, and gives nothing.
        func sinceYear(at index: Int, after opener: String?) -> (DateSpan, Int)? {
            guard let year = year(at: index), let date = CalendarDate(year: year, month: 1, day: 1) else { return nil }
            let next = afterYearWord(index + 1)
            let found = DateMention(date: date, start: tokens[index].start, end: tokens[next - 1].end, precision: .year)
            if let word = word(at: next), words.sincePostpositions.contains(word) { return (.since(found), next + 1) }
            guard let opener, words.sinceOpeners.contains(opener) else { return nil }
            if joins(at: next, after: opener), self.year(at: next + 1) != nil { return nil }
            return (.since(found), next)
        }

        func mention(_ written: Written, _ date: CalendarDate) -> DateMention {
            var last = written.next - 1
            while last > written.first, tokens[last].kind == .mark { last -= 1 }
            return DateMention(date: date, start: tokens[written.first].start, end: tokens[last].end)
        }

        /// A dash or a word leading to a period's end ("and" only after "between").
        func joins(at index: Int, after opener: String?) -> Bool {
            guard let text = tokens[safe: index]?.text else { return false }
            if words.rangeJoiners.contains(text) || words.sincePostpositions.contains(text) { return true }
            return opener.map(words.betweenOpeners.contains) == true && words.pairJoiners.contains(text)
        }

        /// A number that continues one before it ("215-2021", the "45" of "123-45-67") starts no date.
        func startsInsideANumber(_ index: Int) -> Bool {
            guard index >= 2, tokens[index].kind == .number else { return false }
            let separator = tokens[index - 1]
            return ".-/".contains(separator.text) && isAttached(index) && isAttached(index - 1) && tokens[index - 2].kind == .number
        }

        // MARK: Dates

        /// The date written from token `index`, in the first form that reads.
        func date(at index: Int) -> Written? {
            guard index < tokens.count, tokens[safe: index - 1]?.text != "№" else { return nil }
            guard var written = yearFirst(at: index) ?? numeric(at: index) ?? dayAndMonth(at: index)
                ?? dayFirst(at: index, takesYear: true) ?? monthFirst(at: index) ?? dayAlone(at: index)
            else { return nil }
            // Kazakh case endings after a dash: "10.02.2022-ден" (from), "11.02.2022-ге" (to).
            if tokens[safe: written.next]?.text == "-", isAttached(written.next), let ending = word(at: written.next + 1), isAttached(written.next + 1) {
                if words.ablativeSuffixes.contains(ending) {
                    written.isPeriodStart = true
                    written.next += 2
                } else if words.dativeSuffixes.contains(ending) {
                    written.next += 2
                }
            }
            return written
        }

        /// "2024 жылғы 12 ақпан", "2024 ж. 1 ақпан", "2023 жылдың 5 мамыры", and the day that
        /// starts a period: "2024 жылғы 12-16 ақпан".
        func yearFirst(at index: Int) -> Written? {
            guard let year = year(at: index), let marker = word(at: index + 1), words.yearWords.contains(marker) else { return nil }
            var next = index + 2
            if text(at: next) == "." { next += 1 }
            guard var written = dayFirst(at: next, takesYear: false) ?? dayAlone(at: next) else { return nil }
            written.year = year
            written.first = index
            return written
        }

        /// "01.02.2023", "12. 02. 2024", "1.2.23", "6/3/2024", "12-02-2024", "2024-03-06". Only
        /// dots may have spaces around them (as OCR leaves them); a two-digit year is written
        /// with dots or slashes, never dashes (those are phone numbers).
        func numeric(at index: Int) -> Written? {
            guard let first = digits(at: index), let separator = text(at: index + 1), ".-/".contains(separator),
                let second = digits(at: index + 2), text(at: index + 3) == separator, let third = digits(at: index + 4)
            else { return nil }
            let isAttachedThroughout = (index + 1...index + 4).allSatisfy(isAttached)
            guard isAttachedThroughout || separator == "." else { return nil }
            if text(at: index + 5) == separator, isAttached(index + 5), digits(at: index + 6) != nil, isAttached(index + 6) { return nil }
            var written: Written
            if first.count == 4, isAttachedThroughout, second.count <= 2, third.count <= 2 {
                written = Written(day: Int(third)!, month: Int(second), year: Int(first), first: index, next: index + 5)
            } else if first.count <= 2, second.count <= 2, third.count == 4 {
                let (day, month) = monthFirst(separator) ? (Int(second)!, Int(first)) : (Int(first)!, Int(second))
                written = Written(day: day, month: month, year: Int(third), first: index, next: index + 5)
            } else if first.count <= 2, second.count <= 2, third.count == 2, separator != "-", isAttachedThroughout {
                let year = Int(third)!
                let (day, month) = monthFirst(separator) ? (Int(second)!, Int(first)) : (Int(first)!, Int(second))
                written = Written(day: day, month: month, year: year < 70 ? 2000 + year : 1900 + year, first: index, next: index + 5)
            } else {
                return nil
            }
            guard written.calendarDate != nil else { return nil }
            written.next = afterYearWord(written.next)
            return written
        }

        private func monthFirst(_ separator: String) -> Bool { separator == "/" && order == .monthFirst }

        /// "12.02", "12.02." or "12/02": a period's start whose year its end gives ("12.02.–16.02.2024").
        func dayAndMonth(at index: Int) -> Written? {
            guard let first = day(at: index), let separator = text(at: index + 1), separator == "." || separator == "/",
                isAttached(index + 1), isAttached(index + 2), let second = day(at: index + 2)
            else { return nil }
            let (day, month) = monthFirst(separator) ? (second, first) : (first, second)
            guard (1...12).contains(month) else { return nil }
            if text(at: index + 3) == separator, isAttached(index + 3), digits(at: index + 4) != nil { return nil }
            var next = index + 3
            if separator == ".", text(at: next) == ".", isAttached(next) { next += 1 }
            return Written(day: day, month: month, first: index, next: next)
        }

        /// "12 февраля 2024 года", "15. Juli 2024", "1er mars 2024", "15th of June 2024",
        /// "6 қарашадан" (a start in the ablative, whose year comes after its end or before it).
        func dayFirst(at index: Int, takesYear: Bool) -> Written? {
            guard let day = day(at: index) else { return nil }
            var next = afterDayMarks(index + 1)
            if let link = word(at: next), words.linkWords.contains(link) { next += 1 }
            guard let name = word(at: next), let month = Months.month(of: Substring(name), in: lexicon) ?? Months.roman(name) else { return nil }
            let isPeriodStart = words.ablativeSuffixes.contains { name.hasSuffix($0) }
            next += 1
            if text(at: next) == "." { next += 1 }
            var written = Written(day: day, month: month, first: index, next: next, isPeriodStart: isPeriodStart)
            guard takesYear, !isPeriodStart else { return written }
            var yearIndex = next
            if let link = word(at: yearIndex), words.linkWords.contains(link) { yearIndex += 1 }
            if let year = year(at: yearIndex) {
                written.year = year
                written.next = afterYearWord(yearIndex + 1)
            }
            return written
        }

        /// "June 15, 2024", "Jun. 15th, 2024", "Dec 3 2023", "February 12" (a start): months
        /// come first only in Latin script.
        func monthFirst(at index: Int) -> Written? {
            guard let name = word(at: index), name.allSatisfy(\.isASCII), let month = Months.month(of: Substring(name), in: lexicon) else { return nil }
            var next = index + 1
            if text(at: next) == "." { next += 1 }
            guard let day = day(at: next) else { return nil }
            if let mark = text(at: next + 1), mark == "." || mark == "/", isAttached(next + 1), digits(at: next + 2) != nil { return nil }
            next += 1
            if let suffix = word(at: next), words.ordinalSuffixes.contains(suffix), isAttached(next) { next += 1 }
            var written = Written(day: day, month: month, first: index, next: next)
            if let year = year(at: next) {
                written.year = year
                written.next = afterYearWord(next + 1)
            }
            return written
        }

        /// "12", "12.", "3rd": a period's first day, whose month and year its end gives.
        func dayAlone(at index: Int) -> Written? {
            guard let day = day(at: index) else { return nil }
            return Written(day: day, first: index, next: afterDayMarks(index + 1))
        }

        // MARK: Tokens

        /// After a day: an ordinal ending written onto it ("15th", "1er") or a dot ("15.").
        func afterDayMarks(_ index: Int) -> Int {
            var next = index
            if let suffix = word(at: next), words.ordinalSuffixes.contains(suffix), isAttached(next) {
                next += 1
            } else if text(at: next) == "-", isAttached(next), let suffix = word(at: next + 1), words.ordinalSuffixes.contains(suffix), isAttached(next + 1) {
                // "12-ші ақпан", "с 12-го по 16-е февраля"
                next += 2
            }
            if text(at: next) == ".", isAttached(next) { next += 1 }
            return next
        }

        /// After a year: "г.", "года", "ж.", "жылғы".
        func afterYearWord(_ index: Int) -> Int {
            guard let word = word(at: index), words.yearWords.contains(word) else { return index }
            return text(at: index + 1) == "." ? index + 2 : index + 1
        }

        /// After a period's end: "дейін", "аралығында", "включительно".
        func afterClosers(_ index: Int) -> Int {
            var next = index
            while let word = word(at: next), words.untilPostpositions.contains(word) || words.periodClosers.contains(word) { next += 1 }
            return next
        }

        func skippingArticles(from index: Int) -> Int {
            var next = index
            while let word = word(at: next), words.articles.contains(word) { next += 1 }
            return next
        }

        func text(at index: Int) -> String? { tokens[safe: index]?.text }

        func word(at index: Int) -> String? {
            guard let token = tokens[safe: index], token.kind == .word else { return nil }
            return token.text
        }

        func digits(at index: Int) -> String? {
            guard let token = tokens[safe: index], token.kind == .number else { return nil }
            return token.text
        }

        func day(at index: Int) -> Int? {
            guard let text = digits(at: index), text.count <= 2, let value = Int(text), (1...31).contains(value) else { return nil }
            return value
        }

        func year(at index: Int) -> Int? {
            guard let text = digits(at: index), text.count == 4, let value = Int(text), (1900...2100).contains(value) else { return nil }
            return value
        }

        /// The token touches the one before it, with no space between.
        func isAttached(_ index: Int) -> Bool {
            guard index > 0, let token = tokens[safe: index] else { return false }
            return tokens[index - 1].end == token.start
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
