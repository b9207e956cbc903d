import CPDRules

/// Finds volumes written next to their unit: "72 академических часов", "Көлемі: 18 сағат",
/// "Duration: 24 hours", "семьдесят два часа", "3 недели", "тестовых вопросов в количестве 150".
enum QuantityFinder {
    enum Unit: CaseIterable {
        case hours, credits, weeks, days, testQuestions, clinicalScenarios

        /// Word stems that name the unit. A stem matches a word that starts with it.
        var stems: [String] {
            switch self {
            case .hours: ["час", "сағат", "сагат", "hour", "hrs", "stunde", "std", "unterrichtsstunde", "zeitstunde", "saat", "heure", "hora", "ore"]
            case .credits: ["кредит", "credit", "ects", "kredi"]
            case .weeks: ["недел", "апта", "week", "woche", "hafta", "semaine", "semana"]
            case .days: ["дня", "дней", "день", "күн", "кун", "day", "tag", "gün", "gun", "jour", "día", "dia"]
            case .testQuestions: ["вопрос", "заданий", "задани", "сұрақ", "сурак", "тапсырма", "question", "item"]
            case .clinicalScenarios: ["сценари", "scenario", "кейс", "case", "ситуационн", "жағдаят"]
            }
        }

        /// Counts of examination material need their context word too: "тестовых вопросов".
        var contextStems: [String]? {
            switch self {
            case .testQuestions: ["тест", "test"]
            default: nil
            }
        }
    }

    /// Words that may stand between a number and its unit: "72 академических часов".
    private static let fillers: [String] = [
        "академ", "акад", "учебн", "аудитор", "академиялық", "академиялы", "оқу", "academic", "contact", "cme",
        "teaching", "training", "unterrichts", "клиническ", "тестов", "test", "клиникалық", "(", ")",
    ]

    struct Token {
        let text: Substring
        let isNumber: Bool
    }

    static func tokens(_ folded: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var currentIsNumber = false
        func flush() {
            if !current.isEmpty { tokens.append(Token(text: Substring(current), isNumber: currentIsNumber)) }
            current = ""
        }
        let characters = Array(folded)
        for (index, character) in characters.enumerated() {
            if character.isASCIIDigit {
                if !currentIsNumber { flush() }
                currentIsNumber = true
                current.append(character)
            } else if (character == "," || character == "."), currentIsNumber, index + 1 < characters.count,
                characters[index + 1].isASCIIDigit, !current.contains(".")
            {
                current.append(".")
            } else if character.isLetter {
                if currentIsNumber { flush() }
                currentIsNumber = false
                current.append(character)
            } else {
                flush()
                if character == ":" || character == "(" || character == ")" { tokens.append(Token(text: Substring(String(character)), isNumber: false)) }
            }
        }
        flush()
        return tokens
    }

    /// The amount stated with `unit` in the line, or nil.
    static func amount(_ unit: Unit, in folded: String) -> Hours? {
        let tokens = tokens(folded)
        let words = tokens.map(\.text)
        for (index, token) in tokens.enumerated() where !token.isNumber && matches(token.text, unit.stems) {
            if let context = unit.contextStems,
                !tokens[max(0, index - 3)..<min(tokens.count, index + 2)].contains(where: { matches($0.text, context) })
            {
                continue
            }
            // Before the unit: "72 академических часов", "семьдесят два часа".
            var back = index - 1
            while back >= 0, back >= index - 3, !tokens[back].isNumber, isFiller(tokens[back].text) { back -= 1 }
            if back >= 0, tokens[back].isNumber, let value = Hours(String(tokens[back].text)), plausible(value, unit) {
                return value
            }
            if back >= 0, let value = NumberWords.number(endingBefore: back + 1, in: words), plausible(Hours(value), unit) {
                return Hours(value)
            }
            // After the unit: "часов: 72", "вопросов в количестве 150", "hours - 24".
            for ahead in (index + 1)..<min(tokens.count, index + 5) where tokens[ahead].isNumber {
                if let value = Hours(String(tokens[ahead].text)), plausible(value, unit) { return value }
                break
            }
        }
        return nil
    }

    private static func matches(_ word: Substring, _ stems: [String]) -> Bool {
        stems.contains { word.hasPrefix($0) && word.count - $0.count <= 9 }
    }

    private static func isFiller(_ word: Substring) -> Bool {
        fillers.contains { word.hasPrefix($0) }
    }

    /// Rejects numbers that cannot be the volume: a year, a registration number.
    private static func plausible(_ value: Hours, _ unit: Unit) -> Bool {
        guard value.thousandths > 0 else { return false }
        let limit =
            switch unit {
            case .hours: 3000
            case .credits: 120
            case .weeks: 104
            case .days: 366
            case .testQuestions, .clinicalScenarios: 100_000
            }
        return value <= Hours(limit) && (value.isWhole || unit == .hours || unit == .credits)
    }
}
