/// The order of names in a list a Kazakh office reads: the Kazakh alphabet, which holds the
/// Russian one in its order (А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш
/// Щ Ъ Ы І Ь Э Ю Я), so «Әбенов» follows «Абенов» rather than «Яковлев», as code points would have
/// it. Latin letters follow the Cyrillic ones; a space or a hyphen comes before any letter, so
/// «Ким Анна» precedes «Кимов».
public enum NameOrder {
    static let alphabet = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"

    /// The rank of each Cyrillic letter, capital and small, by its code point (0: not in the
    /// alphabet): a list of thousands of names is sorted on every request, so a key is made by
    /// table look-ups rather than by lowercasing strings.
    static let ranks: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x500)
        for (index, letter) in alphabet.unicodeScalars.enumerated() {
            table[Int(letter.value)] = UInt32(index) + 1
            for capital in String(letter).uppercased().unicodeScalars where capital.value < 0x500 {
                table[Int(capital.value)] = UInt32(index) + 1
            }
        }
        return table
    }()

    /// A key whose lexicographic order is the names' order; compute it once per name to sort many.
    public static func key(_ name: String) -> [UInt32] {
        var key: [UInt32] = []
        key.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if value < 0x500, ranks[Int(value)] != 0 {
                key.append(ranks[Int(value)])
            } else if (0x61...0x7A).contains(value) {
                key.append(0x100 + value)
            } else if (0x41...0x5A).contains(value) {
                key.append(0x100 + value + 0x20)  // a Latin capital as its small letter
            } else if scalar.properties.isAlphabetic {
                key.append(0x100 + (scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value))
            } else if scalar.properties.generalCategory != .nonspacingMark {
                key.append(0)
            }
        }
        return key
    }

    /// Whether `first` comes before `second`.
    public static func precedes(_ first: String, _ second: String) -> Bool {
        key(first).lexicographicallyPrecedes(key(second))
    }
}
