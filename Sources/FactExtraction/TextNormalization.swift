import Foundation

/// Repairs what scanners, OCR and PDF producers do to text before facts are read from it.
///
/// The repairs are conservative: they only touch characters whose meaning is clear from their
/// neighbours (a Latin "o" between Cyrillic letters, an "О" between digits), so a clean text PDF
/// passes through unchanged except for spaces and punctuation variants.
enum TextNormalization {
    /// One line, normalised: composed characters (NFC, so a wording matches byte for byte);
    /// unified dashes, quotes and spaces; homoglyphs fixed; letter-spaced words
    /// ("С Е Р Т И Ф И К А Т") joined; the number sign's OCR misreadings restored.
    static func normalize(_ line: String) -> String {
        let composed = line.precomposedStringWithCanonicalMapping
        var text = String(composed.unicodeScalars.map { unify($0) }.map(Character.init))
        text = collapseSpaces(text)
        text = joinLetterSpacedWords(text)
        text = fixHomoglyphs(text)
        text = fixDigitLookalikes(text)
        text = restoreNumberSign(text)
        return text
    }

    private static func unify(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": "-"
        case "\u{00A0}", "\u{2007}", "\u{202F}", "\u{2009}", "\t": " "
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{2033}": "\""
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}", "`": "'"
        default: scalar
        }
    }

    private static func collapseSpaces(_ text: String) -> String {
        // Only two spaces together or one at an end make a difference (most lines have neither).
        let bytes = text.utf8
        guard bytes.first == 0x20 || bytes.last == 0x20 || zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0x20 && $1 == 0x20 }) else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// "С Е Р Т И Ф И К А Т" -> "СЕРТИФИКАТ": a run of at least four single letters.
    private static func joinLetterSpacedWords(_ text: String) -> String {
        let words = text.split(separator: " ")
        var result: [String] = []
        var run: [Substring] = []
        func flush() {
            if run.count >= 4 { result.append(run.joined()) } else { result += run.map(String.init) }
            run = []
        }
        for word in words {
            if word.count == 1, word.first!.isLetter { run.append(word) } else { flush(); result.append(String(word)) }
        }
        flush()
        return result.joined(separator: " ")
    }

    /// Latin letters that look Cyrillic, inside a word that is otherwise Cyrillic (and the other
    /// way round), as OCR and some PDF producers mix them.
    private static let latinToCyrillic: [Character: Character] = [
        "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р",
        "T": "Т", "X": "Х", "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у",
        "i": "і",
    ]
    private static let cyrillicToLatin: [Character: Character] = Dictionary(
        uniqueKeysWithValues: latinToCyrillic.filter { $0.key != "i" }.map { ($0.value, $0.key) })

    private static func fixHomoglyphs(_ text: String) -> String {
        // A word can change only where the line has both an ASCII letter and a Cyrillic one.
        guard text.utf8.contains(where: { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }),
              text.utf8.contains(where: { (0xD0...0xD3).contains($0) }) else { return text }
        var words: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            // Only a word with both an ASCII letter and a Cyrillic one (UTF-8 lead bytes D0-D3) can change.
            guard word.utf8.contains(where: { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }),
                  word.utf8.contains(where: { (0xD0...0xD3).contains($0) }) else {
                words.append(String(word))
                continue
            }
            let cyrillic = word.filter(\.isCyrillic).count
            let latin = word.filter { $0.isASCII && $0.isLetter }.count
            if cyrillic > 0, latin > 0, cyrillic >= latin {
                words.append(String(word.map { $0.isASCII ? latinToCyrillic[$0] ?? $0 : $0 }))
            } else if cyrillic > 0, latin > cyrillic {
                words.append(String(word.map { cyrillicToLatin[$0] ?? $0 }))
            } else {
                words.append(String(word))
            }
        }
        return words.joined(separator: " ")
    }

    /// Inside a number, "О"/"O"/"о" is a zero, "З" a three, "l"/"I"/"|" a one, "б" a six.
    private static func fixDigitLookalikes(_ text: String) -> String {
        let lookalikes: [Character: Character] = [
            "О": "0", "O": "0", "о": "0", "o": "0", "З": "3", "l": "1", "I": "1", "|": "1", "б": "6",
        ]
        // A line without a digit has no number to repair.
        guard text.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return text }
        let characters = text.characterArray
        var result = characters
        for index in characters.indices {
            guard let digit = lookalikes[characters[index]] else { continue }
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            let digitBefore = before.isASCIIDigit
            let digitAfter = after.isASCIIDigit
            // Between two digits, or a digit and a date separator: "2О23", "О1.02", "1О.2023".
            if (digitBefore && digitAfter) || (digitBefore && ".:/".contains(after) && index + 2 < characters.count && characters[index + 2].isASCIIDigit)
                || (digitAfter && ".:/".contains(before) && index >= 2 && characters[index - 2].isASCIIDigit)
            {
                result[index] = digit
            }
        }
        return String(result)
    }

    /// "Ме 17473", "No. 17473", "N° 17473", "Nr. 5" -> "№ 17473".
    private static func restoreNumberSign(_ text: String) -> String {
        // Each misreading begins with "N", "М" or "№"; a line with none of them has none to restore.
        guard text.contains(literal: "N") || text.contains(literal: "М") || text.contains(literal: "№") else { return text }
        var words = text.split(separator: " ").map(String.init)
        for index in words.indices.dropLast() where ["Ме", "Мо", "Nо", "No", "No.", "N°", "N", "Nr.", "Nr", "Nо.", "№."].contains(words[index]) {
            if words[index + 1].first?.isASCIIDigit == true { words[index] = "№" }
        }
        return words.joined(separator: " ")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }

    var isCyrillic: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        return (0x0400...0x04FF).contains(scalar.value)
    }
}
