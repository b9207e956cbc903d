/// The order of names in a list a Kazakh office reads: the Kazakh alphabet, which holds the
/// Russian one in its order (А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш
/// Щ Ъ Ы І Ь Э Ю Я), so «Әбенов» follows «Абенов» rather than «Яковлев», as code points would have
/// it. Latin letters follow the Cyrillic ones; a space or a hyphen comes before any letter, so
/// «Ким Анна» precedes «Кимов».
public enum NameOrder {
    static let alphabet = Array("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")
    static let ranks: [Character: UInt32] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, UInt32($0) + 1) })

    /// A key whose lexicographic order is the names' order; compute it once per name to sort many.
    public static func key(_ name: String) -> [UInt32] {
        name.lowercased().map { character in
            if let rank = ranks[character] { return rank }
            if character.isLetter, let scalar = character.unicodeScalars.first { return 0x100 + scalar.value }
            return 0
        }
    }

    /// Whether `first` comes before `second`.
    public static func precedes(_ first: String, _ second: String) -> Bool {
        key(first).lexicographicallyPrecedes(key(second))
    }
}
