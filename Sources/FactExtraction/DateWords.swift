/// The words dates and periods are written with, apart from month names: the lexicon's `dates`
/// section, lowercase as lines are folded. `DateGrammar` and `DateRoles` read words only from here.
struct DateWords: Sendable {
    /// Words after a year: "2024 г.", "2024 года", "2024 ж.", "2024 жылғы", "2023 жылдың",
    /// "2020 жылдан бастап"; OCR writes "жылгы" for "жылғы". Before a day and month they make
    /// the Kazakh year-first order: "2024 жылғы 12 ақпан".
    let yearWords: Set<String>

    /// Letters written onto a day number: "15th", "2nd", "1er", "2e".
    let ordinalSuffixes: Set<String>

    /// Words between a day and its month or a month and its year: "15th of June", "3 de marzo de 2024".
    let linkWords: Set<String>

    /// Articles before a day, skipped: "du 3 au 5 mars", "entre le 3 et le 5", "from the 3rd to the 5th".
    let articles: Set<String>

    /// Words before a period's start that, when no end follows, mean "since that date":
    /// "с 21.10.2020", "since 2020", "seit 2019", "depuis 2018".
    let sinceOpeners: Set<String>

    /// Words before a period's start that, without an end, only date a thing ("Urkunde vom
    /// 12.07.2026", "приказ от 01.02.2024"), so a lone date after them is a single date.
    let rangeOpeners: Set<String>

    /// Words before a period's start whose end is joined by "and": "between 3 and 5 May 2024".
    let betweenOpeners: Set<String>

    /// Words joining the ends after a `betweenOpeners` word: "between 3 and 5 May".
    let pairJoiners: Set<String>

    /// Words (and the dash) that lead from a period's start to its end: "12-16", "с 12 по 16",
    /// "from … to …", "vom … bis …", "du … au …", "11 ile 13 Mart".
    let rangeJoiners: Set<String>

    /// Words before a date that, with no start before them, mark the period's end alone:
    /// "по 11.06.2027" when OCR lost the start. "до", "until", "bis" alone usually say how long
    /// a document is valid ("действителен до …"), so they mark an end only after an opener
    /// ("с до …", "from until …").
    let untilOpeners: Set<String>

    /// Kazakh "from" after a start: "21.10.2020 бастап" (since), "10.02.2022 бастап 11.02.2022
    /// дейін" (joining a period's ends).
    let sincePostpositions: Set<String>

    /// Kazakh "up to" after a period's end: "11.02.2022 дейін"; alone after a date it marks the end.
    let untilPostpositions: Set<String>

    /// Words after a whole period, skipped: "19-20 қазан аралығында", "11-13 Mart arasında",
    /// "по 14 февраля включительно".
    let periodClosers: Set<String>

    /// Kazakh ablative endings ("from"), on a month ("6 қарашадан") or after a dash on a
    /// numeric date ("10.02.2022-ден"): the start of a period, whose end follows with no joiner.
    let ablativeSuffixes: [String]

    /// Kazakh dative endings ("to") after a dash on a numeric date: "11.02.2022-ге дейін";
    /// OCR writes "га", "ка" for "ға", "қа".
    let dativeSuffixes: Set<String>

    /// Words on a line that dates a document ("№ 12 от 01.02.2024", "No. 5 dated 3 May 2024"),
    /// with the number sign.
    let documentDateLabels: [String]

    /// Words of a publication's imprint ("Астана, 2024. – 174 с.", "© 2023") whose year is
    /// the publication's.
    let imprintMarkers: [String]

    init(_ lexicon: Lexicon) {
        self.init { lexicon.group("dates", $0).map(\.text) }
    }

    /// No words at all: the state of a lexicon before its files are read.
    static let none = DateWords { _ in [] }

    private init(words: (String) -> [String]) {
        yearWords = Set(words("year-words"))
        ordinalSuffixes = Set(words("ordinal-suffixes"))
        linkWords = Set(words("link-words"))
        articles = Set(words("articles"))
        sinceOpeners = Set(words("since-openers"))
        rangeOpeners = Set(words("range-openers"))
        betweenOpeners = Set(words("between-openers"))
        pairJoiners = Set(words("pair-joiners"))
        rangeJoiners = Set(words("range-joiners"))
        untilOpeners = Set(words("until-openers"))
        sincePostpositions = Set(words("since-postpositions"))
        untilPostpositions = Set(words("until-postpositions"))
        periodClosers = Set(words("period-closers"))
        ablativeSuffixes = words("ablative-suffixes")
        dativeSuffixes = Set(words("dative-suffixes"))
        documentDateLabels = words("document-date-labels")
        imprintMarkers = words("imprint-markers")
    }

    /// The groups of the lexicon's `dates` section.
    static let groups: Set<String> = [
        "year-words", "ordinal-suffixes", "link-words", "articles", "since-openers", "range-openers", "between-openers", "pair-joiners", "range-joiners", "until-openers", "since-postpositions", "until-postpositions", "period-closers", "ablative-suffixes", "dative-suffixes", "document-date-labels", "imprint-markers",
    ]
}
