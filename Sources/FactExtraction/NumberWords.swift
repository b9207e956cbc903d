/// Numbers written in words ("семьдесят два", "жетпіс екі", "seventy-two"), as some
/// certificates state their hours. The words are the lexicon's `number-words` (stems that cover
/// the oblique cases: "семидесяти двух") and `whole-number-words` (short words that must match
/// whole, so "онлайн" is not "он").
enum NumberWords {
    static func value(of word: Substring, _ lexicon: Lexicon) -> Int? {
        let word = word.lowercased()
        if let whole = lexicon.list("whole-number-words").first(where: { $0.text == word }) { return Int(whole.value) }
        // Longer stems first: "семьдесят" before "сем".
        for entry in lexicon.numberStems where word.hasPrefix(entry.text) && word.count - entry.text.count <= 4 {
            return Int(entry.value)
        }
        return nil
    }

    /// The number spelled by the run of number words that ends right before `index`
    /// (exclusive): ["в", "объеме", "семьдесят", "два"] before "часа" gives 72. Hyphenated
    /// words ("seventy-two") are split first by the caller.
    static func number(endingBefore index: Int, in words: [Substring], _ lexicon: Lexicon) -> Int? {
        var start = index
        while start > 0, value(of: words[start - 1], lexicon) != nil { start -= 1 }
        guard start < index else { return nil }
        var total = 0
        for word in words[start..<index] {
            let value = value(of: word, lexicon)!
            total = value == 100 ? max(total, 1) * 100 : total + value
        }
        return total
    }
}
