import CPDRules

/// What a bibliographic record says about one publication, as stated; nil or empty where it says
/// nothing. Matching a worker to an author and a journal to its quartile is left to the caller.
public struct PublicationRecord: Sendable, Hashable {
    public enum Format: String, Sendable, CaseIterable {
        case pubmed, crossref, jats, orcid
    }

    public var format: Format
    public var title: String?
    public var journal: String?
    /// Print and electronic ISSNs written `1234-567X`, without repeats.
    public var issns: [String] = []
    public var year: Int?
    /// 1...12. A season is its first month in the stated year (Spring 3, Summer 6, Autumn 9,
    /// Winter 1); a range ("2019 Jan-Feb") is its first month.
    public var month: Int?
    /// Only when the year and month are known and the day exists.
    public var day: Int?
    /// In byline order; a group author has the group's name as `family`.
    public var authors: [Author] = []
    /// ISO 639-1 ("en", "ru", "kk") when the record states the language.
    public var language: String?
    /// Without a resolver prefix: `10.1016/0005-2795(76)90109-4`.
    public var doi: String?
    /// Where each fact was read, for a person checking it: keys `record`, `title`, `journal`,
    /// `issns[N]`, `year`, `month`, `day`, `authors[N]`, `language`, `doi` (N from 1), values
    /// XPath-like paths such as `/PubmedArticleSet/PubmedArticle[2]/MedlineCitation/Article/ArticleTitle`.
    public var locations: [String: String] = [:]

    init(format: Format, at record: ParsedElement) {
        self.format = format
        locations["record"] = record.path
    }
}

public struct Author: Sendable, Hashable {
    public var family: String
    public var given: String?
    public var initials: String?

    public init(family: String, given: String? = nil, initials: String? = nil) {
        self.family = family
        self.given = given
        self.initials = initials
    }
}

// MARK: Filling a record, location by location

extension PublicationRecord {
    mutating func setTitle(_ element: ParsedElement?) {
        guard let element, let text = element.text else { return }
        title = text
        locations["title"] = element.path
    }

    mutating func setJournal(_ element: ParsedElement?) {
        guard let element, let text = element.text else { return }
        journal = text
        locations["journal"] = element.path
    }

    mutating func addISSN(_ element: ParsedElement?) {
        guard let element, let value = element.text.flatMap(normalisedISSN), !issns.contains(value)
        else { return }
        issns.append(value)
        locations["issns[\(issns.count)]"] = element.path
    }

    mutating func addAuthor(_ author: Author, at element: ParsedElement) {
        authors.append(author)
        locations["authors[\(authors.count)]"] = element.path
    }

    /// From the element's text, or from one of its attributes (`xml:lang` is `attribute: "lang"`).
    mutating func setLanguage(_ element: ParsedElement?, attribute: String? = nil) {
        guard let element else { return }
        let value = if let attribute { element.attribute(attribute) } else { element.text }
        guard let code = value.flatMap(languageCode) else { return }
        language = code
        locations["language"] = element.path + (attribute.map { "/@\($0)" } ?? "")
    }

    mutating func setDOI(_ element: ParsedElement?) {
        guard let element, let value = element.text.flatMap(normalisedDOI) else { return }
        doi = value
        locations["doi"] = element.path
    }

    /// Reads a date element of any of the formats: `year`, `month` (or `season`) and `day`
    /// children, whatever their case, or PubMed's free-text `MedlineDate`.
    mutating func setDate(_ date: ParsedElement?) {
        guard let date else { return }
        var parts: [String: ParsedElement] = [:]
        for part in date.children where parts[part.name.lowercased()] == nil { parts[part.name.lowercased()] = part }
        if let medline = parts["medlinedate"], let text = medline.text {
            let parsed = medlineDate(text)
            setDate(year: parsed.year.map { ($0, medline) }, month: parsed.month.map { ($0, medline) }, day: parsed.day.map { ($0, medline) })
            return
        }
        func number(_ element: ParsedElement?, _ read: (String) -> Int?) -> (Int, ParsedElement)? {
            guard let element, let value = element.text.flatMap(read) else { return nil }
            return (value, element)
        }
        setDate(
            year: number(parts["year"], yearNumber),
            month: number(parts["month"], monthNumber) ?? number(parts["season"], monthNumber),
            day: number(parts["day"]) { Int($0) })
    }

    /// Sets year, month and day together, each with the element it came from; a month needs the
    /// year and a day needs the month, and a day is kept only when that date exists.
    private mutating func setDate(year: (Int, ParsedElement)?, month: (Int, ParsedElement)?, day: (Int, ParsedElement)?) {
        guard let year else { return }
        self.year = year.0
        locations["year"] = year.1.path
        guard let month, (1...12).contains(month.0) else { return }
        self.month = month.0
        locations["month"] = month.1.path
        guard let day, CalendarDate(year: year.0, month: month.0, day: day.0) != nil else { return }
        self.day = day.0
        locations["day"] = day.1.path
    }
}
