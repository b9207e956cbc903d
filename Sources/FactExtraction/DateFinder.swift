import CPDRules

/// A date written somewhere in a line, and what surrounds it.
struct DateMention: Hashable {
    let date: CalendarDate
    /// Character offsets of the date's text in the line's folded text.
    let start: Int
    let end: Int
}

/// Finds dates in the many ways documents write them: 01.02.2023, 2023-02-01, «01» февраля
/// 2023 года, 2023 жылғы 1 ақпан, June 15, 2024, 15. Juli 2024, and day ranges that share a
/// month (12–13 апреля 2023, 21-23 January 2026).
enum DateFinder {
    static func dates(in folded: String) -> [DateMention] {
        let tokens = tokenize(folded)
        var mentions: [DateMention] = []
        var index = 0
        while index < tokens.count {
            if let (found, consumed) = match(tokens, at: index) {
                mentions += found
                index += consumed
            } else {
                index += 1
            }
        }
        return mentions
    }

    /// A word, a number or a separator, with its offsets in the line.
    struct Token {
        enum Kind { case number, word, dash, other }
        let text: Substring
        let kind: Kind
        let start: Int
        let end: Int
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isASCIIDigit {
                while index < characters.count, characters[index].isASCIIDigit { index += 1 }
                tokens.append(Token(text: Substring(String(characters[start..<index])), kind: .number, start: start, end: index))
            } else if character.isLetter {
                while index < characters.count, characters[index].isLetter { index += 1 }
                tokens.append(Token(text: Substring(String(characters[start..<index])), kind: .word, start: start, end: index))
            } else {
                index += 1
                if character == " " || character == "\"" || character == "'" || character == "," { continue }
                tokens.append(Token(text: Substring(String(character)), kind: character == "-" ? .dash : .other, start: start, end: index))
            }
        }
        return tokens
    }

    /// Tries every written form at `index`; returns the dates and how many tokens they used.
    private static func match(_ tokens: [Token], at index: Int) -> ([DateMention], Int)? {
        let token = tokens[index]
        func at(_ offset: Int) -> Token? { tokens.indices.contains(index + offset) ? tokens[index + offset] : nil }
        func mention(_ date: CalendarDate?, _ first: Token, _ last: Token) -> DateMention? {
            date.map { DateMention(date: $0, start: first.start, end: last.end) }
        }

        // "01.02.2023", "2023-02-01", "1/2/23": five tokens written without spaces.
        if token.kind == .number, let separator = at(1), ".-/".contains(separator.text), let middle = at(2),
            let second = at(3), second.text == separator.text, let last = at(4),
            token.end == separator.start, separator.end == middle.start, middle.end == second.start, second.end == last.start,
            middle.kind == .number, last.kind == .number,
            let date = numericDate(first: token.text, middle: middle.text, last: last.text, separator: separator.text)
        {
            return ([DateMention(date: date, start: token.start, end: last.end)], 5)
        }
        // "2023 жылғы 1 ақпан", "2023 ж. 1 ақпан"
        if token.kind == .number, let year = year(token.text), let marker = at(1), marker.kind == .word,
            marker.text.hasPrefix("ж"), marker.text.count <= 6
        {
            var offset = 2
            if at(offset)?.text == "." { offset += 1 }
            if let dayToken = at(offset), let day = day(dayToken.text), let monthToken = at(offset + 1),
                monthToken.kind == .word, let month = Months.month(of: monthToken.text),
                let found = mention(CalendarDate(year: year, month: month, day: day), token, monthToken)
            {
                return ([found], offset + 2)
            }
        }
        // "12", "12-13", "12.-13." then month name then year: "«01» февраля 2023", "21-23 January 2026"
        if token.kind == .number, let firstDay = day(token.text.trimmingDots) {
            var offset = 1
            if at(offset)?.text == "." { offset += 1 }
            var lastDay: Int?
            if at(offset)?.kind == .dash, let next = at(offset + 1), let second = day(next.text.trimmingDots) {
                lastDay = second
                offset += 2
                if at(offset)?.text == "." { offset += 1 }
            }
            if let monthToken = at(offset), monthToken.kind == .word, let month = Months.month(of: monthToken.text),
                let yearToken = at(offset + 1), let year = year(yearToken.text)
            {
                let end = CalendarDate(year: year, month: month, day: lastDay ?? firstDay)
                guard let start = CalendarDate(year: year, month: month, day: firstDay), let end else { return nil }
                if lastDay != nil, end > start {
                    return ([DateMention(date: start, start: token.start, end: token.end), DateMention(date: end, start: token.start, end: yearToken.end)], offset + 2)
                }
                return ([DateMention(date: start, start: token.start, end: yearToken.end)], offset + 2)
            }
        }
        // "June 15, 2024", "Dec 3 2023", "March 3–4, 2025"
        if token.kind == .word, let month = Months.month(of: token.text), let dayToken = at(1), let day = day(dayToken.text) {
            if let yearToken = at(2), let year = year(yearToken.text),
                let found = mention(CalendarDate(year: year, month: month, day: day), token, yearToken)
            {
                return ([found], 3)
            }
            if at(2)?.kind == .dash, let lastToken = at(3), let last = self.day(lastToken.text), let yearToken = at(4),
                let year = year(yearToken.text), let start = CalendarDate(year: year, month: month, day: day),
                let end = CalendarDate(year: year, month: month, day: last), end > start
            {
                return ([DateMention(date: start, start: token.start, end: token.start), DateMention(date: end, start: token.start, end: yearToken.end)], 5)
            }
        }
        return nil
    }

    /// d.m.yyyy, dd/mm/yyyy, d.m.yy, yyyy-mm-dd, yyyy.mm.dd (day first: the order used in
    /// Kazakhstan and Europe; a month-first US date is read as day-first only when that exists).
    static func numericDate(first: Substring, middle: Substring, last: Substring, separator: Substring) -> CalendarDate? {
        guard let a = Int(first), let b = Int(middle), let c = Int(last), middle.count <= 2 else { return nil }
        if first.count == 4 { return CalendarDate(year: a, month: b, day: c) }
        guard first.count <= 2 else { return nil }
        switch last.count {
        case 4: return CalendarDate(year: c, month: b, day: a)
        case 2 where separator == ".": return CalendarDate(year: c < 70 ? 2000 + c : 1900 + c, month: b, day: a)
        default: return nil
        }
    }

    static func day(_ text: Substring) -> Int? {
        guard text.count <= 2, let value = Int(text), (1...31).contains(value) else { return nil }
        return value
    }

    static func year(_ text: Substring) -> Int? {
        guard text.count == 4, let value = Int(text), (1900...2100).contains(value) else { return nil }
        return value
    }
}

extension Substring {
    var trimmingDots: Substring {
        var text = self
        while text.last == "." { text = text.dropLast() }
        return text
    }
}
