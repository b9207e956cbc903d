/// The words dates and periods are written with, apart from month names (`Months`), lowercase
/// as lines are folded. `DateGrammar` and `DateRoles` read words only from here, so the lists
/// can be supplied from elsewhere without touching the grammar.
enum DateWords {
    /// Words after a year: "2024 г.", "2024 года", "2024 ж.", "2024 жылғы", "2023 жылдың",
    /// "2020 жылдан бастап"; OCR writes "жылгы" for "жылғы". Before a day and month they make
    /// the Kazakh year-first order: "2024 жылғы 12 ақпан".
    static let yearWords: Set<String> = [
        "г", "гг", "год", "года", "году", "ж", "жж", "жыл", "жылы", "жылғы", "жылгы", "жылдың", "жылдын", "жылдан",
        "year", "yılı", "yili",
    ]

    /// Letters written onto a day number: "15th", "2nd", "1er", "2e".
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "re", "e"]

    /// Words between a day and its month or a month and its year: "15th of June", "3 de marzo de 2024".
    static let linkWords: Set<String> = ["of", "de"]

    /// Articles before a day, skipped: "du 3 au 5 mars", "entre le 3 et le 5", "from the 3rd to the 5th".
    static let articles: Set<String> = ["le", "the"]

    /// Words before a period's start that, when no end follows, mean "since that date":
    /// "с 21.10.2020", "since 2020", "seit 2019", "depuis 2018".
    static let sinceOpeners: Set<String> = ["с", "со", "since", "from", "seit", "depuis", "desde"]

    /// Words before a period's start that, without an end, only date a thing ("Urkunde vom
    /// 12.07.2026", "приказ от 01.02.2024"), so a lone date after them is a single date.
    static let rangeOpeners: Set<String> = ["vom", "von", "du", "от", "dal", "del"]

    /// Words before a period's start whose end is joined by "and": "between 3 and 5 May 2024".
    static let betweenOpeners: Set<String> = ["between", "zwischen", "entre"]

    /// Words joining the ends after a `betweenOpeners` word: "between 3 and 5 May".
    static let pairJoiners: Set<String> = ["and", "und", "et", "y", "ve"]

    /// Words (and the dash) that lead from a period's start to its end: "12-16", "с 12 по 16",
    /// "from … to …", "vom … bis …", "du … au …", "11 ile 13 Mart".
    static let rangeJoiners: Set<String> = ["-", "по", "до", "to", "till", "until", "through", "thru", "bis", "au", "al", "a", "ile"]

    /// Words before a date that, with no start before them, mark the period's end alone:
    /// "по 11.06.2027" when OCR lost the start. "до", "until", "bis" alone usually say how long
    /// a document is valid ("действителен до …"), so they mark an end only after an opener
    /// ("с до …", "from until …").
    static let untilOpeners: Set<String> = ["по"]

    /// Kazakh "from" after a start: "21.10.2020 бастап" (since), "10.02.2022 бастап 11.02.2022
    /// дейін" (joining a period's ends).
    static let sincePostpositions: Set<String> = ["бастап", "бері"]

    /// Kazakh "up to" after a period's end: "11.02.2022 дейін"; alone after a date it marks the end.
    static let untilPostpositions: Set<String> = ["дейін", "дейiн", "дейин", "шейін"]

    /// Words after a whole period, skipped: "19-20 қазан аралығында", "11-13 Mart arasında",
    /// "по 14 февраля включительно".
    static let periodClosers: Set<String> = ["аралығында", "аралығы", "аралыгында", "arasında", "arasinda", "включительно", "inclusive"]

    /// Kazakh ablative endings ("from"), on a month ("6 қарашадан") or after a dash on a
    /// numeric date ("10.02.2022-ден"): the start of a period, whose end follows with no joiner.
    static let ablativeSuffixes: [String] = ["дан", "ден", "тан", "тен", "нан", "нен"]

    /// Kazakh dative endings ("to") after a dash on a numeric date: "11.02.2022-ге дейін";
    /// OCR writes "га", "ка" for "ға", "қа".
    static let dativeSuffixes: Set<String> = ["ға", "ге", "қа", "ке", "на", "не", "га", "ка"]

    /// Words on a line that dates a document ("№ 12 от 01.02.2024", "No. 5 dated 3 May 2024"),
    /// with the number sign.
    static let documentDateLabels: [String] = [" от ", " from ", " dated "]

    /// Words of a publication's imprint ("Астана, 2024. – 174 с.", "© 2023") whose year is
    /// the publication's.
    static let imprintMarkers: [String] = ["isbn", " с.", " p.", "©", "издательство", "баспа", "publisher"]
}
