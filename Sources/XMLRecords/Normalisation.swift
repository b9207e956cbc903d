/// `1234-567X` from an ISSN written with or without its hyphen; nil when it is not 7 digits and
/// a check character. The check digit is not verified: a record's ISSN is reported as written.
func normalisedISSN(_ text: String) -> String? {
    let characters = Array(text.uppercased().filter { $0.isLetter || $0.isNumber })
    guard characters.count == 8, characters.prefix(7).allSatisfy(\.isASCIIDigit),
        let check = characters.last, check.isASCIIDigit || check == "X"
    else { return nil }
    return String(characters.prefix(4)) + "-" + String(characters.suffix(4))
}

/// A DOI without the resolver or `doi:` prefix some records carry; nil when it is not `10.…/…`.
func normalisedDOI(_ text: String) -> String? {
    var doi = Substring(text)
    for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
    where doi.lowercased().hasPrefix(prefix) {
        doi = doi.dropFirst(prefix.count)
    }
    doi = doi.drop(while: \.isWhitespace)
    guard doi.hasPrefix("10."), doi.contains("/") else { return nil }
    return String(doi)
}

/// ISO 639-1 from what records write: two letters as they are, PubMed's ISO 639-2 codes
/// ("eng", "rus", "kaz") through the table, a tag's region dropped ("en-US"). An unlisted
/// three-letter code is kept as written rather than lost; "und" and the like are nil.
func languageCode(_ text: String) -> String? {
    let code = text.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
    guard (2...3).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
    if code.count == 2 { return code }
    if ["und", "mul", "mis", "zxx"].contains(code) { return nil }
    return iso639Part2[code] ?? code
}

private let iso639Part2: [String: String] = [
    "eng": "en", "rus": "ru", "kaz": "kk", "ger": "de", "deu": "de", "fre": "fr", "fra": "fr",
    "spa": "es", "ita": "it", "por": "pt", "chi": "zh", "zho": "zh", "jpn": "ja", "kor": "ko",
    "tur": "tr", "ukr": "uk", "pol": "pl", "cze": "cs", "ces": "cs", "slo": "sk", "slk": "sk",
    "hun": "hu", "rum": "ro", "ron": "ro", "bul": "bg", "srp": "sr", "hrv": "hr", "slv": "sl",
    "dut": "nl", "nld": "nl", "swe": "sv", "nor": "no", "dan": "da", "fin": "fi", "ice": "is",
    "isl": "is", "gre": "el", "ell": "el", "heb": "he", "ara": "ar", "per": "fa", "fas": "fa",
    "hin": "hi", "uzb": "uz", "kir": "ky", "tgk": "tg", "tuk": "tk", "aze": "az", "geo": "ka",
    "kat": "ka", "arm": "hy", "hye": "hy", "bel": "be", "lit": "lt", "lav": "lv", "est": "et",
    "tat": "tt", "mon": "mn", "vie": "vi", "tha": "th", "ind": "id", "may": "ms", "msa": "ms",
    "cat": "ca", "lat": "la",
]

/// A four-digit year.
func yearNumber(_ text: String) -> Int? {
    guard text.count == 4, text.allSatisfy(\.isASCIIDigit) else { return nil }
    return Int(text)
}

/// 1...12 from a month's number or English name ("06", "Dec", "September") or a season, taken
/// as its first month within the year it is dated: Spring 3, Summer 6, Autumn 9, and Winter 1
/// (a winter issue of a year is the one that year begins with). Crossref writes seasons as
/// 21-24 and quarters as 31-34.
func monthNumber(_ text: String) -> Int? {
    if text.allSatisfy(\.isASCIIDigit), let number = Int(text) {
        switch number {
        case 1...12: return number
        case 21...24: return [3, 6, 9, 1][number - 21]
        case 31...34: return [1, 4, 7, 10][number - 31]
        default: return nil
        }
    }
    let word = text.lowercased()
    switch word {
    case "spring": return 3
    case "summer": return 6
    case "fall", "autumn": return 9
    case "winter": return 1
    default:
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard word.count >= 3, let index = months.firstIndex(of: String(word.prefix(3))) else { return nil }
        return index + 1
    }
}

/// PubMed's free-text `MedlineDate`: the first year, the month named right after it and the day
/// right after that. "2019 Jan-Feb" is 2019-01, "1998 Dec-1999 Jan" 1998-12, "2015 Nov 25-Dec 2"
/// 2015-11-25, "2000 Spring" 2000-03.
func medlineDate(_ text: String) -> (year: Int?, month: Int?, day: Int?) {
    let tokens = text.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "/" || $0 == "," }).map(String.init)
    guard let yearIndex = tokens.firstIndex(where: { yearNumber($0) != nil }) else { return (nil, nil, nil) }
    let year = yearNumber(tokens[yearIndex])
    let monthIndex = yearIndex + 1
    guard monthIndex < tokens.count, !tokens[monthIndex].allSatisfy(\.isASCIIDigit),
        let month = monthNumber(tokens[monthIndex])
    else { return (year, nil, nil) }
    let dayIndex = monthIndex + 1
    let day = dayIndex < tokens.count ? Int(tokens[dayIndex]).flatMap { (1...31).contains($0) ? $0 : nil } : nil
    return (year, month, day)
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Array {
    /// The elements that satisfy `isFirst`, then the others, each group in its original order:
    /// a byline with the author marked first at its head.
    func leading(where isFirst: (Element) -> Bool) -> [Element] {
        filter(isFirst) + filter { !isFirst($0) }
    }
}
