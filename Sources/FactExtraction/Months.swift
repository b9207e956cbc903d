/// Month names in the languages documents arrive in, as lowercase prefixes long enough to be
/// unambiguous in every grammatical case ("апрел" covers апрель, апреля, апреле).
enum Months {
    static let prefixes: [(prefix: String, month: Int)] = [
        // Russian
        ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("мая", 5), ("май", 5), ("мае", 5),
        ("июн", 6), ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
        // Kazakh, with the forms OCR leaves when it loses the Kazakh letters
        ("қаңтар", 1), ("кантар", 1), ("қантар", 1), ("ақпан", 2), ("акпан", 2), ("наурыз", 3),
        ("сәуір", 4), ("сәуiр", 4), ("сауір", 4), ("сэуір", 4), ("сәуир", 4), ("сауир", 4), ("сэуир", 4), ("мамыр", 5), ("маусым", 6),
        ("шілде", 7), ("шiлде", 7), ("шилде", 7), ("тамыз", 8), ("қыркүйек", 9), ("кыркуйек", 9),
        ("қыркуйек", 9), ("кыркүйек", 9), ("каңтар", 1), ("қазан", 10), ("казан", 10), ("қараша", 11), ("караша", 11),
        ("желтоқсан", 12), ("желтоксан", 12),
        // English
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
        ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
        ("oct", 10), ("nov", 11), ("dec", 12),
        // German
        ("januar", 1), ("jänner", 1), ("februar", 2), ("märz", 3), ("maerz", 3), ("mai", 5), ("juni", 6),
        ("juli", 7), ("oktober", 10), ("dezember", 12),
        // Turkish
        ("ocak", 1), ("şubat", 2), ("subat", 2), ("mart", 3), ("nisan", 4), ("mayıs", 5), ("mayis", 5),
        ("haziran", 6), ("temmuz", 7), ("ağustos", 8), ("agustos", 8), ("eylül", 9), ("eylul", 9),
        ("ekim", 10), ("kasım", 11), ("kasim", 11), ("aralık", 12), ("aralik", 12),
        // French, Spanish, Italian
        ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("juin", 6),
        ("juillet", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11),
        ("décembre", 12), ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5),
        ("junio", 6), ("julio", 7), ("agosto", 8), ("septiembre", 9), ("octubre", 10), ("noviembre", 11),
        ("diciembre", 12), ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6),
        ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
    ].sorted { $0.prefix.count > $1.prefix.count }

    /// The month a word names, or nil. The word must start with a known prefix and not run on
    /// for long after it (so "марта" is March but "мартен" is not a month).
    static func month(of word: Substring) -> Int? {
        let word = word.lowercased()
        for (prefix, month) in prefixes where word.hasPrefix(prefix) {
            if word.count - prefix.count <= 4 || prefix.count >= 5 && word.count - prefix.count <= 8 { return month }
        }
        return nil
    }
}
