import Foundation

/// A work cited as a reference, the way a worker lists a publication: GOST («Иванова А.С.
/// Название // Журнал. – 2023. – № 3. – С. 24–30.»), Vancouver («Iskakov T, Akhmetova K. Title.
/// Sci Healthc. 2021;15(2):692-701.», «… 2020;(3):112-7.») or APA («Seitova, G. K. (2023). Title.
/// Journal, 20(2), 55–61.»). Its shape, not its words, says what it is.
enum BibliographicReference {
    private static func pattern(_ text: String) -> NSRegularExpression { try! NSRegularExpression(pattern: text, options: [.caseInsensitive]) }

    /// Shapes of a journal article's reference; group 1 is the year.
    private static let articles = [
        pattern(#"\b((?:19|20)\d{2})\s?(?:\p{L}{3}\s?\d{0,2}\s?)?;\s?\d*\s?(?:\(\d+\))?\s?:\s?\p{L}?\d+"#),
        pattern(#"//.*?[-–.]\s((?:19|20)\d{2})\."#),
        pattern(#"\(((?:19|20)\d{2})\p{L}?\)\..*\b\d+\s?\(\d+\),\s?\p{L}?\d+"#),
    ]
    /// An APA reference of any work: "Kozhakhmetov, R. B. (2021). Internal medicine…".
    private static let authorYear = pattern(#"^[^()]{2,120}\(((?:19|20)\d{2})\p{L}?\)\.\s"#)

    /// The year of a journal article's reference in the line, or nil when the line is none.
    static func articleYear(in text: String) -> Int? { firstYear(of: articles, in: text) }

    /// The year of any reference in the line: an article's, or a book's in APA.
    static func year(in text: String) -> Int? { firstYear(of: articles + [authorYear], in: text) }

    private static func firstYear(of patterns: [NSRegularExpression], in text: String) -> Int? {
        let range = NSRange(text.startIndex..., in: text)
        for pattern in patterns {
            if let match = pattern.firstMatch(in: text, range: range), let yearRange = Range(match.range(at: 1), in: text) {
                return Int(text[yearRange])
            }
        }
        return nil
    }
}
