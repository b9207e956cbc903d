/// Month names in the languages documents arrive in: the lexicon's `months`, lowercase prefixes
/// long enough to be unambiguous in every grammatical case ("апрел" covers апрель, апреля, апреле).
enum Months {
    /// The month a word names, or nil. The word must start with a known prefix and not run on
    /// for long after it (so "марта" is March but "мартен" is not a month; Kazakh case endings
    /// such as "қарашадан" are longer).
    static func month(of word: Substring, in lexicon: Lexicon = .standard) -> Int? {
        let word = word.lowercased()
        for entry in lexicon.monthPrefixes where word.hasPrefix(entry.text) {
            let extra = word.count - entry.text.count
            if extra <= 4 || entry.text.count >= 5 && extra <= 8 { return Int(entry.value) }
        }
        return nil
    }
}
