import Foundation

/// A person's name as a register holds it (Cyrillic, nominative: surname, given name,
/// patronymic) and the ways documents print it: declined («Выдано Искаковой Мадине Асановне»),
/// with initials («Искакова М.А.»), or in Latin letters in either order («Madina Iskakova»,
/// «Iskakova M.A.»), under any of the transliteration systems in use.
public struct PersonName: Sendable, Hashable, CustomStringConvertible {
    public let surname: String
    public let givenName: String?
    public let patronymic: String?

    /// Reads "Фамилия Имя Отчество" (the register's order); nil for fewer than two words.
    public init?(registerName: String) {
        let words = Self.words(registerName)
        guard words.count >= 2 else { return nil }
        surname = words[0]
        givenName = words[1]
        patronymic = words.count > 2 ? words[2...].joined(separator: " ") : nil
    }

    public var description: String { [surname, givenName, patronymic].compactMap { $0 }.joined(separator: " ") }

    /// How well a printed name matches this person.
    public enum Match: String, Sendable, Codable {
        /// Surname and given name (or its initial) agree; the patronymic does too where printed.
        case same
        /// The printed name is someone else's.
        case different
        /// Too little is printed to tell (a surname alone, or initials that fit but prove little).
        case uncertain
    }

    /// Compares a name as printed on a document with this person.
    public func match(printed: String) -> Match {
        let words = Self.words(printed)
        guard !words.isEmpty else { return .uncertain }
        let initials = words.filter(Self.isInitials).flatMap(Self.letters)
        let full = words.filter { !Self.isInitials($0) }
        // The surname may stand first (register order) or last (Latin "Madina Iskakova").
        guard let surnameIndex = full.firstIndex(where: { Self.sameWord($0, surname) }) else {
            return full.isEmpty ? .uncertain : .different
        }
        var others = full
        others.remove(at: surnameIndex)
        var agreements = 0
        for (index, word) in others.enumerated() {
            let matchesGiven = givenName.map { Self.sameWord(word, $0) } ?? false
            let matchesPatronymic = patronymic.map { Self.sameWord(word, $0) } ?? false
            if matchesGiven || matchesPatronymic {
                agreements += 1
            } else if index == 0 || Self.looksLikePatronymic(word) {
                return .different
            }
        }
        if !initials.isEmpty {
            let expected = [givenName, patronymic].compactMap { $0 }
            for (initial, name) in zip(initials, expected) where Self.initialLetters(String(initial)).isDisjoint(with: Self.initialLetters(name)) {
                return .different
            }
            agreements += 1
        }
        return agreements > 0 ? .same : .uncertain
    }

