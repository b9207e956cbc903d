import Foundation

/// A journal article cited as a reference, the way a worker lists a publication: GOST
/// («Иванова А.С. Название // Журнал. – 2023. – № 3. – С. 24–30.») or Vancouver («Iskakov T,
/// Akhmetova K. Title. Sci Healthc. 2021;15(2):692-701.»). Its shape, not its words, says what it is.
enum BibliographicReference {
    private static let vancouver = try! NSRegularExpression(pattern: #"\b((?:19|20)\d{2})\s?(?:[a-z]{3}\s?\d{0,2}\s?)?;\s?\d+\s?(?:\(\d+\))?\s?:\s?[a-z]?\d+"#, options: [.caseInsensitive])
    private static let gostYear = try! NSRegularExpression(pattern: #"//.*?[-–.]\s((?:19|20)\d{2})\."#)

    /// The year of the reference in the line, or nil when the line is no reference.
    static func year(in text: String) -> Int? {
        let range = NSRange(text.startIndex..., in: text)
        for pattern in [vancouver, gostYear] {
            if let match = pattern.firstMatch(in: text, range: range), let yearRange = Range(match.range(at: 1), in: text) {
                return Int(text[yearRange])
            }
        }
        return nil
    }
}
