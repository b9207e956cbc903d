import CPDRules

/// Words that mark a fact, in the languages documents arrive in (lowercase, as stems).
enum Lexicon {
    /// The level of an event or organisation, most specific first ("республиканского" before
    /// the "республики" in an organisation's name).
    static let significance: [(Significance, [String])] = [
        (.international, ["международн", "халықаралық", "international", "internationale", "uluslararası", "foreign level", "мемлекетаралық"]),
        (.republican, ["республиканск", "республикалық", "national level", "nationwide", "ulusal", "всероссийск", "national significance", "national conference", "national congress"]),
        (.regional, ["областн", "облыстық", "региональн", "өңірлік", "regional"]),
        (.city, ["городск", "қалалық", "city level", "city conference", "städtisch"]),
    ]

    static let speaker: [String] = [
        "доклад", "докладчик", "спикер", "выступил", "баяндама", "speaker", "presenter", "oral presentation",
        "presented a", "gave a talk", "referent", "vortrag", "konuşmacı", "sunum", "с сообщением",
    ]

    static let participant: [String] = [
        "участник", "принял(а) участие", "принял участие", "приняла участие", "қатысушы", "қатысты",
        "participant", "attended", "participated", "teilnehmer", "teilgenommen", "katılımcı", "katıldı",
    ]

    /// A line that starts the translation part of a document.
    static let translationMarkers: [String] = [
        "перевод с ", "перевод на ", "перевод документа", "нотариально заверенный перевод", "аударма",
        "тіліне аудармасы", "certified translation", "translation from", "translated from",
    ]

    static let notary: [String] = ["нотариус", "нотариал", "нотариат", "notary", "notar", "noter"]

    /// Lines that state a date of birth: their dates are never the event's.
    static let birth: [String] = ["рожд", "туған", "birth", "geburt", "doğum", "born"]

    /// Lines that state when the document was issued.
    static let issueLabels: [String] = [
        "дата выдачи", "выдано:", "выдан:", "берілген күні", "берілді:", "date of issue", "issued on", "issue date",
        "date of grant", "granted on", "ausgestellt", "düzenlenme", "дата регистрации", "дата:", "date:", "datum:", "берілген күні",
    ]

    /// Words after which a period is open: «по настоящее время».
    static let ongoing: [String] = [
        "по настоящее время", "по н.в", "по настоящее", "қазіргі уақытқа дейін", "осы уақытқа дейін", "to present",
        "to date", "till now", "until now", "present", "bis heute", "günümüze",
    ]
}
