import CPDRules
import Foundation

/// The language of a form or a message: the template it is rendered from and how its numbers
/// and dates are written.
public enum FormLanguage: String, CaseIterable, Sendable {
    case ru, kk, en

    /// "8,5" in Kazakh and Russian, "8.5" in English.
    public func format<Amount: ExactAmount>(_ amount: Amount) -> String {
        self == .en ? amount.description : amount.description.replacingOccurrences(of: ".", with: ",")
    }

    /// dd.mm.yyyy, as documents in Kazakhstan write dates.
    public func format(_ date: CalendarDate) -> String {
        String(format: "%02d.%02d.%04d", date.day, date.month, date.year)
    }

    /// The form a noun takes after the whole number `count` (CLDR's plural categories): Russian
    /// "one" (1 год, 21 год), "few" (2 года), "many" (5 лет, 11 лет); English "one" and "other";
    /// Kazakh nouns after a number do not change ("other": 1 жыл, 18 жыл).
    public func pluralCategory(_ count: Int) -> String {
        switch self {
        case .ru:
            let (last, lastTwo) = (count % 10, count % 100)
            if last == 1 && lastTwo != 11 { return "one" }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return "few" }
            return "many"
        case .en: return count == 1 ? "one" : "other"
        case .kk: return "other"
        }
    }

    /// mm.yyyy: a month written as the dates are, in every language.
    public func format(year: Int, month: Int) -> String {
        String(format: "%02d.%04d", month, year)
    }
}
