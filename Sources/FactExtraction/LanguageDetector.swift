/// Decides the language of a piece of text: Kazakh and Russian share an alphabet, so Kazakh is
/// told by its own letters and its frequent words, not by the script; Latin-script languages by
/// their frequent words and letters.
enum LanguageDetector {
    private static let kazakhLetters: Set<Character> = ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і"]

    /// Frequent words, whole and lowercase. Kazakh and Russian lists avoid the words both share
    /// (names of organisations and quoted titles are often in the other language).
    private static let frequentWords: [(language: String, words: Set<String>)] = [
        ("kk", ["және", "бойынша", "туралы", "берілді", "осы", "сағат", "жылғы", "күні", "бастап", "дейін", "қатысты", "тақырыбындағы", "сертификаты", "куәлік", "куәлігі", "ж", "қ", "арттыру", "көлемі", "өткізілген", "мен", "үшін", "тағайындау", "бұйрық", "анықтама", "мүшесі", "болып", "табылады", "қатысушы", "аударма"]),
        ("ru", ["и", "в", "по", "о", "что", "на", "с", "от", "года", "г", "выдано", "выдана", "настоящим", "участие", "часов", "прошел", "прошла", "принял", "является", "том", "для", "при", "дата", "руководитель", "приказ", "справка", "период", "назначить", "объеме", "проведения", "перевод"]),
        ("en", ["the", "of", "and", "to", "in", "this", "that", "certify", "certificate", "hours", "attended", "for", "is", "has", "date", "with", "by", "on", "at", "director"]),
        ("de", ["der", "die", "das", "und", "am", "hiermit", "wird", "dass", "teilgenommen", "stunden", "bescheinigung", "mit", "von", "für", "den", "des", "im", "zur"]),
        ("tr", ["ve", "bir", "bu", "ile", "için", "katıldı", "saat", "belgesi", "tarihinde", "olarak", "eğitim", "sertifikası", "katılım", "tarihi"]),
        ("fr", ["le", "la", "les", "et", "du", "des", "certifie", "que", "participé", "heures", "une", "pour", "au"]),
        ("es", ["el", "los", "las", "y", "del", "que", "certifica", "horas", "participó", "una", "por", "con"]),
        ("it", ["il", "gli", "che", "ore", "della", "del", "certifica", "partecipato", "una", "per", "con"]),
    ]

    /// The ISO 639-1 code of the text's language, or nil when it has too few letters to tell.
    static func language(of text: String) -> String? {
        let lower = text.lowercased()
        var cyrillic = 0, latin = 0, kazakh = 0
        for character in lower where character.isLetter {
            if character.isCyrillic { cyrillic += 1 } else if character.isASCII || character.isLatinExtended { latin += 1 }
            if kazakhLetters.contains(character) { kazakh += 1 }
        }
        guard cyrillic + latin >= 8 else { return nil }
        let words = lower.split { !$0.isLetter }.map(String.init)
        func count(_ language: String) -> Int {
            let list = frequentWords.first { $0.language == language }!.words
            return words.filter(list.contains).count
        }
        if cyrillic >= latin {
            // Every Kazakh-only letter is evidence; a frequent word weighs more.
            let kazakhScore = Double(count("kk")) * 2 + Double(kazakh) * 0.5
            let russianScore = Double(count("ru")) * 2
            return kazakhScore > russianScore ? "kk" : "ru"
        }
        var best = ("en", 0)
        for language in ["en", "de", "tr", "fr", "es", "it"] {
            var score = count(language)
            switch language {
            case "de": score += lower.filter { "äöüß".contains($0) }.count
            case "tr": score += lower.filter { "ğışç".contains($0) }.count * 2
            case "fr": score += lower.filter { "éèêàç".contains($0) }.count
            case "es": score += lower.filter { "ñá".contains($0) }.count * 2
            default: break
            }
            if score > best.1 { best = (language, score) }
        }
        return best.0
    }
}

extension Character {
    var isLatinExtended: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        return (0x00C0...0x024F).contains(scalar.value)
    }
}
