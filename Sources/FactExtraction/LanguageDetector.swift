/// Decides the language of a piece of text: Kazakh and Russian share an alphabet, so Kazakh is
/// told by its own letters and its frequent words, not by the script; Latin-script languages by
/// their frequent words and letters.
enum LanguageDetector {
    /// Each a single scalar with no decomposition: a character is one of them only when it is
    /// that scalar alone, so they are compared as scalars (hashing a character normalises it).
    private static let kazakhLetters: Set<Unicode.Scalar> = ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і"]

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

    /// Scripts that name their language outright: no Kazakh or Russian document is in them.
    private static let scripts: [(range: ClosedRange<UInt32>, language: String)] = [
        (0x0600...0x06FF, "ar"), (0x0590...0x05FF, "he"), (0x0370...0x03FF, "el"), (0x10A0...0x10FF, "ka"),
        (0x0530...0x058F, "hy"), (0x4E00...0x9FFF, "zh"), (0x3040...0x30FF, "ja"), (0xAC00...0xD7AF, "ko"),
        (0x0E00...0x0E7F, "th"), (0x0900...0x097F, "hi"),
    ]

    /// The ISO 639-1 code of the text's language, or nil when it has too few letters to tell.
    static func language(of text: String) -> String? {
        let lower = text.lowercased()
        var scriptCounts: [String: Int] = [:]
        // Latin and Cyrillic, most of every text, lie below or between the scripts listed.
        for scalar in lower.unicodeScalars where !(scalar.value < 0x370 || (0x400...0x52F).contains(scalar.value)) {
            if let script = scripts.first(where: { $0.range.contains(scalar.value) }) { scriptCounts[script.language, default: 0] += 1 }
        }
        var cyrillic = 0, latin = 0, kazakh = 0
        // One pass over the characters: the letters counted, and the words kept for the frequent
        // words to be looked for among.
        var words: [String] = []
        var word = ""
        for character in lower.characterArray {
            guard character.isLetter else {
                if !word.isEmpty { words.append(word) }
                word = ""
                continue
            }
            word.append(character)
            if character.isCyrillic { cyrillic += 1 } else if character.isASCII || character.isLatinExtended { latin += 1 }
            if character.unicodeScalars.count == 1, kazakhLetters.contains(character.unicodeScalars.first!) { kazakh += 1 }
        }
        if !word.isEmpty { words.append(word) }
        if let (language, count) = scriptCounts.max(by: { $0.value < $1.value }), count >= 3, count * 2 >= cyrillic + latin {
            return language
        }
        guard cyrillic + latin >= 8 else { return nil }
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
