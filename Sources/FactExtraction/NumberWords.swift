/// Numbers written in words ("семьдесят два", "жетпіс екі", "seventy-two"), as some
/// certificates state their hours.
enum NumberWords {
    /// Word stems and their values. Russian stems cover the oblique cases ("семидесяти двух").
    private static let stems: [(stem: String, value: Int)] = [
        // Russian
        ("одн", 1), ("один", 1), ("два", 2), ("две", 2), ("двух", 2), ("три", 3), ("трех", 3), ("трёх", 3),
        ("четыр", 4), ("пят", 5), ("шест", 6), ("сем", 7), ("восем", 8), ("восьм", 8), ("девят", 9),
        ("десят", 10), ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14),
        ("пятнадцат", 15), ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19),
        ("двадцат", 20), ("тридцат", 30), ("сорок", 40), ("пятьдесят", 50), ("пятидесят", 50),
        ("шестьдесят", 60), ("шестидесят", 60), ("семьдесят", 70), ("семидесят", 70), ("восемьдесят", 80),
        ("восьмидесят", 80), ("девяност", 90), ("сто", 100), ("двест", 200), ("двухсот", 200),
        ("трист", 300), ("трехсот", 300), ("четырест", 400), ("пятьсот", 500), ("пятисот", 500),
        // Kazakh
        ("бір", 1), ("екі", 2), ("үш", 3), ("төрт", 4), ("бес", 5), ("алты", 6), ("жеті", 7), ("сегіз", 8),
        ("тоғыз", 9), ("он", 10), ("жиырма", 20), ("отыз", 30), ("қырық", 40), ("елу", 50), ("алпыс", 60),
        ("жетпіс", 70), ("сексен", 80), ("тоқсан", 90), ("жүз", 100),
        // English
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
        ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13),
        ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18),
        ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60),
        ("seventy", 70), ("eighty", 80), ("ninety", 90), ("hundred", 100),
    ].sorted { $0.stem.count > $1.stem.count }

    /// Words that are exactly a number word (not just starting like one): the short Kazakh and
    /// English words must match whole, so "онлайн" is not "он".
    private static let wholeOnly: Set<String> = ["он", "бес", "үш", "екі", "бір", "one", "two", "ten", "six", "сто", "сем"]

    static func value(of word: Substring) -> Int? {
        let word = word.lowercased()
        for (stem, value) in stems where word.hasPrefix(stem) {
            if wholeOnly.contains(stem) ? word == stem || (stem == "сто" && word == "ста") : word.count - stem.count <= 4 {
                // "семь" must not swallow "семьдесят": longer stems come first.
                return value
            }
        }
        return nil
    }

    /// The number spelled by the run of number words that ends right before `index`
    /// (exclusive): ["в", "объеме", "семьдесят", "два"] before "часа" gives 72. Hyphenated
    /// words ("seventy-two") are split first by the caller.
    static func number(endingBefore index: Int, in words: [Substring]) -> Int? {
        var start = index
        while start > 0, value(of: words[start - 1]) != nil { start -= 1 }
        guard start < index else { return nil }
        var total = 0
        for word in words[start..<index] {
            let value = value(of: word)!
            total = value == 100 ? max(total, 1) * 100 : total + value
        }
        return total
    }
}