    /// This person's name where the text prints it, in any form `match` accepts: a run of two
    /// to four capitalised words or initials ("…, что Искакова Мадина Асановна прошла…",
    /// "Dr. Madina Iskakova"), or nil.
    public func occurrence(in text: String) -> String? {
        let words = text.split { $0 == " " || $0 == "," || $0 == "\u{00A0}" }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "«»\"():;")) }
        func isNameLike(_ word: String) -> Bool {
            guard let first = word.first, first.isUppercase else { return false }
            return Self.isInitials(word) || word.dropFirst().allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" }
        }
        var start = 0
        while start < words.count {
            guard isNameLike(words[start]) else { start += 1; continue }
            var end = start
            while end < words.count, end - start < 4, isNameLike(words[end]) { end += 1 }
            // The longest run first, down to two words: "Искакова Мадина Асановна" before "Искакова Мадина".
            for length in stride(from: end - start, through: 2, by: -1) {
                for offset in 0...(end - start - length) {
                    let candidate = words[(start + offset)..<(start + offset + length)].joined(separator: " ")
                    if match(printed: candidate) == .same { return candidate }
                }
            }
            start = end
        }
        return nil
    }

    // MARK: Words

    static func words(_ text: String) -> [String] {
        // "М.А." and "M. A." are initials; split on spaces and commas but keep "М.А." together.
        text.split { $0 == " " || $0 == "," || $0 == "\u{00A0}" }.map(String.init).filter { $0.contains(where: \.isLetter) }
    }

    static func isInitials(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        return !letters.isEmpty && letters.count <= 3 && word.contains(".") && letters.allSatisfy(\.isUppercase)
    }

    static func letters(_ word: String) -> [Character] { word.filter(\.isLetter).map { $0 } }

    static func looksLikePatronymic(_ word: String) -> Bool {
        let lower = word.lowercased()
        return ["овна", "евна", "ична", "инична", "ович", "евич", "ич", "кызы", "қызы", "улы", "ұлы", "uly", "kyzy", "ovna", "evna", "ovich", "evich"]
            .contains { lower.hasSuffix($0) || lower.dropLast(2).hasSuffix($0) || lower.dropLast(1).hasSuffix($0) }
    }

    /// Two spellings of one name word: equal skeletons, or one a declined form of the other
    /// (a common stem with a short case ending), or one transliteration away.
    static func sameWord(_ printed: String, _ registered: String) -> Bool {
        let a = skeleton(printed)
        let b = skeleton(registered)
        guard !a.isEmpty, !b.isEmpty else { return false }
        if a == b { return true }
        let common = zip(a, b).prefix { $0 == $1 }.count
        let shorter = min(a.count, b.count)
        // Declension changes at most the last three letters: Искакова/Искаковой, Виктор/Виктору,
        // Асановна/Асановне, Серик/Серику, Мадина/Мадине.
        if shorter >= 3, common >= shorter - 1, common >= 3, max(a.count, b.count) - common <= 3 { return true }
        // Transliteration variants: one edit in a long name.
        return shorter >= 6 && editDistance(a, b) <= 1
    }

    /// The Latin letters a name may start with under the transliterations in use: Жанар is
    /// "Zh." or "J." or "Z.", Хадиша "Kh." or "H.".
    static func initialLetters(_ word: String) -> Set<Character> {
        guard let first = word.lowercased().first else { return [] }
        var letters: Set<Character> = []
        if let skeletonFirst = skeleton(String(first)).first { letters.insert(skeletonFirst) }
        if let latin = cyrillicToLatin[first]?.first { letters.insert(latin) }
        if first.isASCII { letters.insert(first) }
        return letters
    }

    /// A Latin rendering that different transliterations and declined forms share:
    /// "Жумабаева", "Zhumabaeva", "Jumabayeva" -> "jumabaeva".
    public static func skeleton(_ word: String) -> String {
        var latin = ""
        for character in word.lowercased() {
            if let mapped = cyrillicToLatin[character] { latin += mapped } else if character.isLetter { latin.append(character) }
        }
        let folded = latin
            .replacingAll("shch", "sh").replacingAll("sch", "sh")
            .replacingAll("zh", "j").replacingAll("dzh", "j").replacingAll("kh", "h").replacingAll("ch", "c")
            .replacingAll("ts", "c").replacingAll("yu", "u").replacingAll("iu", "u").replacingAll("ju", "u")
            .replacingAll("ya", "a").replacingAll("ia", "a").replacingAll("ja", "a").replacingAll("ye", "e")
            .replacingAll("yo", "e").replacingAll("y", "i").replacingAll("q", "k").replacingAll("w", "v")
            .replacingAll("x", "ks").replacingAll("ğ", "g").replacingAll("ş", "sh").replacingAll("ç", "c")
            .replacingAll("ı", "i").replacingAll("ö", "o").replacingAll("ü", "u").replacingAll("ä", "a")
            .replacingAll("é", "e")
        var result = ""
        for character in folded where character != result.last { result.append(character) }
        return result
    }

    private static let cyrillicToLatin: [Character: String] = [
        "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "і": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n",
        "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f",
        "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya",
    ]

}

/// The Levenshtein distance: how many letters to insert, delete or change to turn one word
/// into the other.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
        var current = [i + 1]
        for (j, y) in b.enumerated() {
            current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
        }
        previous = current
    }
    return previous[b.count]
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        replacingOccurrences(of: target, with: replacement)
    }
}
