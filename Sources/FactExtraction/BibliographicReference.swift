import Foundation

/// A work cited as a reference, the way a worker lists a publication: GOST («Иванова А.С.
/// Название // Журнал. – 2023. – № 3. – С. 24–30.»), Vancouver («Iskakov T, Akhmetova K. Title.
/// Sci Healthc. 2021;15(2):692-701.», «… 2020;(3):112-7.») or APA («Seitova, G. K. (2023). Title.
/// Journal, 20(2), 55–61.»). Its shape, not its words, says what it is.
enum BibliographicReference {
    private static func pattern(_ text: String) -> NSRegularExpression { try! NSRegularExpression(pattern: text, options: [.caseInsensitive]) }

    /// Shapes of a journal article's reference (group 1 is the year), each with the marks one of
    /// which it cannot match without: a line with none of a shape's marks is not run through its
    /// expression, and an expression no line needs is never compiled (ICU's pattern compiler
    /// costs a start more than reading a certificate's facts).
    private static let articles: [Shape] = [
        Shape(marks: [";"]) { vancouver },
        Shape(marks: ["//"]) { gost },
        Shape(marks: ["(19", "(20"]) { apa },
    ]
    /// An APA reference of any work: "Kozhakhmetov, R. B. (2021). Internal medicine…".
    private static let anyWork = Shape(marks: ["(19", "(20"]) { authorYear }

    private static let vancouver = pattern(#"\b((?:19|20)\d{2})\s?(?:\p{L}{3}\s?\d{0,2}\s?)?;\s?\d*\s?(?:\(\d+\))?\s?:\s?\p{L}?\d+"#)
    private static let gost = pattern(#"//.*?[-–.]\s((?:19|20)\d{2})\."#)
    private static let apa = pattern(#"\(((?:19|20)\d{2})\p{L}?\)\..*\b\d+\s?\(\d+\),\s?\p{L}?\d+"#)
    private static let authorYear = pattern(#"^[^()]{2,120}\(((?:19|20)\d{2})\p{L}?\)\.\s"#)

    private struct Shape: Sendable {
        let marks: [String]
        let expression: @Sendable () -> NSRegularExpression
    }

    /// The year of a journal article's reference in the line, or nil when the line is none.
    static func articleYear(in text: String) -> Int? { firstYear(of: articles, in: text) }

    /// The year of any reference in the line: an article's, or a book's in APA.
    static func year(in text: String) -> Int? { firstYear(of: articles + [anyWork], in: text) }

    private static func firstYear(of shapes: [Shape], in text: String) -> Int? {
        // Every shape's year begins with "19" or "20".
        guard text.contains(literal: "19") || text.contains(literal: "20") else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        for shape in shapes where shape.marks.contains(where: { text.contains(literal: $0) }) {
            if let match = shape.expression().firstMatch(in: text, range: range), let yearRange = Range(match.range(at: 1), in: text) {
                return Int(text[yearRange])
            }
        }
        return nil
    }
}
