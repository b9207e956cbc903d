import CPDRules

/// A grammar of volumes: a number and its unit in either order, with the words that may stand
/// between them. "72 академических часов", "18 ак. ч.", "Көлемі: 18 сағат", "Duration: 24 hours",
/// "60 (шестьдесят) часов", "семьдесят два часа", "часов: 72", "тестовых вопросов в количестве
/// 150", "AMA PRA Category 1 Credits™: 12". Units, the words between and the labels are the
/// lexicon's `units`, `unit-fillers`, `unit-context` and `volume-labels`.
///
/// A unit written in several words ("ак.ч", "category 1 credit") is matched as a whole before
/// its parts, so the "1" of "Category 1 Credits" is not a volume.
enum QuantityFinder {
    /// A volume read from a line, with the lexicon entry of its unit.
    struct Amount {
        let unit: Lexicon.Unit
        let value: Hours
        let entry: Lexicon.Entry
    }

    struct Token {
        enum Kind { case number, word, mark }
        let text: Substring
        let kind: Kind
        var isNumber: Bool { kind == .number }
    }

    /// Numbers (a decimal comma or point inside), words, and the marks that matter between a
    /// number and its unit: ( ) : - . /
    static func tokens(_ folded: String) -> [Token] {
        var tokens: [Token] = []
        let characters = folded.characterArray
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isASCIIDigit {
                var text = ""
                while index < characters.count {
                    let current = characters[index]
                    if current.isASCIIDigit {
                        text.append(current)
                    } else if current == "," || current == ".", !text.contains("."), index + 1 < characters.count,
                        characters[index + 1].isASCIIDigit, index + 2 >= characters.count || !characters[index + 2].isASCIIDigit
                            || characters[index + 2].isASCIIDigit && (index + 3 >= characters.count || !characters[index + 3].isASCIIDigit)
                    {
                        // "4,5" and "1.25", but not "01.02" of a date nor "1.000" of a thousand.
                        if current == "." && isDatePart(characters, at: index) { break }
                        text.append(".")
                    } else {
                        break
                    }
                    index += 1
                }
                tokens.append(Token(text: Substring(text), kind: .number))
            } else if character.isLetter {
                while index < characters.count, characters[index].isLetter { index += 1 }
                tokens.append(Token(text: Substring(String(characters[start..<index])), kind: .word))
            } else {
                index += 1
                if "():-./=".contains(character) { tokens.append(Token(text: Substring(String(character)), kind: .mark)) }
            }
        }
        return tokens
    }

    /// The text with what stands between double quotes blanked out (most lines have no quote).
    static func outsideQuotes(_ folded: String) -> String {
        guard folded.utf8.contains(UInt8(ascii: "\"")) else { return folded }
        var inside = false
        return String(folded.map { character -> Character in
            if character == "\"" { inside.toggle(); return " " }
            return inside ? " " : character
        })
    }

    /// The tokens of two lines joined by a space, from each line's own, or nil when they must be
    /// made again. No token runs over a space, and a number looks no further ahead than one: the
    /// joined line's tokens are the two lists one after the other, provided no quote is left open
    /// at the end of the first line (it would blank the second) and every scalar of both lines is
    /// a character of its own (else the space could join the next character).
    static func joinedTokens(_ first: String, _ firstTokens: [Token], _ second: String, _ secondTokens: [Token]) -> [Token]? {
        guard first.utf8.count(where: { $0 == UInt8(ascii: "\"") }).isMultiple(of: 2),
            first.unicodeScalars.allSatisfy(\.standsAlone), second.unicodeScalars.allSatisfy(\.standsAlone)
        else { return nil }
        return firstTokens + secondTokens
    }

    /// "01.02.2023": the point after "01" belongs to a date.
    private static func isDatePart(_ characters: [Character], at index: Int) -> Bool {
        var next = index + 1
        while next < characters.count, characters[next].isASCIIDigit { next += 1 }
        return next < characters.count && (characters[next] == "." || characters[next] == "/")
    }

    /// Every volume the line states, in the order of their units. A quoted title ("Management of
    /// the First 72 Hours After Stroke", «Тәуліктік (24 сағаттық) ЭКГ») states none.
    static func amounts(in folded: String, _ lexicon: Lexicon) -> [Amount] {
        amounts(in: tokens(outsideQuotes(folded)), lexicon)
    }

    /// Every volume stated by the tokens of a line, its quoted parts blanked out.
    static func amounts(in tokens: [Token], _ lexicon: Lexicon) -> [Amount] {
        var amounts: [Amount] = []
        var index = 0
        while index < tokens.count {
            guard let (unit, entry, length) = unit(at: index, in: tokens, lexicon) else {
                index += 1
                continue
            }
            defer { index += length }
            if let context = lexicon.unitContext(unit), !context.isEmpty,
                !tokens[max(0, index - 3)..<min(tokens.count, index + length + 1)].contains(where: { token in context.contains { matches(token.text, $0) } })
            {
                continue
            }
            let isAbbreviation = length == 1 && tokens[index].text.count <= 2
            if let value = number(before: index, in: tokens, lexicon) ?? (isAbbreviation ? nil : number(after: index + length, in: tokens)),
                plausible(value, unit)
            {
                amounts.append(Amount(unit: unit, value: value, entry: entry))
            }
        }
        return amounts
    }

    /// The first amount stated with `unit` in the line, or nil.
    static func amount(_ unit: Lexicon.Unit, in folded: String, _ lexicon: Lexicon = .standard) -> Hours? {
        amounts(in: folded, lexicon).first { $0.unit == unit }?.value
    }

    /// The longest unit written at `index`: its kind, entry and number of tokens. The words of a
    /// unit may be parted by marks ("ак. ч.", "CME-credits").
    private static func unit(at index: Int, in tokens: [Token], _ lexicon: Lexicon) -> (Lexicon.Unit, Lexicon.Entry, Int)? {
        guard tokens[index].kind == .word, let firstByte = tokens[index].text.utf8.first else { return nil }
        var best: (Lexicon.Unit, Lexicon.Entry, Int)?
        // Only the units whose first word begins with the word's first byte can match.
        for (unit, entry, words) in lexicon.unitsByFirstByte[Int(firstByte)] {
            guard let length = span(of: words, at: index, in: tokens), length > best?.2 ?? 0 else { continue }
            // "ч. 2 ст. 5" is a part of a law, not hours: a bare abbreviation is followed by no number.
            if words.count == 1, words[0].count <= 2, nextNumber(after: index + length, in: tokens) { continue }
            best = (unit, entry, length)
        }
        return best
    }

    /// How many tokens `words` take from `index`, with single marks between them; nil when they do not match.
    private static func span(of words: [String], at index: Int, in tokens: [Token]) -> Int? {
        var position = index
        for (number, word) in words.enumerated() {
            if number > 0, position < tokens.count, tokens[position].kind == .mark { position += 1 }
            guard position < tokens.count, tokens[position].kind != .mark, matches(tokens[position].text, word) else { return nil }
            position += 1
        }
        return position - index
    }

    private static func nextNumber(after index: Int, in tokens: [Token]) -> Bool {
        var next = index
        while next < tokens.count, tokens[next].text == "." { next += 1 }
        return next < tokens.count && tokens[next].isNumber
    }

    /// "72 академических часов", "60 (шестьдесят) часов", "семьдесят два часа".
    private static func number(before index: Int, in tokens: [Token], _ lexicon: Lexicon) -> Hours? {
        var back = index - 1
        while back >= 0, back >= index - 4, tokens[back].kind != .number, isFiller(tokens[back], lexicon) { back -= 1 }
        guard back >= 0 else { return nil }
        if tokens[back].isNumber {
            // "1-2 часа" is no single volume; "2023 - 72 часа" is a year, and plausibility rejects it.
            if back >= 2, tokens[back - 1].text == "-", tokens[back - 2].isNumber { return nil }
            return Hours(String(tokens[back].text))
        }
        let words = tokens.map(\.text)
        return NumberWords.number(endingBefore: back + 1, in: words, lexicon).map { Hours($0) }
    }

    /// "часов: 72", "вопросов в количестве 150", "hours - 24": the first number within four tokens.
    private static func number(after index: Int, in tokens: [Token]) -> Hours? {
        for ahead in index..<min(tokens.count, index + 4) where tokens[ahead].isNumber {
            // "часов 01.02.2023": a date, not a volume.
            if ahead + 1 < tokens.count, tokens[ahead + 1].text == ".", ahead + 2 < tokens.count, tokens[ahead + 2].isNumber { return nil }
            return Hours(String(tokens[ahead].text))
        }
        return nil
    }

    /// A word of two letters or fewer matches whole ("ч", "h"); a longer one starts the word
    /// ("час" in "часов"), which may run on for a case ending.
    /// Compared as UTF-8 and counted in scalars: both sides are normalised (NFC), and this runs
    /// for every word against every unit.
    static func matches(_ word: Substring, _ stem: String) -> Bool {
        let stemLength = stem.unicodeScalars.count
        if stemLength <= 2 || stem.utf8.first.map({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) == true {
            return word.utf8.elementsEqual(stem.utf8)
        }
        return word.utf8.starts(with: stem.utf8) && word.unicodeScalars.count - stemLength <= 9
    }

    private static func isFiller(_ token: Token, _ lexicon: Lexicon) -> Bool {
        // "(60 ак.ч.)", "a 10-day internship"
        token.kind == .mark ? "().-".contains(token.text) : lexicon.list("unit-fillers").contains { matches(token.text, $0.text) }
    }

    /// Rejects numbers that cannot be the volume: a year, a registration number.
    private static func plausible(_ value: Hours, _ unit: Lexicon.Unit) -> Bool {
        guard value.thousandths > 0 else { return false }
        let limit =
            switch unit {
            case .hours: 3000
            case .credits, .cmeCredits: 120
            case .weeks: 104
            case .days: 366
            case .testQuestions, .clinicalScenarios: 100_000
            }
        return value <= Hours(limit) && (value.isWhole || [.hours, .credits, .cmeCredits].contains(unit))
    }

    /// A line that labels a volume ("Объем:", "Трудоемкость", "Көлемі") and holds a number, where
    /// no volume was read: the document may state one the reader does not understand.
    static func unreadVolume(in folded: String, _ lexicon: Lexicon) -> Lexicon.Entry? {
        guard let label = lexicon.first(in: lexicon.list("volume-labels"), of: folded), amounts(in: folded, lexicon).isEmpty else { return nil }
        let tail = folded[folded.range(ofLiteral: label.text)!.upperBound...]
        let numbers = tokens(String(tail)).filter(\.isNumber).compactMap { Int($0.text.prefix { $0 != "." }) }
        return numbers.contains(where: { $0 > 0 && !(1900...2100).contains($0) }) ? label : nil
    }
}

extension Lexicon {
    /// Words one of which must stand near a unit for it to count ("тестовых вопросов").
    func unitContext(_ unit: Unit) -> [String]? {
        let words = group("unit-context", unit.rawValue).map(\.text)
        return words.isEmpty ? nil : words
    }
}
