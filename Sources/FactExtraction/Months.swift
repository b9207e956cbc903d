/// Month names in the languages documents arrive in: the lexicon's `months`, lowercase prefixes
/// long enough to be unambiguous in every grammatical case ("апрел" covers апрель, апреля, апреле).
enum Months {
    /// The month a word names, or nil. The word must start with a known prefix and not run on
    /// for long after it: up to four letters of ending ("марта", "мартовский" is not a month),
    /// eight after a prefix of five letters or more (Kazakh "қарашадан", "қазандағы"). The
    /// grammar asks only of words that stand between a day and a year.
    static func month(of word: Substring, in lexicon: Lexicon) -> Int? {
        let word = word.lowercased()
        for entry in lexicon.monthPrefixes where word.hasPrefix(entry.text) {
            let extra = word.count - entry.text.count
            if extra <= 4 || entry.text.count >= 5 && extra <= 8 { return Int(entry.value) }
        }
        return nil
    }

    /// A month in Roman numerals, as Russian and Kazakh offices still write it ("12.II.2024",
    /// "12 XI 2023"); Cyrillic look-alikes (Х, І) as OCR and typists leave them.
    static func roman(_ word: String) -> Int? {
        let latin = String(word.lowercased().map { $0 == "х" ? "x" : $0 == "і" ? "i" : $0 })
        return romanNumerals.firstIndex(of: latin).map { $0 + 1 }
    }

    private static let romanNumerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
}
