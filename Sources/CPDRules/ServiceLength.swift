/// A length of service in years, months and days, as items 3 and 4 of the Appendix 2 form state
/// it ("жалпы еңбек өтілі (жыл, ай, күн)").
///
/// HR services type it in words of any of the forms' languages ("18 лет 2 месяца 15 дней",
/// "18 жыл 2 ай 15 күн", "18 years 2 months 15 days", abbreviated "18 л. 2 мес. 15 дн."), as
/// numbers ("18.2.15") or in ISO 8601 ("P18Y2M15D"); the value is kept as numbers so that each
/// form writes it in its own language.
public struct ServiceLength: Sendable, Hashable, Codable, CustomStringConvertible, LosslessStringConvertible {
    public let years: Int
    public let months: Int
    public let days: Int

    /// Months below 12 and days below 31: a longer part is written as the next unit.
    public init?(years: Int, months: Int, days: Int) {
        guard years >= 0, (0..<12).contains(months), (0..<31).contains(days) else { return nil }
        self.years = years
        self.months = months
        self.days = days
    }

    /// Why a text is not a length of service.
    public struct Unreadable: Error, Sendable, Equatable, CustomStringConvertible {
        public let text: String
        public let reason: String

        public var description: String {
            "cannot read \"\(text)\" as a length of service: \(reason); write it as \"18 лет 2 месяца 15 дней\", "
                + "\"18 жыл 2 ай 15 күн\", \"18 years 2 months 15 days\", \"18.2.15\" or \"P18Y2M15D\""
        }
    }

    enum Unit: Int, CaseIterable {
        case years, months, days

        var name: String { "\(self)" }
    }

    /// The words of each unit, lowercase, without a final point. Russian declines after numbers
    /// (год, года, лет); Kazakh does not (жыл); English has singular and plural.
    static let unitWords: [String: Unit] = {
        let words: [Unit: [String]] = [
            .years: ["год", "года", "лет", "г", "л", "жыл", "ж", "year", "years", "yr", "yrs", "y"],
            .months: ["месяц", "месяца", "месяцев", "мес", "мц", "ай", "month", "months", "mo", "mos", "m"],
            .days: ["день", "дня", "дней", "дн", "д", "күн", "к", "day", "days", "d"],
        ]
        return Dictionary(uniqueKeysWithValues: words.flatMap { unit, list in list.map { ($0, unit) } })
    }()

    /// Words that join the parts ("18 лет и 2 месяца", "2 ай және 3 күн").
    static let joiners: Set<String> = ["и", "және", "and"]

    public init(parsing text: String) throws(Unreadable) {
        let trimmed = String(text.trimmingSpaces)
        func fail(_ reason: String) -> Unreadable { Unreadable(text: trimmed, reason: reason) }
        guard !trimmed.isEmpty else { throw fail("it is empty") }
        var parts: [Unit: Int] = [:]
        if let iso = Self.iso8601(trimmed) {
            parts = iso
        } else if let numeric = Self.numeric(trimmed) {
            parts = numeric
        } else {
            // Words: a number, then its unit ("18 лет", "18л.", "2 мес."), parts apart by spaces, commas or "и".
            var tokens: [String] = []
            var current = ""
            var lastWasDigit = false
            for character in trimmed.lowercased() {
                let isDigit = character.isASCII && character.isNumber
                if character.isWhitespace || character == "," || character == ";" || (!current.isEmpty && isDigit != lastWasDigit) {
                    if !current.isEmpty { tokens.append(current) }
                    current = ""
                }
                if !(character.isWhitespace || character == "," || character == ";") { current.append(character) }
                lastWasDigit = isDigit
            }
            if !current.isEmpty { tokens.append(current) }
            tokens = tokens.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty && !Self.joiners.contains($0) }
            var index = 0
            var lastUnit: Unit?
            while index < tokens.count {
                guard let number = Int(tokens[index]), tokens[index].allSatisfy(\.isASCII) else {
                    throw fail("\"\(tokens[index])\" is not a number written in digits")
                }
                guard index + 1 < tokens.count else { throw fail("the number \(number) has no unit (years, months or days)") }
                guard let unit = Self.unitWords[tokens[index + 1]] else {
                    throw fail("\"\(tokens[index + 1])\" is not years, months or days")
                }
                guard parts[unit] == nil else { throw fail("it states the \(unit.name) twice") }
                if let lastUnit, lastUnit.rawValue > unit.rawValue { throw fail("the \(unit.name) come after the \(lastUnit.name)") }
                parts[unit] = number
                lastUnit = unit
                index += 2
            }
        }
        let years = parts[.years] ?? 0
        let months = parts[.months] ?? 0
        let days = parts[.days] ?? 0
        guard months < 12 else { throw fail("\(months) months is a year or more: count it in the years") }
        guard days < 31 else { throw fail("\(days) days is a month or more: count it in the months") }
        self.init(years: years, months: months, days: days)!
    }

    /// "P18Y2M15D": at least one part, each once, in order.
    static func iso8601(_ text: String) -> [Unit: Int]? {
        let upper = text.uppercased()
        guard upper.hasPrefix("P"), upper.count > 1 else { return nil }
        var parts: [Unit: Int] = [:]
        var digits = ""
        var last = -1
        for character in upper.dropFirst() {
            if character.isASCII && character.isNumber {
                digits.append(character)
                continue
            }
            let unit: Unit? = character == "Y" ? .years : character == "M" ? .months : character == "D" ? .days : nil
            guard let unit, let number = Int(digits), unit.rawValue > last else { return nil }
            parts[unit] = number
            last = unit.rawValue
            digits = ""
        }
        return digits.isEmpty && !parts.isEmpty ? parts : nil
    }

    /// "18.2.15", "18-02-15", "18/2/15": years, months, days.
    static func numeric(_ text: String) -> [Unit: Int]? {
        let numbers = text.split(whereSeparator: { ".-/:".contains($0) }).map(String.init)
        guard numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return [.years: Int(numbers[0])!, .months: Int(numbers[1])!, .days: Int(numbers[2])!]
    }

    /// ISO 8601, without the parts that are zero ("P18Y2M15D", "P5Y", "P0D").
    public var description: String {
        let parts = [(years, "Y"), (months, "M"), (days, "D")].filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }
        return "P" + (parts.isEmpty ? "0D" : parts.joined())
    }

    public init?(_ description: String) {
        guard let length = try? ServiceLength(parsing: description) else { return nil }
        self = length
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try ServiceLength(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
